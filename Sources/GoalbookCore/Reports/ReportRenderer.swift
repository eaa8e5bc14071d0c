import Foundation

/// The report's output formats.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, md, csv, json, html

    /// The usual file name extension: `txt` for text, else the format's name.
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// Renders a ``Report`` in each format. Every format shows the same figures; csv and json have
/// one row per goal with the columns of `docs/reports.md`.
public enum ReportRenderer {
    /// Writes the report to `sink` piece by piece.
    public static func render(_ report: Report, as format: ReportFormat, color: Bool = false, to sink: TextSink) {
        switch format {
        case .text: text(report, color: color, sink)
        case .md: markdown(report, sink)
        case .csv: csv(report, sink)
        case .json: json(report, sink)
        case .html: ReportHTML.page(report, sink)
        }
        sink.flush()
    }

    /// The whole report as one string.
    public static func render(_ report: Report, as format: ReportFormat, color: Bool = false) -> String {
        TextSink.collect { render(report, as: format, color: color, to: $0) }
    }

    // MARK: - Shared wording

    /// `45%`; the raw figure follows where clamping changed it: `100% (raw 130%)`.
    static func percent(_ clamped: Double?, raw: Double? = nil) -> String {
        guard let clamped else { return "not filled" }
        let shown = "\(Int((clamped * 100).rounded()))%"
        guard let raw, abs(raw - clamped) > 0.000_5 else { return shown }
        return "\(shown) (raw \(Int((raw * 100).rounded()))%)"
    }

    /// `12% → 20% → 40%` (baseline → latest → target), with the item's direction and due date.
    static func figures(_ item: ItemProgress) -> String {
        guard let target = item.target else { return "not filled" }
        let baseline = item.baseline.map(\.description) ?? Measure(number: 0, unit: target.unit).description
        let latest = item.latest?.description ?? "no check-in"
        var text = "\(baseline) → \(latest) → \(target)"
        var notes: [String] = []
        if let direction = item.direction { notes.append(direction.rawValue + (item.keepRule.map { ", \($0)" } ?? "")) }
        if let due = item.due { notes.append("due \(due)") }
        if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
        return text
    }

    /// `active · at risk`; a finished goal's status says it all (`dropped`).
    static func statusAndTrack(_ goal: ReportGoal, paint: (Track) -> String = { $0.rawValue }) -> String {
        goal.track.rawValue == goal.status.rawValue ? paint(goal.track) : "\(goal.status.rawValue) · \(paint(goal.track))"
    }

    /// `weight 30 · score 0.7 · aligned to G1 (E001)`: what a goal has of these, nil when none.
    static func extras(_ goal: ReportGoal) -> String? {
        var parts: [String] = []
        if let weight = goal.weight { parts.append("weight \(Measure.format(weight))") }
        if let score = goal.score { parts.append("score \(Measure.format(score))") }
        if let parent = goal.alignedToLabel { parts.append("aligned to \(parent)") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `confidence 7 (up from 5, 2026-11-03) · note 2026-11-12: waiting for data`: the newest
    /// confidence and note of the goal's check-ins, nil when it has neither. Line breaks in a
    /// note are shown as `⏎`, so a note never reads as lines of the report.
    static func confidenceAndNote(_ goal: ReportGoal) -> String? {
        var parts: [String] = []
        if let confidence = goal.confidence {
            let trend = goal.previousConfidence.map { previous in
                previous == confidence ? "unchanged" : "\(previous < confidence ? "up" : "down") from \(previous)"
            }
            parts.append("confidence \(confidence)/10 (" + [trend, goal.confidenceOn].compactMap { $0 }.joined(separator: ", ") + ")")
        }
        if let note = goal.note {
            parts.append("note \(goal.noteOn ?? ""): \(LineBreaks.flattened(note))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `carried to G52`, on a line of its own: the one thing a carry adds to its quarter's report.
    static func carried(_ goal: ReportGoal) -> String? { goal.carriedTo.map { "carried to \($0)" } }

    /// `average progress 45% · weighted 52%`, and what is wrong with the person's weights.
    static func summary(_ figures: PersonFigures?) -> [String] {
        guard let figures, figures.averageProgress != nil || figures.weightWarning != nil else { return [] }
        var lines = ["average progress \(percent(figures.averageProgress)) · weighted \(percent(figures.weightedProgress))"]
        if let warning = figures.weightWarning { lines.append("note: \(warning)") }
        return lines
    }

    /// A roll-up row's name: `E100 Ada Park`, `E001 Grace Hopper (own goals)`, or `Total`.
    static func rowName(_ r: TeamRollup) -> String {
        r.employeeId.isEmpty ? "Total" : "\(r.employeeId) \(r.name)" + (r.headOnly ? " (own goals)" : "")
    }

    /// Per subtree (and for everyone in the report): goals aligned to goals outside it, and goals aligned to nothing.
    static func alignmentLines(_ report: Report) -> [String] {
        (report.teams + [report.total]).map { r in
            let name =
                r.employeeId.isEmpty
                ? "Everyone in this report"
                : r.headOnly ? "\(r.employeeId) \(r.name)'s own goals" : "\(r.employeeId) \(r.name) and their team"
            // A big team's lists are cut at ten here; csv and json keep every goal.
            func list(_ goals: [String]) -> String {
                goals.isEmpty ? "none" : goals.prefix(10).joined(separator: ", ") + (goals.count > 10 ? ", … (\(goals.count) in all)" : "")
            }
            return "\(name): aligned outside: \(list(r.alignedOutside)); aligned to nothing: \(list(r.alignedToNothing))"
        }
    }

    static func statusCounts(_ rollup: TeamRollup) -> String {
        GoalStatus.allCases.compactMap { status in rollup.goalsByStatus[status.rawValue].map { "\($0) \(status.rawValue)" } }
            .joined(separator: ", ")
    }

    static func header(_ report: Report) -> [String] {
        [
            "Quarterly progress report · \(report.quarter) · \(report.scope)",
            "As of \(report.asOf); progress judged on \(report.reportDate)\(report.closed ? "; quarter closed" : "")",
        ]
    }

    // MARK: - txt

    static func text(_ report: Report, color: Bool, _ lines: TextSink) {
        func paint(_ track: Track) -> String {
            guard color else { return track.rawValue }
            let code: TerminalText.Color
            switch track {
            case .onTrack, .done: code = .green
            case .atRisk: code = .yellow
            case .offTrack: code = .red
            case .notFilled, .draft, .dropped: code = .dim
            }
            return TerminalText.color(code) + track.rawValue + TerminalText.color(.reset)
        }
        lines += header(report)
        if !report.teams.isEmpty || report.people.count > 1 {
            lines += ["", "Teams"]
            let rows = report.teams + [report.total]
            let table = rows.map { r -> [String] in
                [
                    rowName(r), "\(r.people)", "\(r.peopleWithGoals)", "\(r.goals)",
                    statusCounts(r).isEmpty ? "-" : statusCounts(r), percent(r.averageProgress).replacingOccurrences(of: "not filled", with: "-"),
                    percent(r.weightedProgress).replacingOccurrences(of: "not filled", with: "-"),
                    r.slotsFilledShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "-", "\(r.peopleWithoutGoals.count)",
                ]
            }
            lines += aligned(
                [["SUBTREE", "PEOPLE", "WITH GOALS", "GOALS", "BY STATUS", "AVG PROGRESS", "WEIGHTED", "SLOTS FILLED", "NO GOALS"]] + table,
                rightAligned: [1, 2, 3, 5, 6, 7, 8])
            lines += ["", "Alignment"] + alignmentLines(report).map { "  " + $0 }
        }
        let personFigures = report.figuresByPerson()
        lines += ["", "People"]
        let byPerson = report.goalsByPerson()
        for person in report.people {
            let goals = byPerson[person.employeeId] ?? []
            lines.append("")
            lines.append(
                "\(person.employeeId) \(person.name) · \(person.function) \(person.level)"
                    + (person.managerId.map { " · manager \($0)" } ?? "") + (person.leftOn.map { " · leaves \($0)" } ?? ""))
            if goals.isEmpty { lines.append("  no goals this quarter") }
            lines += summary(personFigures[person.employeeId]).map { "  " + $0 }
            for goal in goals {
                lines.append(
                    "  \(goal.goalId)  \(goal.framework.rowName(goal.rowNumber)) · \(statusAndTrack(goal, paint: paint))"
                        + (goal.progress == nil ? "" : " · \(percent(goal.progress, raw: goal.progressRaw))")
                        + (goal.progress == nil || goal.status != .active ? "" : " (expected \(percent(goal.expected)))"))
                lines.append("      \(LineBreaks.flattened(goal.title))")
                if let extras = extras(goal) { lines.append("      \(extras)") }
                if let carried = carried(goal) { lines.append("      \(carried)") }
                for item in goal.items {
                    let label = goal.label(item)
                    lines.append("      \(label)\(figures(item))" + (item.lastCheckin.map { ", last check-in \($0)" } ?? ""))
                }
                if let latest = confidenceAndNote(goal) { lines.append("      \(latest)") }
                if !goal.unfilled.isEmpty { lines.append("      unfilled: \(goal.unfilled.joined(separator: ", "))") }
            }
        }
        lines += ["", "Changes this quarter"]
        if report.changes.isEmpty { lines.append("  none") }
        for line in changeLines(report.changes) { lines.append("  " + line) }
    }

    /// The changes as people read them: goals one person added on one day come as one line
    /// (`2026-10-02  grace  added 6 goals: G1 (E100), …`), so a team's quarter is not a wall of
    /// "added"; every other change keeps a line of its own. (csv and json keep one entry per change.)
    public static func changeLines(_ changes: [ReportChange]) -> [String] {
        var lines: [String] = []
        var index = 0
        while index < changes.count {
            let change = changes[index]
            guard change.kind == "added" else {
                lines.append(changeLine(change))
                index += 1
                continue
            }
            let day = change.changedAt.prefix(10)
            var group = [change]
            index += 1
            while index < changes.count, changes[index].kind == "added", changes[index].actor == change.actor,
                changes[index].changedAt.prefix(10) == day
            {
                group.append(changes[index])
                index += 1
            }
            if group.count == 1 {
                lines.append(changeLine(change))
                continue
            }
            let shown = group.prefix(5).map { "\($0.goalId) (\($0.employeeId))" }.joined(separator: ", ")
            let people = Set(group.map(\.employeeId)).count
            lines.append(
                "\(day)  \(change.actor)  added \(group.count) goals for \(counted(people, "person", "people")): \(shown)"
                    + (group.count > 5 ? ", …" : ""))
        }
        return lines
    }

    static func changeLine(_ change: ReportChange) -> String {
        var text = "\(change.changedAt)  \(change.actor)  \(change.goalId) (\(change.employeeId))  \(change.kind)"
        if change.kind == "carried", change.old == nil, let next = change.new {
            text += " → \(next)"
        } else if change.old != nil || change.new != nil {
            text += " \(change.old ?? "∅") → \(change.new ?? "∅")"
        }
        if let note = change.note { text += "  (\(note))" }
        return text
    }

    /// Columns padded to their widest cell; the last column is never padded.
    static func aligned(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let widths = rows.reduce(into: [Int](repeating: 0, count: rows.first?.count ?? 0)) { widths, row in
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            "  "
                + row.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    if rightAligned.contains(i) { return pad + cell }
                    return i == row.count - 1 ? cell : cell + pad
                }.joined(separator: "  ")
        }
    }

    // MARK: - md

    static func markdown(_ report: Report, _ lines: TextSink) {
        let cell = markdownText
        let title = header(report)
        lines += ["# \(cell(title[0]))", "", "_\(cell(title[1]))_"]
        if !report.teams.isEmpty || report.people.count > 1 {
            lines += [
                "", "## Teams", "", "| Subtree | People | With goals | Goals | By status | Avg progress | Weighted | Slots filled | No goals |",
                "|---|---:|---:|---:|---|---:|---:|---:|---|",
            ]
            for r in report.teams + [report.total] {
                lines.append(
                    "| \(r.employeeId.isEmpty ? "**Total**" : cell(rowName(r))) | \(r.people) | \(r.peopleWithGoals) | \(r.goals) | "
                        + "\(statusCounts(r)) | \(r.averageProgress.map { percent($0) } ?? "–") | \(r.weightedProgress.map { percent($0) } ?? "–") | "
                        + "\(r.slotsFilledShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "–") | \(r.peopleWithoutGoals.joined(separator: ", ")) |")
            }
            lines += ["", "## Alignment", ""] + alignmentLines(report).map { "- " + cell($0) }
        }
        let personFigures = report.figuresByPerson()
        lines += ["", "## People"]
        let byPerson = report.goalsByPerson()
        for person in report.people {
            lines += [
                "", "### \(cell(person.employeeId)) \(cell(person.name))", "",
                "\(cell(person.family)) · \(cell(person.function)) · \(cell(person.level))"
                    + (person.managerId.map { " · manager \(cell($0))" } ?? "") + (person.leftOn.map { " · leaves \($0)" } ?? ""),
            ]
            let goals = byPerson[person.employeeId] ?? []
            if goals.isEmpty {
                lines += ["", "No goals this quarter."]
                continue
            }
            let personSummary = summary(personFigures[person.employeeId])
            if !personSummary.isEmpty { lines += [""] + personSummary.map { "_\(cell($0))_  " } }
            lines += [
                "", "| Goal | Row | Status | Track | Progress | Baseline → latest → target | Last check-in | Unfilled |",
                "|---|---|---|---|---:|---|---|---|",
            ]
            for goal in goals {
                // Each part is escaped on its own: the <br> between them is the report's, not the data's.
                let figures =
                    (goal.items.map { goal.label($0) + Self.figures($0) } + [extras(goal), carried(goal), confidenceAndNote(goal)].compactMap { $0 })
                    .map(cell).joined(separator: "<br>")
                lines.append(
                    "| \(goal.goalId) | \(cell(goal.framework.rowName(goal.rowNumber))): \(cell(goal.title)) | \(goal.status.rawValue) | "
                        + "\(goal.track.rawValue) | \(percent(goal.progress, raw: goal.progressRaw)) | \(figures) | \(goal.lastCheckin ?? "–") | "
                        + "\(cell(goal.unfilled.joined(separator: ", "))) |")
            }
        }
        lines += ["", "## Changes this quarter", ""]
        lines += report.changes.isEmpty ? ["None."] : changeLines(report.changes).map { "- " + cell($0) }
    }

    /// Text as one Markdown table cell or line shows it, and never as markup: HTML is escaped
    /// (`<script>` shows as text), a `|` does not end the cell and a line break does not end the row.
    static func markdownText(_ text: String) -> String {
        guard text.contains(where: { "<>|\n\r\u{2028}\u{2029}".contains($0) }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "\\|"
            case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    // MARK: - csv and json

    /// The columns of the csv rows (one per item) and json goals (the first item's), in order.
    public static let goalColumns = [
        "quarter", "goal_id", "person_id", "person_name", "manager_id", "family", "function", "level", "framework", "row", "title",
        "status", "track", "progress", "progress_raw", "expected", "item", "baseline", "latest", "target", "unit", "direction", "due",
        "last_checkin", "slots_filled", "slots_total", "unfilled", "carried_from", "carried_to", "weight", "score", "aligned_to", "aligned_to_person",
        "item_progress", "item_weight", "keep", "tolerance", "confidence", "note",
    ]

    /// The keys of each entry of a json goal's `items`, in order.
    static let itemColumns = [
        "item", "baseline", "latest", "target", "unit", "direction", "due", "last_checkin", "progress", "progress_raw",
        "weight", "keep", "tolerance", "confidence", "note",
    ]
    static let quotedItemColumns = itemColumns.map { JSONValue.string($0).json + ": " }

    /// `"quarter": ` and so on: each column's JSON key, written once.
    static let quotedGoalColumns = goalColumns.map { JSONValue.string($0).json + ": " }

    /// One goal's values for `goalColumns`, in order, with the figures of `item` (the goal's first
    /// by default); null where there is no value.
    static func goalRow(_ goal: ReportGoal, _ person: ReportPerson?, quarter: String, item: ItemProgress?) -> [JSONValue] {
        let text = JSONValue.text
        let number = JSONValue.rounded
        let values: [JSONValue] = [
            .string(quarter), .string(goal.goalId), .string(goal.employeeId), text(person?.name), text(person?.managerId),
            text(person?.family), text(person?.function), text(person?.level), .string(goal.framework.rawValue), .number(Double(goal.rowNumber)),
            .string(goal.title), .string(goal.status.rawValue), .string(goal.track.rawValue), number(goal.progress), number(goal.progressRaw),
            number(goal.expected), text(item?.item), number(item?.baseline?.number), number(item?.latest?.number), number(item?.target?.number),
            text(item?.target?.unit ?? item?.baseline?.unit), text(item?.direction?.rawValue), text(item?.due), text(goal.lastCheckin),
            .number(Double(goal.slotsFilled)), .number(Double(goal.slotsTotal)), .string(goal.unfilled.joined(separator: " ")),
            text(goal.carriedFrom), text(goal.carriedTo),
            goal.weight.map { .number($0) } ?? .null, goal.score.map { .number($0) } ?? .null, text(goal.alignedTo), text(goal.alignedToPerson),
            number(item?.clamped), item?.weight.map { .number($0) } ?? .null, text(item?.keep), item?.tolerance.map { .number($0) } ?? .null,
            item?.confidence.map { .number(Double($0)) } ?? .null, text(item?.note),
        ]
        return values
    }

    /// One item's values for `itemColumns`, in order.
    static func itemRow(_ item: ItemProgress) -> [JSONValue] {
        let text = JSONValue.text
        let number = JSONValue.rounded
        return [
            .string(item.item), number(item.baseline?.number), number(item.latest?.number), number(item.target?.number),
            text(item.target?.unit ?? item.baseline?.unit), text(item.direction?.rawValue), text(item.due), text(item.lastCheckin),
            number(item.clamped), number(item.raw), item.weight.map { .number($0) } ?? .null, text(item.keep),
            item.tolerance.map { .number($0) } ?? .null, item.confidence.map { .number(Double($0)) } ?? .null, text(item.note),
        ]
    }

    static func csv(_ report: Report, _ out: TextSink) {
        let people = Dictionary(report.people.map { ($0.employeeId, $0) }, uniquingKeysWith: { a, _ in a })
        out += CSVWriter.line(goalColumns)
        // Long format: one row per item (an OKR objective has a row per key result), the goal's columns repeated.
        for goal in report.goals {
            for item in goal.items.isEmpty ? [nil] : goal.items.map(Optional.some) {
                out += CSVWriter.line(goalRow(goal, people[goal.employeeId], quarter: report.quarter, item: item).map(\.csv))
            }
        }
    }

    static func json(_ report: Report, _ out: TextSink) {
        let people = Dictionary(report.people.map { ($0.employeeId, $0) }, uniquingKeysWith: { a, _ in a })
        out += "{\n"
        out += "  \"quarter\": \(JSONValue.string(report.quarter).json),\n"
        out += "  \"scope\": \(JSONValue.string(report.scope).json),\n"
        out += "  \"as_of\": \(JSONValue.string(report.asOf).json),\n"
        out += "  \"report_date\": \(JSONValue.string(report.reportDate).json),\n"
        out += "  \"closed\": \(report.closed),\n"
        out += "  \"goals\": [" + (report.goals.isEmpty ? "" : "\n")
        for (index, goal) in report.goals.enumerated() {
            var line = index == 0 ? "    {" : ",\n    {"
            line.reserveCapacity(1024)
            for (column, value) in goalRow(goal, people[goal.employeeId], quarter: report.quarter, item: goal.primary).enumerated() {
                if column > 0 { line += ", " }
                line += quotedGoalColumns[column]
                value.append(to: &line)
            }
            line += ", \"items\": ["
            for (index, item) in goal.items.enumerated() {
                line += index == 0 ? "{" : ", {"
                for (column, value) in itemRow(item).enumerated() {
                    if column > 0 { line += ", " }
                    line += quotedItemColumns[column]
                    value.append(to: &line)
                }
                line += "}"
            }
            out += line + "]}"
        }
        out += (report.goals.isEmpty ? "" : "\n  ") + "],\n"
        let teams: [String] = (report.teams + [report.total]).map { t in
            let byStatus: [(String, String)] = t.goalsByStatus.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
            let total = t.employeeId.isEmpty
            return jsonObject([
                ("subtree", total ? "null" : JSONValue.string(t.employeeId).json), ("name", total ? "null" : JSONValue.string(t.name).json),
                ("people", "\(t.people)"), ("people_with_goals", "\(t.peopleWithGoals)"), ("goals", "\(t.goals)"),
                ("goals_by_status", jsonObject(byStatus)), ("average_progress", JSONValue.rounded(t.averageProgress).json),
                ("slots_filled_share", JSONValue.rounded(t.slotsFilledShare).json),
                ("people_without_goals", strings(t.peopleWithoutGoals)),
                ("weighted_progress", JSONValue.rounded(t.weightedProgress).json),
                ("aligned_outside", strings(t.alignedOutside)), ("aligned_to_nothing", strings(t.alignedToNothing)),
                ("head_only", "\(t.headOnly)"),
            ])
        }
        let personFigures: [String] = report.figures.map { f in
            jsonObject([
                ("person_id", JSONValue.string(f.employeeId).json), ("average_progress", JSONValue.rounded(f.averageProgress).json),
                ("weighted_progress", JSONValue.rounded(f.weightedProgress).json), ("weight_warning", JSONValue.text(f.weightWarning).json),
            ])
        }
        let changes: [String] = report.changes.map { c in
            jsonObject([
                ("changed_at", JSONValue.string(c.changedAt).json), ("actor", JSONValue.string(c.actor).json),
                ("goal_id", JSONValue.string(c.goalId).json), ("person_id", JSONValue.string(c.employeeId).json),
                ("kind", JSONValue.string(c.kind).json), ("old", JSONValue.text(c.old).json), ("new", JSONValue.text(c.new).json),
                ("note", JSONValue.text(c.note).json),
            ])
        }
        out += "  \"teams\": [" + teams.joined(separator: ", ") + "],\n"
        out += "  \"people\": [" + personFigures.joined(separator: ", ") + "],\n"
        out += "  \"changes\": [" + changes.joined(separator: ", ") + "]\n"
        out += "}\n"
    }
}

/// `["a", "b"]`
func strings(_ values: [String]) -> String { "[" + values.map { JSONValue.string($0).json }.joined(separator: ", ") + "]" }

/// `{"key": value, …}` from keys and values that are JSON text already.
func jsonObject(_ pairs: [(String, String)]) -> String {
    var out = "{"
    out.reserveCapacity(pairs.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 })
    for (index, pair) in pairs.enumerated() {
        if index > 0 { out += ", " }
        out += JSONValue.string(pair.0).json
        out += ": "
        out += pair.1
    }
    return out + "}"
}

/// A value of the one-row-per-goal forms, written straight out as it is streamed.
enum JSONValue {
    case string(String)
    case number(Double)
    case null

    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// A share to four decimals, in its shortest form.
    static func rounded(_ value: Double?) -> JSONValue { value.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null }

    var json: String {
        var out = ""
        append(to: &out)
        return out
    }

    /// Appends the value as JSON text.
    func append(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .number(let n): out += Measure.format(n)
        case .string(let s):
            // Most text needs no escaping: then it is copied whole.
            var plain = true
            for byte in s.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                plain = false
                break
            }
            if plain {
                out += "\""
                out += s
                out += "\""
                return
            }
            out += "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            out += "\""
        }
    }

    var csv: String {
        switch self {
        case .null: return ""
        case .number(let n): return Measure.format(n)
        case .string(let s): return s
        }
    }
}
