/// What `quarter close` did: whether it closed, and the goals it found without a score.
public struct QuarterCloseResult: Sendable, Equatable {
    public var closed: Bool
    /// `G4 (E102)` for each active or done goal of the quarter with no score.
    public var unscored: [String]

    /// The first twenty, then how many in all and where to see them: a big quarter has thousands.
    public static func list(_ unscored: [String], quarter: Quarter) -> String {
        unscored.prefix(20).joined(separator: ", ")
            + (unscored.count > 20 ? ", … (\(unscored.count) in all: goalbook quarter scores \(quarter))" : "")
    }
}
