/// A history row of a goal as the report reads it: what changed, when, by whom, and for whom.
/// ``ReportChange/init(_:)`` words it.
public struct RecordedChange: Sendable, Equatable {
    public var changedAt: String
    public var actor: String
    public var goalId: Int64
    /// The goal's owner when the row was written.
    public var employeeId: String
    public var item: String?
    public var field: String
    public var old: String?
    public var new: String?
    public var note: String?

    public init(
        changedAt: String, actor: String, goalId: Int64, employeeId: String, item: String?, field: String, old: String?, new: String?,
        note: String?
    ) {
        self.changedAt = changedAt
        self.actor = actor
        self.goalId = goalId
        self.employeeId = employeeId
        self.item = item
        self.field = field
        self.old = old
        self.new = new
        self.note = note
    }
}
