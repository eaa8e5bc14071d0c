/// Who reports to whom, among a set of people as they were at some instant: the one way a
/// subtree is walked in memory (the report and `goals tree` read people as of a past instant,
/// which the engine's team query on today's managers cannot give). A manager cycle cannot loop.
public struct OrgChart: Sendable {
    private var children: [String: [String]] = [:]

    /// `people` pairs each employee id with their manager's, in the order they are to be walked.
    public init<S: Sequence>(_ people: S) where S.Element == (employeeId: String, managerId: String?) {
        for person in people {
            if let manager = person.managerId { children[manager, default: []].append(person.employeeId) }
        }
    }

    /// The people directly below `manager`.
    public func reports(of manager: String) -> [String] { children[manager] ?? [] }

    /// `roots` and everyone below them, each once, each manager before the people who report to
    /// them and each manager's reports in employee-id order: the order a report reads people in.
    public func treeOrder(_ roots: [String]) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var stack = Array(roots.reversed())
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            out.append(next)
            stack += (children[next] ?? []).sorted(by: >)
        }
        return out
    }

    /// Everyone below `root` at any depth, without `root`, each once.
    public func below(_ root: String) -> [String] {
        var out: [String] = []
        var stack = children[root] ?? []
        var seen = Set<String>()
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            out.append(next)
            stack += children[next] ?? []
        }
        return out
    }
}
