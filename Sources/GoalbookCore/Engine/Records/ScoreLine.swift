/// One goal's line in `goalbook quarter scores`.
public struct ScoreLine: Sendable, Equatable, Codable {
    public var goalId: String
    public var personId: String
    public var personName: String
    public var framework: Framework
    public var row: Int
    public var title: String
    public var status: GoalStatus
    public var progress: Double?
    public var suggested: Double?
    public var score: Double?
    public var scale: ScoreScale
    public var scoredBy: String?
    public var scoredAt: String?
}
