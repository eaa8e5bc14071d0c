/// Finding the frame a person names by function and level (and family, where the function
/// name is not unique), and, when there is none, the close matches that tell them what exists.
public enum FrameLookup {
    /// A current frame version: where it is, and what names it.
    public struct Candidate: Sendable, Equatable {
        public var frameVersionId: Int64
        public var family: String
        public var function: String
        public var level: String

        public init(frameVersionId: Int64, family: String, function: String, level: String) {
            self.frameVersionId = frameVersionId
            self.family = family
            self.function = function
            self.level = level
        }
    }

    /// The one candidate named; several (a function in several families) and none are errors.
    public static func find(function: String, level: String, family: String?, in candidates: [Candidate]) throws -> Candidate {
        let matches = candidates.filter { $0.function == function && $0.level == level && (family == nil || $0.family == family) }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let families = matches.map(\.family).sorted()
            throw GoalbookError.invalidArgument(
                "function '\(function)' level \(level) exists in several families (\(families.joined(separator: ", "))); name one with --family")
        }
        throw notFound(function: function, level: level, family: family, candidates: candidates)
    }

    private static func notFound(function: String, level: String, family: String?, candidates: [Candidate]) -> GoalbookError {
        let inFamily = candidates.filter { family == nil || $0.family == family }
        let sameFunction = inFamily.filter { $0.function == function }
        if !sameFunction.isEmpty {
            let levels = sameFunction.map(\.level)
            let close = CloseMatches.find(level, in: levels, limit: 10)
            return .notFound(what: "level '\(level)' of function '\(function)'", suggestions: close.isEmpty ? levels.sorted() : close)
        }
        if let family, !candidates.contains(where: { $0.family == family }) {
            let families = Array(Set(candidates.map(\.family)))
            return .notFound(what: "family '\(family)'", suggestions: CloseMatches.find(family, in: families))
        }
        let functions = Array(Set(inFamily.map(\.function))).sorted()
        // With nothing close, a short list of every function still tells the person what exists.
        let close =
            CloseMatches.find(function, in: functions).isEmpty && functions.count <= 10
            ? functions : CloseMatches.find(function, in: functions)
        let suggestions = close.flatMap { name in
            inFamily.filter { $0.function == name }.map { "--function \"\(name)\" --level \($0.level)" }
        }
        return .notFound(what: "function '\(function)'", suggestions: suggestions)
    }
}
