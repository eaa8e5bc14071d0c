/// Finds the names closest to one a person typed, for "did you mean" messages.
public enum CloseMatches {
    /// Up to `limit` candidates, nearest first: those containing the query (ignoring case), then
    /// those within an edit distance of a third of the query's length,
    /// then those sharing at least half of the query's words.
    public static func find(_ query: String, in candidates: [String], limit: Int = 5) -> [String] {
        let q = query.lowercased()
        let scored: [(String, Int)] = candidates.compactMap { candidate in
            let c = candidate.lowercased()
            if c == q { return (candidate, 0) }
            if !q.isEmpty && (c.contains(q) || q.contains(c)) { return (candidate, 1) }
            let distance = editDistance(Array(q), Array(c))
            if distance <= max(2, q.count / 3) { return (candidate, 1 + distance) }
            // Abbreviations and reordered names: most of the query's words appear in the candidate.
            let queryWords = Set(q.split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
            let candidateWords = Set(c.split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
            let shared = queryWords.intersection(candidateWords).count
            return !queryWords.isEmpty && shared * 2 >= queryWords.count ? (candidate, 100 - shared) : nil
        }
        var seen = Set<String>()
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map(\.0).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
