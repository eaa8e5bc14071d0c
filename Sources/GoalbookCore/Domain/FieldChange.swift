/// One field a command changed, of a goal or a person: its name, and its value before and after.
public struct FieldChange: Sendable, Equatable {
    public var field: String
    public var old: String?
    public var new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    /// `G42 KR1.target: 40% → 45%` (∅ for no value), as every command that changes a goal prints it.
    public func line(_ goalId: Int64) -> String { "\(GoalID.format(goalId)) \(field): \(old ?? "∅") → \(new ?? "∅")" }
}
