import Foundation

/// What a reader needs first: how the quarter's goals stand, which are furthest behind, which
/// have gone quiet, which still need a score, and how much is left to fill. Every figure is a
/// count or a list of the goal rows below it in the same report (docs/reports.md, "Summary").
public struct ReportSummary: Sendable, Equatable, Codable {
    /// One track and the goals on it, in report order.
    public struct TrackGoals: Sendable, Equatable, Codable {
        public var track: Track
        public var goals: [String]
    }

    /// A goal at risk or off track, and how far it is behind the progress expected of it.
    public struct Behind: Sendable, Equatable, Codable {
        public var goalId: String
        public var employeeId: String
        public var name: String
        public var track: Track
        public var progress: Double
        public var expected: Double
        /// `expected − progress`: the share of the goal it is behind.
        public var behind: Double
        public var lastCheckin: String?
    }

    /// An active goal with no check-in for `staleDays` days or more.
    public struct Quiet: Sendable, Equatable, Codable {
        public var goalId: String
        public var employeeId: String
        /// Its newest check-in's day; nil when it has none.
        public var lastCheckin: String?
        /// Days from the newest check-in to the report date; nil when it has none.
        public var days: Int?
    }

    /// Every track, in ``Track/summaryOrder``, with its goals (none is left out, so the counts
    /// add up to the number of goals).
    public var tracks: [TrackGoals]
    /// Goals at risk or off track, furthest behind first.
    public var behind: [Behind]
    public var staleDays: Int
    /// Active goals with no check-in for `staleDays` days, the quietest first.
    public var stale: [Quiet]
    /// The first day the summary asks for scores: `score_due_days` before the quarter's last day.
    public var scoresDueFrom: String
    /// Goals that get a score and have none, listed once scores are due (nil before).
    public var unscored: [String]?
    /// Empty slots of goals that are not dropped, and the goals that have them.
    public var unfilledSlots: Int
    public var unfilledGoals: [String]

    /// The number of goals on each track, in order.
    public var trackCounts: [(track: Track, count: Int)] { tracks.map { ($0.track, $0.goals.count) } }

    /// One pass over the goals, reading each in place (a report goal is a large value: copying
    /// thousands of them would cost more than the summary itself).
    static func build(
        goals: [ReportGoal], names: [String: String], reportDate: Day, lastDay: Day, closed: Bool, settings: ProgressSettings
    ) -> ReportSummary {
        var onTrack: [Track: [String]] = [:]
        var behind: [Behind] = []
        var stale: [Quiet] = []
        var unscored: [String] = []
        var unfilledSlots = 0
        var unfilledGoals: [String] = []
        var days: [String: Int] = [:]  // check-in days repeat: count each once
        /// At risk or off track, with a progress to be behind by.
        func isBehind(_ goal: ReportGoal) -> Bool { (goal.track == .atRisk || goal.track == .offTrack) && goal.progress != nil }
        // Room for the goals behind, counted first: grown by doubling, the list held up to twice
        // the room it needed at the report's peak.
        behind.reserveCapacity(goals.indices.count { isBehind(goals[$0]) })
        for index in goals.indices {
            let goal = goals[index]
            onTrack[goal.track, default: []].append(goal.goalId)
            if isBehind(goal), let progress = goal.progress {
                behind.append(
                    Behind(
                        goalId: goal.goalId, employeeId: goal.employeeId, name: names[goal.employeeId] ?? goal.employeeId, track: goal.track,
                        progress: progress, expected: goal.expected, behind: goal.expected - progress, lastCheckin: goal.lastCheckin))
            }
            if goal.status == .active {
                if let last = goal.lastCheckin {
                    let day = String(last.prefix(10))
                    let since: Int
                    if let known = days[day] {
                        since = known
                    } else {
                        since = Day(iso: day).map { reportDate.dayNumber - $0.dayNumber } ?? 0
                        days[day] = since
                    }
                    if since >= settings.staleCheckinDays {
                        stale.append(Quiet(goalId: goal.goalId, employeeId: goal.employeeId, lastCheckin: last, days: since))
                    }
                } else {
                    stale.append(Quiet(goalId: goal.goalId, employeeId: goal.employeeId, lastCheckin: nil, days: nil))
                }
            }
            if goal.status.isScored && goal.score == nil { unscored.append(goal.goalId) }
            if goal.status != .dropped && !goal.unfilled.isEmpty {
                unfilledSlots += goal.unfilled.count
                unfilledGoals.append(goal.goalId)
            }
        }
        // Furthest behind first, the longest silence first (never checked in before all); equal
        // ones in report order (the sorts are stable).
        // Sorted by index, stable, then moved in place: no second array of the entries is made.
        behind.arrange(behind.indices.sorted { (behind[$1].behind, $0) < (behind[$0].behind, $1) })
        stale.arrange(stale.indices.sorted { (stale[$1].days ?? .max, $0) < (stale[$0].days ?? .max, $1) })
        let dueFrom = lastDay.adding(days: -settings.scoreDueDays)
        return ReportSummary(
            tracks: Track.summaryOrder.map { TrackGoals(track: $0, goals: onTrack[$0] ?? []) }, behind: behind,
            staleDays: settings.staleCheckinDays, stale: stale, scoresDueFrom: dueFrom.description,
            unscored: closed || reportDate >= dueFrom ? unscored : nil, unfilledSlots: unfilledSlots, unfilledGoals: unfilledGoals)
    }
}

extension Track {
    /// The order the summary counts goals in: how they are doing, then where they stopped.
    public static let summaryOrder: [Track] = [.onTrack, .atRisk, .offTrack, .notFilled, .draft, .done, .dropped]
}
