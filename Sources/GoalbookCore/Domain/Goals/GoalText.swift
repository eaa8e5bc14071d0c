import Foundation
import TextTable

/// Text forms of goals and people for the terminal, CSV and JSON.
public enum GoalText {
    /// `goals show`: the goal's facts, then its template text with filled slots in place.
    public static func show(_ goal: Goal, canonMovedOn: (canonVersion: Int64, statementChanged: Bool)?, asOf: String?) -> String {
        var lines = [
            "\(goal.displayId)  \(goal.personName) (\(goal.employeeId)) · \(goal.quarter) · \(goal.framework.rowName(goal.rowNumber)) · "
                + "\(goal.status.rawValue)"
        ]
        if let asOf { lines.append("As of \(asOf), rebuilt from history.") }
        lines.append("Made from canon version \(goal.canonVersionId) (statement \(goal.statementId)) on \(goal.createdAt) by \(goal.createdBy).")
        if let carried = goal.carriedFrom { lines.append("Carried from \(GoalID.format(carried)).") }
        if let next = goal.carriedTo {
            lines.append(
                "Carried to \(GoalID.format(next)), which continues it; this goal keeps its figures in \(goal.quarter) and takes no more changes.")
        }
        var counts: [String] = []
        if let parent = goal.alignedTo { counts.append("Aligned to \(GoalID.format(parent))") }
        if let weight = goal.weight { counts.append("weight \(Measure.format(weight))") }
        let keyResultWeights = goal.items.compactMap { item in item.weight.map { "\(item.name) \(Measure.format($0))" } }
        if !keyResultWeights.isEmpty { counts.append("key result weights \(keyResultWeights.joined(separator: ", "))") }
        if let score = goal.score { counts.append("score \(Measure.format(score))") }
        if !counts.isEmpty {
            let sentence = counts.joined(separator: " · ")
            lines.append(sentence.prefix(1).uppercased() + sentence.dropFirst() + ".")
        }
        if let moved = canonMovedOn {
            lines.append(
                moved.statementChanged
                    ? "The canon has moved on: canon version \(moved.canonVersion) words this row differently. This goal keeps the text it was "
                        + "made from."
                    : "The canon has moved on to version \(moved.canonVersion); this row's text is unchanged there.")
        }
        lines += ["", goal.filledText, ""]
        for item in goal.items {
            let label = goal.items.count == 1 ? "" : "\(item.name): "
            let slots = item.slots.map { "\($0.slot.rawValue) \($0.value ?? "unfilled")" }.joined(separator: ", ")
            lines.append("\(label)\(slots)\(item.direction.map { ", \($0.rawValue)" } ?? "")")
        }
        let unfilled = goal.unfilledSlots
        if !unfilled.isEmpty { lines.append("Unfilled: \(unfilled.joined(separator: ", "))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row of `goals list`.
    public struct ListRow: Encodable, Sendable {
        public var id: String
        public var person: String
        public var name: String
        public var quarter: String
        public var framework: String
        public var row: Int
        public var status: String
        public var filled: String
        public var unfilled: [String]
        public var title: String
        public var weight: Double?
        public var alignedTo: String?
        public var score: Double?
        public var progress: Double?
        public var track: String?

        init(_ goal: Goal, standing: GoalStanding? = nil) {
            let total = goal.items.reduce(0) { $0 + $1.slots.count }
            id = goal.displayId
            person = goal.employeeId
            name = goal.personName
            quarter = goal.quarter
            framework = goal.framework.rawValue
            row = goal.rowNumber
            status = goal.status.rawValue
            filled = "\(total - goal.unfilledSlots.count)/\(total)"
            unfilled = goal.unfilledSlots
            title = goal.title
            weight = goal.weight
            alignedTo = goal.alignedTo.map(GoalID.format)
            score = goal.score
            progress = standing?.progress
            track = standing?.track.rawValue
        }
    }

    public static func listRows(_ goals: [Goal], standing: [GoalStanding]? = nil) -> [ListRow] {
        guard let standing else { return goals.map { ListRow($0) } }
        return zip(goals, standing).map { ListRow($0, standing: $1) }
    }

    /// `goals list` as an aligned table; with `standing`, each goal's progress and track too.
    public static func listTable(_ goals: [Goal], standing: [GoalStanding]? = nil) -> String {
        let table = TextTable<ListRow> { row in
            [
                Column(title: "ID", value: row.id), Column(title: "PERSON", value: row.person), Column(title: "QUARTER", value: row.quarter),
                Column(title: "FRAMEWORK", value: row.framework), Column(title: "ROW", value: row.row, align: .right),
                Column(title: "STATUS", value: row.status),
            ]
                + (standing == nil
                    ? []
                    : [
                        Column(title: "PROGRESS", value: row.progress.map { "\(Int(($0 * 100).rounded()))%" } ?? "-", align: .right),
                        Column(title: "TRACK", value: row.track ?? "-"),
                    ])
                + [
                    Column(title: "FILLED", value: row.filled),
                    Column(title: "WEIGHT", value: GoalWeights.format(row.weight) ?? "-", align: .right),
                    Column(title: "ALIGNED TO", value: row.alignedTo ?? "-"), Column(title: "TITLE", value: LineBreaks.flattened(row.title)),
                ]
        }
        let warnings = GoalWeights.warnings(goals)
        return TableText.render(table, listRows(goals, standing: standing))
            + (warnings.isEmpty ? "" : "\n" + warnings.map { "Note: \($0).\n" }.joined())
    }

    /// `goals list` as CSV, one goal per row.
    public static func listCSV(_ goals: [Goal], standing: [GoalStanding]? = nil) -> String {
        CSVWriter.line(
            [
                "id", "person", "name", "quarter", "framework", "row", "status", "filled", "unfilled", "title", "weight", "aligned_to", "score",
            ] + (standing == nil ? [] : ["progress", "track"]))
            + listRows(goals, standing: standing).map {
                CSVWriter.line(
                    [
                        $0.id, $0.person, $0.name, $0.quarter, $0.framework, "\($0.row)", $0.status, $0.filled,
                        $0.unfilled.joined(separator: " "), $0.title, GoalWeights.format($0.weight) ?? "", $0.alignedTo ?? "",
                        $0.score.map(Measure.format) ?? "",
                    ] + (standing == nil ? [] : [$0.progress.map { Measure.format(($0 * 10_000).rounded() / 10_000) } ?? "", $0.track ?? ""]))
            }.joined()
    }

    /// `goals log` and `people show`: one line per change, `when  who  command  field: old → new`.
    public static func log(_ entries: [HistoryEntry]) -> String {
        let table = TextTable<HistoryEntry> {
            [
                Column(title: "WHEN", value: $0.when), Column(title: "WHO", value: $0.who), Column(title: "COMMAND", value: $0.command),
                Column(title: "FIELD", value: $0.field),
                Column(title: "CHANGE", value: "\($0.old ?? "∅") → \($0.new ?? "∅")\($0.note.map { "  (\($0))" } ?? "")"),
            ]
        }
        return TableText.render(table, entries)
    }

    /// `people list` as an aligned table.
    public static func peopleTable(_ people: [Person]) -> String {
        let table = TextTable<Person> {
            [
                Column(title: "ID", value: $0.employeeId), Column(title: "NAME", value: $0.name),
                Column(title: "MANAGER", value: $0.managerId ?? "-"),
                Column(title: "FUNCTION", value: $0.function), Column(title: "LEVEL", value: $0.level),
                Column(title: "LEFT", value: $0.leftOn ?? "-"),
                Column(title: "EMAIL", value: $0.email ?? "-"),
            ]
        }
        return TableText.render(table, people)
    }

    /// `people list --format csv`: the staff-file columns, plus `left_on`.
    public static func peopleCSV(_ people: [Person]) -> String {
        CSVWriter.line(StaffCSV.columns + ["left_on"])
            + people.map {
                CSVWriter.line([$0.employeeId, $0.name, $0.email ?? "", $0.managerId ?? "", $0.family, $0.function, $0.level, $0.leftOn ?? ""])
            }.joined()
    }

}
