import Foundation

/// The summary's wording, shared by the text, Markdown and HTML forms (json carries the lists).
extension ReportRenderer {
    /// The summary as the forms print it: a count line, the goals furthest behind, then one line
    /// each for stale goals, scores and unfilled slots.
    struct SummaryText {
        /// `6 goals: 2 on track, 2 at risk, 0 off track, …`: every track, zeros too.
        var counts: String
        /// `Furthest behind expected progress` and one row per goal (the first ten).
        var behindHeading: String
        var behind: [BehindRow]
        /// `… and 4 more (every one is in --format json)`, when there are more than ten.
        var behindMore: String?
        var stale: String
        var scores: String
        var unfilled: String
    }

    struct BehindRow {
        var goalId: String
        var who: String
        var track: Track
        var figures: String
        /// The day of the goal's newest check-in, nil when it has none.
        var lastCheckin: String?
        /// The goal id padded to the widest of the list, so the rows line up.
        var paddedId: String
        var line: String { "\(paddedId)  \(who) · \(track.rawValue) · \(figures) · " + (lastCheckin.map { "last check-in \($0)" } ?? "no check-in") }
    }

    /// The most rows or ids a printed list shows; json has them all.
    static let listLimit = 10

    /// `G1, G2, G3`, cut after ten with the count of all: `…, G10, … (25 in all)`.
    static func idList(_ ids: [String]) -> String {
        ids.isEmpty ? "none" : ids.prefix(listLimit).joined(separator: ", ") + (ids.count > listLimit ? ", … (\(ids.count) in all)" : "")
    }

    static func summaryText(_ report: Report) -> SummaryText {
        let s = report.summary
        let total = s.tracks.reduce(0) { $0 + $1.goals.count }
        let counts =
            "\(counted(total, "goal", "goals")): " + s.tracks.map { "\($0.goals.count) \($0.track.rawValue)" }.joined(separator: ", ")
        let shown = s.behind.prefix(listLimit)
        let width = shown.map(\.goalId.count).max() ?? 0
        let rows = shown.map { goal in
            BehindRow(
                goalId: goal.goalId, who: "\(goal.employeeId) \(goal.name)", track: goal.track,
                figures: "\(percent(goal.progress)) of \(percent(goal.expected)) expected, \(Int((goal.behind * 100).rounded())) points behind",
                lastCheckin: goal.lastCheckin, paddedId: goal.goalId.padding(toLength: width, withPad: " ", startingAt: 0))
        }
        let stale = s.stale.map { "\($0.goalId) (\($0.employeeId), " + ($0.days.map { "\($0) days" } ?? "never") + ")" }
        let scores: String
        if let unscored = s.unscored {
            scores =
                unscored.isEmpty ? "Scores: every goal has one" : "Scores to give: \(counted(unscored.count, "goal", "goals")): \(idList(unscored))"
        } else {
            scores = "Scores: due from \(s.scoresDueFrom)"
        }
        return SummaryText(
            counts: counts,
            behindHeading: s.behind.isEmpty ? "Furthest behind expected progress: none at risk or off track" : "Furthest behind expected progress:",
            behind: rows, behindMore: s.behind.count > listLimit ? "… and \(s.behind.count - listLimit) more (every one is in --format json)" : nil,
            stale: "No check-in for \(s.staleDays) days or more: \(idList(stale))",
            scores: scores,
            unfilled: s.unfilledSlots == 0
                ? "Unfilled: none"
                : "Unfilled: \(counted(s.unfilledSlots, "slot", "slots")) in \(counted(s.unfilledGoals.count, "goal", "goals")): \(idList(s.unfilledGoals))"
        )
    }

    /// `trend ▁▃▅ 10% → 37% (3 check-in days)`: a goal's progress on each day it had a check-in; nil
    /// with fewer than two.
    static func trendLine(_ goal: ReportGoal) -> String? {
        guard goal.trend.count >= 2, let first = goal.trend.first, let last = goal.trend.last else { return nil }
        return "trend \(ReportTrend.sparkline(goal.trend.map(\.progress))) \(percent(first.progress)) → \(percent(last.progress))"
            + " (\(counted(goal.trend.count, "check-in day", "check-in days")))"
    }

    /// `▁▂▃▅ 0% → 59%`: a subtree's average progress at each week's end; nil without points.
    static func weeklyLine(_ rollup: TeamRollup) -> String? {
        guard let first = rollup.weekly.first, let last = rollup.weekly.last else { return nil }
        return "\(ReportTrend.sparkline(rollup.weekly.map(\.progress))) \(percent(first.progress)) → \(percent(last.progress))"
    }

    /// Each roll-up row that has a weekly line, by name, in the Teams table's order.
    static func weeklyLines(_ report: Report) -> [(name: String, line: String)] {
        (report.teams + [report.total]).compactMap { r in weeklyLine(r).map { (rowName(r), $0) } }
    }

    /// The heading of the weekly lines, which says what each point is.
    static let weeklyHeading =
        "Weekly progress (average progress at each Sunday and the report date, of the goals made by then, from the check-ins dated by then)"
}
