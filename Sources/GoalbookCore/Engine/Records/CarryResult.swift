/// What `goals carry` did (or would do).
public struct CarryResult: Sendable, Equatable {
    public struct Carried: Sendable, Equatable {
        public var employeeId: String
        public var from: Int64
        public var to: Int64
        public var title: String
        public var baseline: [String: String]
    }
    /// A goal that was not carried, and why.
    public struct Skipped: Sendable, Equatable {
        public var goal: Int64
        public var reason: String
    }
    public var carried: [Carried] = []
    public var skipped: [Skipped] = []
    /// Alignments kept in the new quarter: `G52 → G50 (was G42 → G40)`.
    public var linksKept: [String] = []
    /// Alignments that could not be kept, and why.
    public var linksLost: [String] = []
}
