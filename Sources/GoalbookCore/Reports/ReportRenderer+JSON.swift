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
            line += "], \"trend\": "
            appendTrend(goal.trend, to: &line)
            out += line + "}"
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
        let personFigures: [String] = report.figures.map { f in
            JSONWriter.object([
                ("person_id", JSONValue.string(f.employeeId).json), ("average_progress", JSONValue.rounded(f.averageProgress).json),
                ("weighted_progress", JSONValue.rounded(f.weightedProgress).json), ("weight_warning", JSONValue.text(f.weightWarning).json),
            ])
        }
        let changes: [String] = report.changes.map { c in
            JSONWriter.object([
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

    /// `[["2026-10-05", 0.2], …]`: day and progress, in day order.
    static func appendTrend(_ points: [TrendPoint], to out: inout String) {
        out += "["
        for (index, point) in points.enumerated() {
            out += index == 0 ? "[\"" : ", [\""
            out += point.day  // an ISO date: nothing to escape
            out += "\", "
            JSONValue.rounded(point.progress).append(to: &out)
            out += "]"
        }
        out += "]"
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
