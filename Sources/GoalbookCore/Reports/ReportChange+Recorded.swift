/// How a report words a change read from history.
extension ReportChange {
    /// `added`, `target moved` (`KR1 target moved`), `carried`, and the statuses a report lists
    /// (`dropped`, `carried`, `done`); nil for a row the report does not list.
    public init?(_ recorded: RecordedChange) {
        let new = recorded.new
        let kind: String
        switch recorded.field {
        case "created": kind = "added"
        case "target": kind = recorded.item.map { $0 == "main" ? "target moved" : "\($0) target moved" } ?? "target moved"
        case "carried_to": kind = "carried"
        default:
            guard let new, new == "dropped" || new == "carried" || new == "done" else { return nil }
            kind = new
        }
        self.init(
            changedAt: recorded.changedAt, actor: recorded.actor, goalId: GoalID.format(recorded.goalId), employeeId: recorded.employeeId,
            kind: kind, old: recorded.field == "target" ? recorded.old : nil,
            new: recorded.field == "target" || recorded.field == "carried_to" ? new : nil, note: recorded.note)
    }
}
