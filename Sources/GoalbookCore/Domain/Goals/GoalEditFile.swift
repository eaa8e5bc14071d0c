import Foundation

/// The text file `goals edit` opens in the person's editor: one section per goal, a `[G42]`
/// header, the template text as `#` comments, then one `KEY = value` line per editable field.
public enum GoalEditFile {
    /// What a person changed in one goal's section, with the line of each value.
    public struct Section: Sendable, Equatable {
        public var goalId: Int64
        public var headerLine: Int
        /// Key (`target`, `KR1.target`, `status`, `note`) to the value and its line.
        public var values: [String: (value: String, line: Int)]

        public static func == (a: Section, b: Section) -> Bool {
            a.goalId == b.goalId && a.headerLine == b.headerLine
                && a.values.mapValues(\.value) == b.values.mapValues(\.value) && a.values.mapValues(\.line) == b.values.mapValues(\.line)
        }
    }

    /// A problem with the file, at a line (0 for the file as a whole).
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    static let problemMark = "# !! "

    /// The keys of a section whose values differ from what the file was opened with.
    public static func changedKeys(_ section: Section, goals: [Goal]) -> [String] {
        guard let goal = goals.first(where: { $0.id == section.goalId }) else { return [] }
        return keys(goal).filter { key in
            section.values[key].map { $0.value != value(goal, key: key) } ?? false
        }
    }

    /// The keys a goal's section may hold, in order.
    public static func keys(_ goal: Goal) -> [String] {
        goal.items.flatMap { item in
            item.slots.map { goal.fieldName(item: item.name, $0.slot.rawValue) }
                + (item.direction == .maintain ? ["keep", "tolerance"].map { goal.fieldName(item: item.name, $0) } : [])
        }
            + (goal.items.count > 1 ? goal.items.map { "\($0.name).weight" } : []) + ["weight", "status", "note"]
    }

    /// A field's current value as the file shows it.
    public static func value(_ goal: Goal, key: String) -> String {
        if key == "status" { return goal.status.rawValue }
        if key == "note" { return "" }
        if key == "weight" { return GoalWeights.format(goal.weight) ?? "" }
        let (item, field) = goal.field(named: key)
        if field == "weight" { return GoalWeights.format(goal.item(item)?.weight) ?? "" }
        if field == "keep" { return goal.item(item)?.keep?.typed ?? "" }
        if field == "tolerance" { return goal.item(item)?.toleranceText ?? "" }
        return goal.item(item)?.slots.first { $0.slot.rawValue == field }?.value ?? ""
    }

    /// The file for these goals.
    public static func render(_ goals: [Goal]) -> String {
        var lines = [
            "# goalbook goals edit: change the values after '=', then save and quit.",
            "# An empty value empties a slot. status is draft, active, done or dropped; a note is kept with a status change.",
            "# weight is how much the goal counts among its person's goals (unset weighs 1); KR1.weight weighs a key result.",
            "# A goal that keeps a value has keep (at-least, at-most or within; empty is within) and tolerance (in its unit; empty is 0).",
            "# Leave the file as it is, or empty it, to change nothing. Lines starting with # are ignored.",
        ]
        for goal in goals {
            lines += [
                "", "[\(goal.displayId)]  \(goal.personName) (\(goal.employeeId)) · \(goal.quarter) · \(goal.framework.rowName(goal.rowNumber))",
            ]
            lines += goal.templateText.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }
            lines += keys(goal).map { "\($0) = \(value(goal, key: $0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the file back: one section per header, every problem with its line.
    public static func parse(_ text: String, goals: [Goal]) -> (sections: [Section], problems: [Problem]) {
        let byId = Dictionary(uniqueKeysWithValues: goals.map { ($0.id, $0) })
        var sections: [Section] = []
        var problems: [Problem] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if raw.unicodeScalars.contains("\u{0}") {
                problems.append(Problem(line: number, message: "the line holds a NUL byte (\\0): remove it"))
                continue
            }
            let line = raw.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]"), let id = try? GoalID.parse(String(line[line.index(after: line.startIndex)..<close]))
                else {
                    problems.append(Problem(line: number, message: "a header is [G<id>], as the file had it"))
                    continue
                }
                if byId[id] == nil {
                    problems.append(
                        Problem(line: number, message: "\(GoalID.format(id)) was not in this file when it was opened; goal ids cannot be changed"))
                } else if sections.contains(where: { $0.goalId == id }) {
                    problems.append(Problem(line: number, message: "\(GoalID.format(id)) appears twice"))
                }
                sections.append(Section(goalId: id, headerLine: number, values: [:]))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(Problem(line: number, message: "not a KEY = value line"))
                continue
            }
            let key = String(line[..<equals]).trimmingBlanks()
            let value = String(line[line.index(after: equals)...]).trimmingBlanks()
            guard let index = sections.indices.last else {
                problems.append(Problem(line: number, message: "'\(key)' comes before any [G…] header"))
                continue
            }
            guard let goal = byId[sections[index].goalId] else { continue }
            guard keys(goal).contains(key) else {
                problems.append(
                    Problem(line: number, message: "unknown key '\(key)' for \(goal.displayId); its keys are \(keys(goal).joined(separator: ", "))"))
                continue
            }
            if sections[index].values[key] != nil {
                problems.append(Problem(line: number, message: "'\(key)' is given twice"))
                continue
            }
            sections[index].values[key] = (value, number)
        }
        for goal in goals where !sections.contains(where: { $0.goalId == goal.id }) {
            problems.append(
                Problem(line: 0, message: "the header [\(goal.displayId)] is missing: keep every header, or empty the whole file to change nothing"))
        }
        return (sections, problems)
    }

    /// The text without the problems an earlier round wrote into it.
    public static func withoutProblems(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(problemMark) }.joined(separator: "\n")
    }

    /// The person's text (without earlier problems) with these problems written in: all of them at
    /// the top, and each one under its line. Everything the person wrote stays.
    public static func annotate(_ text: String, problems: [Problem]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for problem in problems.filter({ $0.line > 0 }).sorted(by: { $0.line > $1.line }) where problem.line <= lines.count {
            lines.insert("\(problemMark)^ \(problem.message)", at: problem.line)
        }
        let top =
            ["\(problemMark)Not saved: fix what is marked, then save and quit again (or empty the file to change nothing)."]
            + problems.sorted { $0.line < $1.line }.map { "\(problemMark)\($0.line > 0 ? "line \($0.line): " : "")\($0.message)" }
        return (top + lines).joined(separator: "\n")
    }
}
