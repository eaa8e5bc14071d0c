import Foundation

/// A goal's or a team's progress on one day of the quarter.
public struct TrendPoint: Sendable, Equatable, Codable {
    public var day: String
    /// Progress clamped to 0…1, by the same rules as the report's figures.
    public var progress: Double
}

/// Progress over the quarter, from check-ins: each goal's progress on each day it had a
/// check-in, and each subtree's average progress at each week's end (docs/reports.md, "Trends").
public enum ReportTrend {
    /// A goal's progress over the quarter: before any check-in, and on each day it had a
    /// check-in that counts (nil where it has no progress). Progress changes only on those days,
    /// so these give its progress on any day.
    struct Series {
        var start: Double?
        var days: [(day: String, progress: Double?)]

        /// A goal with no check-ins: the same progress on every day.
        init(start: Double?) {
            self.start = start
            days = []
        }

        /// Walks the check-ins once in day order, keeping each item's newest value, and takes the
        /// goal's progress at the end of each day with the report's rules (``ProgressRules/raw(_:latest:)``,
        /// clamped, weighted by the items' weights), as if only the check-ins dated by then existed.
        init(_ goal: Goal, effective: [CheckIn], settings: ProgressSettings) {
            let items = goal.items
            // Each item's newest value so far, by the item's place in the goal (a goal has few).
            func progress(_ latest: [Double?]) -> Double? {
                ProgressRules.weightedMean(
                    items.indices.map { (ProgressRules.raw(items[$0], latest: latest[$0]).map { min(1, max(0, $0)) }, items[$0].weight) })
            }
            var latest = [Double?](repeating: nil, count: items.count)
            start = progress(latest)
            days = []
            let ordered = effective.sorted { ($0.checkedOn, $0.id) < ($1.checkedOn, $1.id) }
            var index = 0
            while index < ordered.count {
                let day = ordered[index].checkedOn
                while index < ordered.count, ordered[index].checkedOn == day {
                    if let place = items.firstIndex(where: { $0.name == ordered[index].item }) { latest[place] = ordered[index].number }
                    index += 1
                }
                days.append((day, progress(latest)))
            }
        }

        /// The points where the goal has progress: its trend.
        var points: [TrendPoint] { days.compactMap { day in day.progress.map { TrendPoint(day: day.day, progress: $0) } } }

        /// Progress through `day`: that of the last check-in day on or before it.
        func progress(through day: String) -> Double? { days.last { $0.day <= day }.map(\.progress) ?? start }
    }

    /// The week ends of the quarter up to the report date: each Sunday, and the report date itself.
    static func weekEnds(from first: Day, through last: Day) -> [Day] {
        guard last >= first else { return [] }
        var days: [Day] = []
        // 1970-01-04 (day 3) was a Sunday.
        var day = first.adding(days: (7 - (first.dayNumber - 3) % 7) % 7)
        while day < last {
            days.append(day)
            day = day.adding(days: 7)
        }
        return days + [last]
    }

    /// `▁▃▅█`: one block per point, from 0 (▁) to 1 (█).
    public static func sparkline(_ values: [Double]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { blocks[min(7, max(0, Int(($0 * 7).rounded())))] })
    }
}
