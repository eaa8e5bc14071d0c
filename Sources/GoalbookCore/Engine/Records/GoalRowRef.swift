/// A goal's row in a plan or a result.
public struct GoalRowRef: Sendable, Equatable, Codable {
    public var goalId: Int64
    public var framework: Framework
    public var rowNumber: Int
    public var title: String
}
