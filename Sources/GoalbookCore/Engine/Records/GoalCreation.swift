/// What `goals add` and `goals assign` made (or, in a dry run, would make) for one person.
public struct GoalCreation: Sendable, Equatable, Codable {
    public var employeeId: String
    public var name: String
    /// Goals created (in a dry run, the ids they would have had): id, framework, row and title.
    public var created: [GoalRowRef]
    /// Rows skipped because the person already has a goal for them this quarter.
    public var existing: [GoalRowRef]
}
