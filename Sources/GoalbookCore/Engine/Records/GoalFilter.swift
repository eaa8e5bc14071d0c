/// Which goals `goals list` shows.
public struct GoalFilter: Sendable {
    public var person: String?
    /// A team: its head and everyone below them (with `below`, only the people below).
    public var team: String?
    public var below: Bool
    public var quarter: Quarter?
    public var status: GoalStatus?
    /// `--as-of` (and `--as-recorded`): the goals and their state as they were then.
    public var asOf: PastView?

    public init(
        person: String? = nil, team: String? = nil, below: Bool = false, quarter: Quarter? = nil, status: GoalStatus? = nil,
        asOf: PastView? = nil
    ) {
        self.person = person
        self.team = team
        self.below = below
        self.quarter = quarter
        self.status = status
        self.asOf = asOf
    }
}
