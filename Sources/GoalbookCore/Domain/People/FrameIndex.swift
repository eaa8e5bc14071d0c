/// Every frame, for resolving the (family, function, level) people name.
public struct FrameIndex: Sendable {
    /// One frame: its id, family, function and level code.
    public struct Entry: Sendable, Equatable {
        public let id: Int64
        public let family: String
        public let function: String
        public let level: String

        public init(id: Int64, family: String, function: String, level: String) {
            self.id = id
            self.family = family
            self.function = function
            self.level = level
        }
    }
    public let byId: [Int64: Entry]

    public init(_ entries: [Entry]) {
        byId = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The frame's id. The family may be left out where the function name is in one family only.
    public func resolve(family: String?, function: String, level: String) throws -> Int64 {
        let matches = byId.values.filter { $0.function == function && $0.level == level && (family == nil || $0.family == family) }
        if matches.count == 1 { return matches[0].id }
        if matches.count > 1 {
            throw GoalbookError.invalidArgument(
                "function '\(function)' is in several families (\(matches.map(\.family).sorted().joined(separator: ", "))): give the family")
        }
        let levels = byId.values.filter { $0.function == function && (family == nil || $0.family == family) }.map(\.level)
        if !levels.isEmpty {
            throw GoalbookError.invalidArgument(
                "unknown level '\(level)' for function '\(function)' (levels: \(Set(levels).sorted().joined(separator: ", ")))")
        }
        let close = CloseMatches.find(function, in: Array(Set(byId.values.map(\.function))), limit: 3)
        throw GoalbookError.invalidArgument(
            "unknown job frame: function '\(function)'\(family.map { " in family '\($0)'" } ?? "")"
                + (close.isEmpty ? " (see goalbook canon list)" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"))
    }
}
