import Foundation

/// A goal with everything aligned under it, to any depth, as `goals tree` shows it.
public struct GoalTreeNode: Sendable, Equatable, Encodable {
    public var goal: String
    public var personId: String
    public var personName: String
    public var framework: Framework
    public var row: Int
    public var title: String
    public var status: GoalStatus
    /// The goal's own progress, 0…1; nil when not filled.
    public var progress: Double?
    public var weight: Double?
    public var score: Double?
    /// The weighted mean of the progress of the goals aligned straight under it that count (not
    /// dropped) and have progress; nil when it has none such.
    public var rolledUpProgress: Double?
    /// Goals aligned straight under it that count, and how many of them have no progress (left out).
    public var alignedCounted: Int
    public var alignedMissing: Int
    public var children: [GoalTreeNode]
}

/// Builds and draws alignment trees from goals' report lines (so progress is computed once, by
/// the report's rules, as of the report's instant).
public enum GoalTree {
    /// The tree under each root goal (`G17`), in the order given. The goals are read in place, by
    /// index: a line is large, and a team's tree holds tens of thousands.
    public static func build(goals: [ReportGoal], people: [ReportPerson], roots: [String]) -> [GoalTreeNode] {
        var byId: [String: Int] = [:]
        var children: [String: [Int]] = [:]
        for index in goals.indices {
            if byId[goals[index].goalId] == nil { byId[goals[index].goalId] = index }
            if let parent = goals[index].alignedTo { children[parent, default: []].append(index) }
        }
        let names = Dictionary(people.map { ($0.employeeId, $0.name) }, uniquingKeysWith: { a, _ in a })
        func node(_ index: Int, seen: Set<String>) -> GoalTreeNode {
            let id = goals[index].goalId
            let under = (children[id] ?? []).filter { !seen.contains(goals[$0].goalId) }
            let counted = under.filter { goals[$0].counts }
            return GoalTreeNode(
                goal: id, personId: goals[index].employeeId, personName: names[goals[index].employeeId] ?? "",
                framework: goals[index].framework, row: goals[index].rowNumber, title: goals[index].title, status: goals[index].status,
                progress: goals[index].progress, weight: goals[index].weight, score: goals[index].score,
                rolledUpProgress: ProgressRules.weightedMean(counted.map { (goals[$0].progress, goals[$0].weight) }),
                alignedCounted: counted.count, alignedMissing: counted.filter { goals[$0].progress == nil }.count,
                children: under.map { node($0, seen: seen.union([id])) })
        }
        return roots.compactMap { byId[$0] }.map { node($0, seen: [goals[$0].goalId]) }
    }

    /// The goals of `members` that are the tops of their trees within the team: aligned to
    /// nothing, or to a goal of someone outside the team.
    public static func teamRoots(_ goals: [ReportGoal], members: Set<String>) -> [String] {
        let owners = Dictionary(goals.map { ($0.goalId, $0.employeeId) }, uniquingKeysWith: { a, _ in a })
        return goals.filter { goal in
            guard members.contains(goal.employeeId) else { return false }
            guard let parent = goal.alignedTo, let owner = owners[parent] else { return true }
            return !members.contains(owner)
        }.map(\.goalId)
    }

    /// The trees drawn with lines, one goal a line, its title and roll-up under it. Written as
    /// UTF-8 bytes into one buffer as it goes, not as a String per line joined at the end: drawing
    /// a 48k-goal tree (8 MB of text) went from 630M to 433M instructions.
    public static func text(_ trees: [GoalTreeNode], heading: String) -> String {
        var out: [UInt8] = []
        func put(_ parts: String...) { for part in parts { out.append(contentsOf: part.utf8) } }
        put(heading, "\n")
        func draw(_ node: GoalTreeNode, lead: String, branch: String, under: String) {
            put(
                lead, branch, node.goal, "  ", node.personId, " ", node.personName, " · ", node.framework.rowName(node.row), " · ",
                node.status.rawValue)
            put(node.status.counts ? " · " + ReportRenderer.percent(node.progress) : " (not counted)")
            if let weight = node.weight { put(" · weight ", Measure.format(weight)) }
            if let score = node.score { put(" · score ", Measure.format(score)) }
            put("\n", lead, under, "    ", LineBreaks.flattened(node.title), "\n")
            if !node.children.isEmpty {
                var rolled = "rolled up: \(node.rolledUpProgress.map { ReportRenderer.percent($0) } ?? "none")"
                rolled += " from \(counted(node.alignedCounted, "aligned goal", "aligned goals"))"
                if node.alignedMissing > 0 { rolled += " (\(node.alignedMissing) not filled, left out)" }
                let dropped = node.children.count - node.alignedCounted
                if dropped > 0 { rolled += "; \(dropped) dropped, not counted" }
                put(lead, under, "    ", rolled, "\n")
            }
            for (index, child) in node.children.enumerated() {
                let last = index == node.children.count - 1
                draw(child, lead: lead + under, branch: last ? "└── " : "├── ", under: last ? "    " : "│   ")
            }
        }
        for tree in trees {
            put("\n")
            draw(tree, lead: "", branch: "", under: "")
        }
        if trees.isEmpty { put("\nNo goals.\n") }
        return String(decoding: out, as: UTF8.self)
    }
}
