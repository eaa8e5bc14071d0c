/// Which goals of a quarter a report holds besides its people's, for `goals tree`: the goals
/// that are or ever were at either end of an alignment link (history holds every link), with
/// one goal or a team's goals added.
public enum GoalSelection: Sendable, Equatable {
    /// One goal, and every linked goal of its quarter.
    case linked(to: Int64)
    /// A team's goals (its head's and everyone's below them; with `below`, only theirs below),
    /// and every linked goal of the quarter.
    case team(String, below: Bool)
}
