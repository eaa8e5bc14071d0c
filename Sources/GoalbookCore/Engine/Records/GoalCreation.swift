/// What `goals add` and `goals assign` made (or, in a dry run, would make) for one person.
public struct GoalCreation: Sendable, Equatable, Codable {
    public var employeeId: String
    public var name: String
    /// Goals created (in a dry run, the ids they would have had): id, framework, row and title.
    public var created: [GoalRowRef]
    /// Rows skipped because the person already has a goal for them this quarter.
    public var existing: [GoalRowRef]
}

/// How many people an assign reached and how many goals it made and found, told after each
/// person's own ``GoalCreation`` has been handed on.
public struct GoalCreationTotals: Sendable, Equatable {
    public var people = 0
    public var created = 0
    public var existing = 0

    public init() {}

    mutating func count(_ person: GoalCreation) {
        people += 1
        created += person.created.count
        existing += person.existing.count
    }
}
