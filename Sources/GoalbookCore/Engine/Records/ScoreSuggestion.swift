/// What `goals score` would suggest for a goal, and on which scale.
public struct ScoreSuggestion: Sendable, Equatable {
    public var goal: Goal
    public var scale: ScoreScale
    /// The goal's progress (0…1) at the moment; nil when it is not filled.
    public var progress: Double?
    /// The score that progress suggests; nil without progress.
    public var suggested: Double?
}
