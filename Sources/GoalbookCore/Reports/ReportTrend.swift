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
    /// The goal's progress through `day`: its values as the report shows them, with only the
    /// check-ins dated up to that day (corrections already applied).
    static func progress(_ goal: Goal, effective: [CheckIn], through day: String, settings: ProgressSettings) -> Double? {
        let upTo = effective.filter { $0.checkedOn <= day }
        return ProgressRules.goal(goal.items.map { ProgressRules.item($0, checkins: upTo, settings: settings) }).clamped
    }

    /// A goal's progress over the quarter: before any check-in, and on each day it had a
    /// check-in that counts (nil where it has no progress). Progress changes only on those days,
    /// so these give its progress on any day.
    struct Series {
        var start: Double?
        var days: [(day: String, progress: Double?)]

        init(_ goal: Goal, effective: [CheckIn], settings: ProgressSettings) {
            start = ReportTrend.progress(goal, effective: [], through: "", settings: settings)
            days = Set(effective.map(\.checkedOn)).sorted().map {
                ($0, ReportTrend.progress(goal, effective: effective, through: $0, settings: settings))
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
