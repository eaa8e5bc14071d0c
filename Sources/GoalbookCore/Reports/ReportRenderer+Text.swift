import Foundation

/// The report as plain text, for a terminal (with colour) or a file.
extension ReportRenderer {
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
        let overview = summaryText(report)
        lines += ["", "Summary", "  " + overview.counts, "  " + overview.behindHeading]
        lines += overview.behind.map { "    " + $0.line } + (overview.behindMore.map { ["    " + $0] } ?? [])
        lines += ["  " + overview.stale, "  " + overview.scores, "  " + overview.unfilled]
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
            lines += TableText.indented(
                header: ["SUBTREE", "PEOPLE", "WITH GOALS", "GOALS", "BY STATUS", "AVG PROGRESS", "WEIGHTED", "SLOTS FILLED", "NO GOALS"],
                rows: table, rightAligned: [1, 2, 3, 5, 6, 7, 8])
            let weekly = weeklyLines(report)
            if !weekly.isEmpty {
                let width = weekly.map(\.0.count).max() ?? 0
                lines += ["", weeklyHeading] + weekly.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
            }
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
                if let trend = trendLine(goal) { lines.append("      \(trend)") }
                if let latest = confidenceAndNote(goal) { lines.append("      \(latest)") }
                if !goal.unfilled.isEmpty { lines.append("      unfilled: \(goal.unfilled.joined(separator: ", "))") }
            }
        }
        lines += ["", "Changes this quarter"]
        if report.changes.isEmpty { lines.append("  none") }
        for line in changeLines(report.changes) { lines.append("  " + line) }
    }

    /// The changes as people read them, each line starting with its day: the goals one person
    /// added, or carried, on one day come as one line (`2026-10-02  grace  added 6 goals for 3
    /// people: G1 (E100), …`), so a team's quarter is not a wall of "added"; every other change
    /// keeps a line of its own. (csv and json keep one entry per change, with its instant.)
    public static func changeLines(_ changes: [ReportChange]) -> [String] {
        func folds(_ change: ReportChange) -> Bool { change.kind == "added" || (change.kind == "carried" && change.old == nil) }
        var lines: [String] = []
        var index = 0
        while index < changes.count {
            let change = changes[index]
            let day = change.changedAt.prefix(10)
            var group = [change]
            index += 1
            while folds(change), index < changes.count, changes[index].kind == change.kind, folds(changes[index]),
                changes[index].actor == change.actor, changes[index].changedAt.prefix(10) == day
            {
                group.append(changes[index])
                index += 1
            }
            guard group.count > 1 else {
                lines.append(changeLine(change))
                continue
            }
            let shown = group.prefix(5).map { "\($0.goalId)" + ($0.kind == "carried" ? " → \($0.new ?? "?")" : "") + " (\($0.employeeId))" }
            let people = Set(group.map(\.employeeId)).count
            lines.append(
                "\(day)  \(change.actor)  \(change.kind) \(group.count) goals for \(counted(people, "person", "people")): "
                    + shown.joined(separator: ", ") + (group.count > 5 ? ", …" : ""))
        }
        return lines
    }

    /// One change: `2026-11-08  grace  G6 (E103)  dropped  (Kim is leaving)`.
    static func changeLine(_ change: ReportChange) -> String {
        var text = "\(change.changedAt.prefix(10))  \(change.actor)  \(change.goalId) (\(change.employeeId))  \(change.kind)"
        if change.kind == "carried", change.old == nil, let next = change.new {
            text += " → \(next)"
        } else if change.old != nil || change.new != nil {
            text += " \(change.old ?? "∅") → \(change.new ?? "∅")"
        }
        if let note = change.note { text += "  (\(note))" }
        return text
    }
}
