import Foundation

/// The report as Markdown.
extension ReportRenderer {
    // MARK: - md

    static func markdown(_ report: Report, _ lines: TextSink) {
        let cell = markdownText
        let title = header(report)
        lines += ["# \(cell(title[0]))", "", "_\(cell(title[1]))_"]
        let overview = summaryText(report)
        lines += ["", "## Summary", "", "- " + cell(overview.counts), "- " + cell(overview.behindHeading)]
        if !overview.behind.isEmpty {
            lines += ["", "| Goal | Person | Track | Progress | Last check-in |", "|---|---|---|---|---|"]
            lines += overview.behind.map {
                "| \(cell($0.goalId)) | \(cell($0.who)) | \($0.track.rawValue) | \(cell($0.figures)) | \($0.lastCheckin.map(cell) ?? "none") |"
            }
            lines += overview.behindMore.map { ["", cell($0)] } ?? []
            lines.append("")
        }
        lines += ["- " + cell(overview.stale), "- " + cell(overview.scores), "- " + cell(overview.unfilled)]
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
            let weekly = weeklyLines(report)
            if !weekly.isEmpty {
                lines += ["", "_\(cell(weeklyHeading))_", "", "| Subtree | Weekly progress |", "|---|---|"]
                lines += weekly.map { "| \(cell($0.0)) | \($0.1) |" }
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
                    (goal.items.map { goal.label($0) + Self.figures($0) }
                    + [extras(goal), carried(goal), trendLine(goal), confidenceAndNote(goal)].compactMap { $0 })
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
}
