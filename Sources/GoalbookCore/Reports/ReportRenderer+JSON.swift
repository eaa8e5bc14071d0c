import Foundation

/// The report as one JSON document, streamed.
extension ReportRenderer {
    static func json(_ report: Report, _ out: TextSink) {
        let people = Dictionary(report.people.map { ($0.employeeId, $0) }, uniquingKeysWith: { a, _ in a })
        out += "{\n"
        out += "  \"quarter\": \(JSONValue.string(report.quarter).json),\n"
        out += "  \"scope\": \(JSONValue.string(report.scope).json),\n"
        out += "  \"as_of\": \(JSONValue.string(report.asOf).json),\n"
        if let recorded = report.asRecorded { out += "  \"as_recorded\": \(JSONValue.string(recorded).json),\n" }
        out += "  \"report_date\": \(JSONValue.string(report.reportDate).json),\n"
        out += "  \"closed\": \(report.closed),\n"
        out += "  \"summary\": \(summaryJSON(report.summary)),\n"
        out += "  \"goals\": [" + (report.goals.isEmpty ? "" : "\n")
        // Each goal is written as bytes into one reused buffer, value by value, and handed to the sink whole.
        var text = UTF8Text()
        text.bytes.reserveCapacity(8192)
        for (index, goal) in report.goals.enumerated() {
            text.removeAll()
            text.write(index == 0 ? "    {" : ",\n    {")
            appendFields(quotedGoalColumns, goalRow(goal, people[goal.employeeId], quarter: report.quarter, item: goal.primary), to: &text)
            text.write(", \"items\": [")
            for (index, item) in goal.items.enumerated() {
                text.write(index == 0 ? "{" : ", {")
                appendFields(quotedItemColumns, itemRow(item), to: &text)
                text.write("}")
            }
            text.write("], \"trend\": ")
            appendTrend(goal.trend, to: &text)
            text.write("}")
            out.write(text)
        }
        out += (report.goals.isEmpty ? "" : "\n  ") + "],\n"
        let teams: [String] = (report.teams + [report.total]).map { t in
            let byStatus: [(String, String)] = t.goalsByStatus.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
            let total = t.employeeId.isEmpty
            return JSONWriter.object([
                ("subtree", total ? "null" : JSONValue.string(t.employeeId).json), ("name", total ? "null" : JSONValue.string(t.name).json),
                ("people", "\(t.people)"), ("people_with_goals", "\(t.peopleWithGoals)"), ("goals", "\(t.goals)"),
                ("goals_by_status", JSONWriter.object(byStatus)), ("average_progress", JSONValue.rounded(t.averageProgress).json),
                ("slots_filled_share", JSONValue.rounded(t.slotsFilledShare).json),
                ("people_without_goals", JSONWriter.strings(t.peopleWithoutGoals)),
                ("weighted_progress", JSONValue.rounded(t.weightedProgress).json),
                ("aligned_outside", JSONWriter.strings(t.alignedOutside)), ("aligned_to_nothing", JSONWriter.strings(t.alignedToNothing)),
                ("head_only", "\(t.headOnly)"), ("weekly", trendJSON(t.weekly)),
            ])
        }
        out += "  \"teams\": [" + teams.joined(separator: ", ") + "],\n"
        out += "  \"people\": ["
        writeObjects(report.figures, keys: quotedPersonColumns, to: out, using: &text) { f in
            [.string(f.employeeId), .rounded(f.averageProgress), .rounded(f.weightedProgress), .text(f.weightWarning)]
        }
        out += "],\n  \"changes\": ["
        writeObjects(report.changes, keys: quotedChangeColumns, to: out, using: &text) { c in
            [
                .string(c.changedAt), .string(c.actor), .string(c.goalId), .string(c.employeeId), .string(c.kind), .text(c.old), .text(c.new),
                .text(c.note),
            ]
        }
        out += "]\n}\n"
    }

    static let quotedChangeColumns = ["changed_at", "actor", "goal_id", "person_id", "kind", "old", "new", "note"].map(quotedKey)
    static let quotedPersonColumns = ["person_id", "average_progress", "weighted_progress", "weight_warning"].map(quotedKey)
    static func quotedKey(_ key: String) -> String { JSONValue.string(key).json + ": " }

    /// `{…}, {…}`: one object a row, each written into `text` (a reused buffer) and handed to `out` whole.
    static func writeObjects<Rows: Sequence>(
        _ rows: Rows, keys: [String], to out: TextSink, using text: inout UTF8Text, _ values: (Rows.Element) -> [JSONValue]
    ) {
        for (index, row) in rows.enumerated() {
            text.removeAll()
            text.write(index == 0 ? "{" : ", {")
            appendFields(keys, values(row), to: &text)
            text.write("}")
            out.write(text)
        }
    }

    /// `"key": value, …` for keys already quoted by ``quotedKey(_:)``, straight into `out`.
    static func appendFields<Out: TextOutputStream>(_ keys: [String], _ values: [JSONValue], to out: inout Out) {
        for (column, value) in values.enumerated() {
            if column > 0 { out.write(", ") }
            out.write(keys[column])
            value.append(to: &out)
        }
    }

    /// `[["2026-10-05", 0.2], …]`: day and progress, in day order.
    static func appendTrend<Out: TextOutputStream>(_ points: [TrendPoint], to out: inout Out) {
        out.write("[")
        for (index, point) in points.enumerated() {
            out.write(index == 0 ? "[\"" : ", [\"")
            out.write(point.day)  // an ISO date: nothing to escape
            out.write("\", ")
            JSONValue.rounded(point.progress).append(to: &out)
            out.write("]")
        }
        out.write("]")
    }

    static func trendJSON(_ points: [TrendPoint]) -> String {
        var out = ""
        appendTrend(points, to: &out)
        return out
    }

    /// The summary as one JSON object: the count and goal ids of each track, then the lists in full.
    static func summaryJSON(_ s: ReportSummary) -> String {
        let tracks = s.tracks.map { t in
            JSONWriter.object([
                ("track", JSONValue.string(t.track.rawValue).json), ("count", "\(t.goals.count)"), ("goals", JSONWriter.strings(t.goals)),
            ])
        }
        // Each goal's own fields (owner, progress, expected, last check-in) are in its row of
        // "goals"; the summary's lists give the id and what put the goal there.
        var behind = "["
        for (index, b) in s.behind.enumerated() {
            behind += index == 0 ? "[" : ", ["
            JSONValue.string(b.goalId).append(to: &behind)
            behind += ", "
            JSONValue.rounded(b.behind).append(to: &behind)
            behind += "]"
        }
        behind += "]"
        let stale = "[" + s.stale.map { "[\(JSONValue.string($0.goalId).json), \($0.days.map { "\($0)" } ?? "null")]" }.joined(separator: ", ") + "]"
        return JSONWriter.object([
            ("tracks", "[" + tracks.joined(separator: ", ") + "]"), ("behind", behind),
            ("stale_checkin_days", "\(s.staleDays)"), ("stale", stale),
            ("scores_due_from", JSONValue.string(s.scoresDueFrom).json),
            ("unscored", s.unscored.map(JSONWriter.strings) ?? "null"),
            ("unfilled_slots", "\(s.unfilledSlots)"), ("unfilled_goals", JSONWriter.strings(s.unfilledGoals)),
        ])
    }
}
