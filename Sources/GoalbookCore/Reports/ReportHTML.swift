import Foundation

/// The report as one self-contained HTML page: inline CSS, inline SVG progress bars and a team
/// chart, no script and nothing fetched, laid out to print on A4.
///
/// Written by hand rather than with an HTML library: the page is mostly inline SVG, which the
/// HTML libraries on hand do not model, and every text goes through ``escape(_:)``.
enum ReportHTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let css = """
        @page { size: A4; margin: 14mm 12mm; }
        * { box-sizing: border-box; }
        body { font: 10pt/1.4 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d232b; margin: 0 auto; max-width: \
        186mm; padding: 8mm 0; }
        h1 { font-size: 16pt; margin: 0 0 2pt; }
        h2 { font-size: 12.5pt; margin: 16pt 0 6pt; border-bottom: 1.5pt solid #1d232b; padding-bottom: 2pt; }
        h3 { font-size: 10.5pt; margin: 0; }
        .meta { color: #5b6570; margin: 0 0 8pt; }
        table { border-collapse: collapse; width: 100%; font-size: 9pt; }
        th, td { text-align: left; padding: 3pt 5pt; border-bottom: 0.5pt solid #d5dae0; vertical-align: top; }
        th { font-weight: 600; color: #3d4650; background: #f3f5f7; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .person { break-inside: avoid; page-break-inside: avoid; margin: 10pt 0 4pt; }
        .person .frame { color: #5b6570; font-size: 9pt; }
        .goal { break-inside: avoid; page-break-inside: avoid; border: 0.5pt solid #d5dae0; border-radius: 4pt; padding: 5pt 7pt; margin: 5pt 0; }
        .goal .head { display: flex; justify-content: space-between; gap: 8pt; font-size: 9pt; color: #3d4650; }
        .goal .title { margin: 3pt 0; }
        .goal .figures { font-size: 9pt; color: #3d4650; }
        .unfilled { color: #8a5a00; font-size: 9pt; }
        .track { font-weight: 600; border-radius: 3pt; padding: 0 4pt; }
        .on-track, .done { background: #e3f4e8; color: #1e6b36; }
        .at-risk { background: #fff3d6; color: #8a5a00; }
        .off-track { background: #fde4e1; color: #a12a1c; }
        .not-filled, .draft, .dropped { background: #eceff2; color: #5b6570; }
        svg { display: block; }
        p.counts .track { display: inline-block; margin: 0 3pt 3pt 0; }
        details.goal > summary { list-style: none; cursor: pointer; }
        .bars { display: flex; gap: 10pt; align-items: center; }
        details.goal > summary::-webkit-details-marker { display: none; }
        details.goal:not([open]) > summary .title::after { content: " ▸"; color: #8a939c; }
        details summary { cursor: pointer; }
        @media print { .team-start { break-before: page; page-break-before: always; } h2 { break-after: avoid; } }
        table.behind { break-inside: avoid; page-break-inside: avoid; }
        ul.changes { padding-left: 14pt; font-size: 9pt; }
        footer { margin-top: 14pt; color: #8a939c; font-size: 8pt; }
        """

    static func trackClass(_ track: Track) -> String { track.rawValue.replacingOccurrences(of: " ", with: "-") }

    /// A horizontal progress bar: the filled share, a tick where progress is expected, and the figure.
    static func bar(_ progress: Double?, expected: Double?, width: Int = 160) -> String {
        let w = Double(width)
        var svg =
            "<svg width=\"\(width + 46)\" height=\"14\" viewBox=\"0 0 \(width + 46) 14\" role=\"img\" "
            + "aria-label=\"\(escape(ReportRenderer.percent(progress)))\">"
        svg += "<rect x=\"0\" y=\"3\" width=\"\(width)\" height=\"8\" rx=\"2\" fill=\"#e6e9ed\"/>"
        if let progress {
            svg += "<rect x=\"0\" y=\"3\" width=\"\(Measure.format((progress * w * 10).rounded() / 10))\" height=\"8\" rx=\"2\" fill=\"#2f7d4a\"/>"
        }
        if let expected, progress != nil {
            let x = Measure.format((expected * w * 10).rounded() / 10)
            svg += "<line x1=\"\(x)\" y1=\"1\" x2=\"\(x)\" y2=\"13\" stroke=\"#1d232b\" stroke-width=\"1.2\"/>"
        }
        svg +=
            "<text x=\"\(width + 6)\" y=\"11\" font-size=\"9\" "
            + "fill=\"#3d4650\">\(escape(progress.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"))</text></svg>"
        return svg
    }

    /// The time axis of a page's small trend lines: the quarter's days across 120 points. Days
    /// repeat from goal to goal, so each day's coordinate is worked out once.
    final class SparkScale {
        let start: Int
        let end: Int
        private var xs: [String: String] = [:]
        static let (width, height) = (120.0, 22.0)

        init?(first: String, last: String) {
            guard let start = Day(iso: first)?.dayNumber, let end = Day(iso: last)?.dayNumber, end > start else { return nil }
            (self.start, self.end) = (start, end)
        }

        func x(_ day: String) -> String {
            if let known = xs[day] { return known }
            let n = Day(iso: day)?.dayNumber ?? start
            let x = Measure.format((Double(min(max(n, start), end) - start) / Double(end - start) * Self.width * 10).rounded() / 10)
            xs[day] = x
            return x
        }

        func y(_ progress: Double) -> String {
            Measure.format(((Self.height - 2 - min(1, max(0, progress)) * (Self.height - 4)) * 10).rounded() / 10)
        }
    }

    /// A small line of progress over the quarter: one point per trend point, placed by its day
    /// between the quarter's first and last days, and a dashed line where progress is expected
    /// (0 on the first day, 1 on `due`).
    static func sparkline(_ points: [TrendPoint], scale: SparkScale?, due: String?, label: String) -> String {
        guard let scale, let last = points.last else { return "" }
        var svg =
            "<svg class=\"spark\" width=\"120\" height=\"22\" viewBox=\"0 0 120 22\" role=\"img\" aria-label=\"\(escape(label))\">"
        if let due {
            svg +=
                "<line x1=\"0\" y1=\"\(scale.y(0))\" x2=\"\(scale.x(due))\" y2=\"\(scale.y(1))\" stroke=\"#8a939c\" stroke-width=\"0.8\" "
                + "stroke-dasharray=\"2 2\"/>"
        }
        svg += "<polyline points=\""
        for (index, point) in points.enumerated() {
            if index > 0 { svg += " " }
            svg += scale.x(point.day) + "," + scale.y(point.progress)
        }
        svg += "\" fill=\"none\" stroke=\"#2f7d4a\" stroke-width=\"1.5\"/>"
        svg += "<circle cx=\"\(scale.x(last.day))\" cy=\"\(scale.y(last.progress))\" r=\"2\" fill=\"#2f7d4a\"/>"
        return svg + "</svg>"
    }

    /// One bar per subtree: average progress, and the share of slots filled as a thin line below.
    static func teamChart(_ teams: [TeamRollup]) -> String {
        let rowHeight = 22
        let labelWidth = 190
        let barWidth = 300
        let height = teams.count * rowHeight + 18
        var svg =
            "<svg width=\"\(labelWidth + barWidth + 60)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" "
            + "role=\"img\" aria-label=\"Average progress by team\">"
        for (i, team) in teams.enumerated() {
            let y = i * rowHeight
            let label = ReportRenderer.rowName(team)
            svg += "<text x=\"0\" y=\"\(y + 13)\" font-size=\"9\" fill=\"#1d232b\">\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barWidth)\" height=\"10\" rx=\"2\" fill=\"#e6e9ed\"/>"
            if let average = team.averageProgress {
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(Measure.format((average * Double(barWidth) * 10).rounded() / 10))\" "
                    + "height=\"10\" rx=\"2\" fill=\"#2f7d4a\"/>"
            }
            if let filled = team.slotsFilledShare {
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 15)\" width=\"\(Measure.format((filled * Double(barWidth) * 10).rounded() / 10))\" "
                    + "height=\"2.5\" fill=\"#c08a1e\"/>"
            }
            svg +=
                "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 12)\" font-size=\"9\" "
                + "fill=\"#3d4650\">\(escape(team.averageProgress.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"))</text>"
        }
        let legendY = teams.count * rowHeight + 12
        svg +=
            "<rect x=\"\(labelWidth)\" y=\"\(legendY - 7)\" width=\"10\" height=\"8\" fill=\"#2f7d4a\"/><text x=\"\(labelWidth + 14)\" "
            + "y=\"\(legendY)\" font-size=\"8\" fill=\"#5b6570\">average progress</text>"
        svg +=
            "<rect x=\"\(labelWidth + 110)\" y=\"\(legendY - 4)\" width=\"10\" height=\"2.5\" fill=\"#c08a1e\"/><text x=\"\(labelWidth + 124)\" "
            + "y=\"\(legendY)\" font-size=\"8\" fill=\"#5b6570\">slots filled</text>"
        return svg + "</svg>"
    }

    static func page(_ report: Report, _ html: TextSink) {
        let header = ReportRenderer.header(report)
        let scale = SparkScale(first: report.firstDay, last: report.lastDay)
        html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        html += "<title>\(escape(header[0]))</title>\n<style>\n\(css)\n</style>\n</head>\n<body>\n"
        html += "<h1>\(escape("Quarterly progress · \(report.quarter)"))</h1>\n"
        html += "<p class=\"meta\">\(escape(report.scope)) · \(escape(header[1]))</p>\n"
        let overview = ReportRenderer.summaryText(report)
        html += "<h2>Summary</h2>\n<p class=\"counts\"><strong>\(escape(counted(report.goals.count, "goal", "goals"))):</strong> "
        html +=
            report.summary.tracks.map { "<span class=\"track \(trackClass($0.track))\">\($0.goals.count) \(escape($0.track.rawValue))</span>" }
            .joined(separator: " ") + "</p>\n"
        html += "<p>\(escape(overview.behindHeading))</p>\n"
        if !overview.behind.isEmpty {
            html +=
                "<table class=\"behind\">\n<thead><tr><th>Goal</th><th>Person</th><th>Track</th><th>Progress</th><th>Last check-in</th></tr></thead>\n<tbody>\n"
            for row in overview.behind {
                html +=
                    "<tr><td><a href=\"#\(escape(row.goalId))\">\(escape(row.goalId))</a></td><td>\(escape(row.who))</td>"
                    + "<td><span class=\"track \(trackClass(row.track))\">\(escape(row.track.rawValue))</span></td>"
                    + "<td>\(escape(row.figures))</td><td>\(escape(row.lastCheckin ?? "none"))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n" + (overview.behindMore.map { "<p class=\"meta\">\(escape($0))</p>\n" } ?? "")
        }
        html +=
            "<ul class=\"changes\">\n" + [overview.stale, overview.scores, overview.unfilled].map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        let rollups = report.teams + [report.total]
        if !report.teams.isEmpty || report.people.count > 1 {
            html +=
                "<h2>Teams</h2>\n" + teamChart(rollups)
                + "\n<table>\n<thead><tr><th>Subtree</th><th class=\"num\">People</th><th class=\"num\">With goals</th>"
            html +=
                "<th class=\"num\">Goals</th><th>By status</th><th class=\"num\">Avg progress</th><th class=\"num\">Weighted</th><th "
                + "class=\"num\">Slots filled</th><th>No goals</th><th>Weekly</th></tr></thead>\n<tbody>\n"
            for r in rollups {
                html +=
                    "<tr><td>\(r.employeeId.isEmpty ? "<strong>Total</strong>" : escape(ReportRenderer.rowName(r)))</td><td "
                    + "class=\"num\">\(r.people)</td>"
                html +=
                    "<td class=\"num\">\(r.peopleWithGoals)</td><td class=\"num\">\(r.goals)</td><td>\(escape(ReportRenderer.statusCounts(r)))</td>"
                html += "<td class=\"num\">\(escape(r.averageProgress.map { ReportRenderer.percent($0) } ?? "–"))</td>"
                html += "<td class=\"num\">\(escape(r.weightedProgress.map { ReportRenderer.percent($0) } ?? "–"))</td>"
                html +=
                    "<td class=\"num\">\(r.slotsFilledShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "–")</td>"
                    + "<td>\(escape(r.peopleWithoutGoals.joined(separator: ", ")))</td><td>"
                    + sparkline(r.weekly, scale: scale, due: nil, label: ReportRenderer.weeklyLine(r) ?? "")
                    + "</td></tr>\n"
            }
            let nothing = ReportRenderer.alignment(report).nothing
            html += "</tbody>\n</table>\n<h2>Alignment</h2>\n<ul class=\"changes\">\n"
            html += "<li>\(escape(ReportRenderer.alignmentLines(report)[0]))</li>\n"
            html +=
                nothing.isEmpty
                ? "<li>Aligned to nothing: none</li>\n"
                : "<li><details><summary>\(escape("Aligned to nothing: \(counted(nothing.count, "goal", "goals"))"))</summary>"
                    + "\(escape(nothing.joined(separator: ", ")))</details></li>\n"
            html += "</ul>\n"
        }
        let figures = report.figuresByPerson()
        html += "<h2>People</h2>\n"
        let byPerson = report.goalsByPerson()
        // Each subtree of the roll-ups starts a new page when printed.
        let teamStarts = Set(report.teams.filter { !$0.headOnly }.map(\.employeeId))
        for person in report.people {
            html +=
                "<section class=\"person\(teamStarts.contains(person.employeeId) ? " team-start" : "")\">\n<h3>\(escape("\(person.employeeId) \(person.name)"))</h3>\n"
            html +=
                "<div class=\"frame\">\(escape(frameLine(person)))</div>\n"
            let goals = byPerson[person.employeeId] ?? []
            if goals.isEmpty { html += "<p class=\"unfilled\">No goals this quarter.</p>\n" }
            for line in ReportRenderer.summary(figures[person.employeeId]) { html += "<div class=\"frame\">\(escape(line))</div>\n" }
            for goal in goals {
                // Open where it needs attention; the rest fold to their heading, title and bar.
                let open = goal.track == .atRisk || goal.track == .offTrack
                html +=
                    "<details class=\"goal\" id=\"\(escape(goal.goalId))\"\(open ? " open" : "")>\n<summary><div "
                    + "class=\"head\"><span>\(escape([goal.goalId, goal.framework.rowName(goal.rowNumber), goal.status.rawValue].joined(separator: " · ")))</span>"
                html += "<span class=\"track \(trackClass(goal.track))\">\(escape(goal.track.rawValue))</span></div>\n"
                html += "<div class=\"title\">\(escape(goal.title))</div>\n"
                html += "<div class=\"bars\">" + bar(goal.progress, expected: goal.status == .active ? goal.expected : nil)
                if goal.trend.count >= 2 {
                    html += sparkline(goal.trend, scale: scale, due: goal.items.compactMap(\.due).max() ?? report.lastDay, label: trendLabel(goal))
                }
                html += "</div></summary>\n"
                for item in goal.items {
                    html +=
                        "<div class=\"figures\">"
                        + escape(goal.label(item) + ReportRenderer.figures(item) + (item.lastCheckin.map { ", last check-in \($0)" } ?? ""))
                        + "</div>\n"
                }
                if let extras = ReportRenderer.extras(goal) { html += "<div class=\"figures\">\(escape(extras))</div>\n" }
                if let carried = ReportRenderer.carried(goal) { html += "<div class=\"figures\">\(escape(carried))</div>\n" }
                if let latest = ReportRenderer.confidenceAndNote(goal) { html += "<div class=\"figures\">\(escape(latest))</div>\n" }
                if !goal.unfilled.isEmpty { html += "<div class=\"unfilled\">Unfilled: \(escape(goal.unfilled.joined(separator: ", ")))</div>\n" }
                html += "</details>\n"
            }
            html += "</section>\n"
        }
        html += "<h2>Changes this quarter</h2>\n"
        html +=
            report.changes.isEmpty
            ? "<p>None.</p>\n"
            : "<ul class=\"changes\">\n" + ReportRenderer.changeLines(report.changes).map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        html +=
            "<footer>\(escape(footerLine(report.settings)))</footer>\n"
        html += "</body>\n</html>\n"
    }

    /// What a trend line says to a screen reader: `progress 10% → 37% over 3 check-in days`.
    static func trendLabel(_ goal: ReportGoal) -> String {
        guard let first = goal.trend.first, let last = goal.trend.last else { return "" }
        return
            "progress \(ReportRenderer.percent(first.progress)) → \(ReportRenderer.percent(last.progress)) over \(counted(goal.trend.count, "check-in day", "check-in days"))"
    }

    /// A person's frame line: family, function, level, manager and leaving day.
    static func frameLine(_ person: ReportPerson) -> String {
        "\(person.family) · \(person.function) · \(person.level)" + (person.managerId.map { " · manager \($0)" } ?? "")
            + (person.leftOn.map { " · leaves \($0)" } ?? "")
    }

    /// The footer: the version and the thresholds the tracks were judged by.
    static func footerLine(_ settings: Report.Settings) -> String {
        "Goalbook \(GoalbookVersion.string) · on track ≥ \(Measure.format(settings.onTrackRatio)) × expected progress, "
            + "at risk ≥ \(Measure.format(settings.atRiskRatio)) ×"
    }
}
