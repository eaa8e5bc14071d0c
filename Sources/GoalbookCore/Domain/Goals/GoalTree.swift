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

/// Builds and draws alignment trees from a report's goals (so progress is computed once, by the
/// report's rules, as of the report's instant).
public enum GoalTree {
    /// The tree under each root goal (`G17`), in the order given.
    public static func build(_ report: Report, roots: [String]) -> [GoalTreeNode] {
        let byId = Dictionary(report.goals.map { ($0.goalId, $0) }, uniquingKeysWith: { a, _ in a })
        let children = Dictionary(grouping: report.goals.filter { $0.alignedTo != nil }, by: { $0.alignedTo! })
        let names = Dictionary(report.people.map { ($0.employeeId, $0.name) }, uniquingKeysWith: { a, _ in a })
        func node(_ goal: ReportGoal, seen: Set<String>) -> GoalTreeNode {
            let under = (children[goal.goalId] ?? []).filter { !seen.contains($0.goalId) }
            let counted = under.filter(\.counts)
            return GoalTreeNode(
                goal: goal.goalId, personId: goal.employeeId, personName: names[goal.employeeId] ?? "", framework: goal.framework,
                row: goal.rowNumber, title: goal.title, status: goal.status, progress: goal.progress, weight: goal.weight, score: goal.score,
                rolledUpProgress: ProgressRules.weightedMean(counted.map { ($0.progress, $0.weight) }),
                alignedCounted: counted.count, alignedMissing: counted.filter { $0.progress == nil }.count,
                children: under.map { node($0, seen: seen.union([goal.goalId])) })
        }
        return roots.compactMap { byId[$0] }.map { node($0, seen: [$0.goalId]) }
    }

    /// The goals of `members` that are the tops of their trees within the team: aligned to
    /// nothing, or to a goal of someone outside the team.
    public static func teamRoots(_ report: Report, members: Set<String>) -> [String] {
        let owners = Dictionary(report.goals.map { ($0.goalId, $0.employeeId) }, uniquingKeysWith: { a, _ in a })
        return report.goals.filter { goal in
            guard members.contains(goal.employeeId) else { return false }
            guard let parent = goal.alignedTo, let owner = owners[parent] else { return true }
            return !members.contains(owner)
        }.map(\.goalId)
    }

    /// The trees drawn with lines, one goal a line, its title and roll-up under it.
    public static func text(_ trees: [GoalTreeNode], heading: String) -> String {
        var lines = [heading]
        func draw(_ node: GoalTreeNode, lead: String, branch: String, under: String) {
            var line = "\(node.goal)  \(node.personId) \(node.personName) · \(node.framework.rowName(node.row)) · \(node.status.rawValue)"
            line += node.status.counts ? " · \(ReportRenderer.percent(node.progress))" : " (not counted)"
            if let weight = node.weight { line += " · weight \(Measure.format(weight))" }
            if let score = node.score { line += " · score \(Measure.format(score))" }
            lines.append(lead + branch + line)
            lines.append(lead + under + "    " + LineBreaks.flattened(node.title))
            if !node.children.isEmpty {
                var rolled = "rolled up: \(node.rolledUpProgress.map { ReportRenderer.percent($0) } ?? "none")"
                rolled += " from \(counted(node.alignedCounted, "aligned goal", "aligned goals"))"
                if node.alignedMissing > 0 { rolled += " (\(node.alignedMissing) not filled, left out)" }
                let dropped = node.children.count - node.alignedCounted
                if dropped > 0 { rolled += "; \(dropped) dropped, not counted" }
                lines.append(lead + under + "    " + rolled)
            }
            for (index, child) in node.children.enumerated() {
                let last = index == node.children.count - 1
                draw(child, lead: lead + under, branch: last ? "└── " : "├── ", under: last ? "    " : "│   ")
            }
        }
        for tree in trees {
            lines.append("")
            draw(tree, lead: "", branch: "", under: "")
        }
        if trees.isEmpty { lines += ["", "No goals."] }
        return lines.joined(separator: "\n") + "\n"
    }
}
