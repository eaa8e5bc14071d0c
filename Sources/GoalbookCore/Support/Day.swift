import Foundation

/// A calendar date (no time, no zone), as Goalbook stores dates: ISO `YYYY-MM-DD` text.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil (2026-02-30 is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`, ASCII digits only. Read byte by byte: reports and `--as-of`
    /// lists parse a day for every goal and check-in.
    public init?(iso text: String) {
        guard text.utf8.count == 10 else { return nil }
        var (year, month, day) = (0, 0, 0)
        for (index, byte) in text.utf8.enumerated() {
            if index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if index < 4 { year = year * 10 + digit } else if index < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
        }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC date of an instant.
    public init(_ date: Date) {
        let days = Int64((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let (y, m, d) = Timestamp.civil(fromDays: days)
        self.year = y
        self.month = m
        self.day = d
    }

    /// `YYYY-MM-DD`. Written digit by digit: Foundation's `String(format:)` was a tenth of a
    /// `goals list --as-of` of 1,000 goals, which turns a day into text for every goal.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        let zero = UInt8(ascii: "0")
        let digits: [UInt8] = [
            zero + UInt8(year / 1000), zero + UInt8(year / 100 % 10), zero + UInt8(year / 10 % 10), zero + UInt8(year % 10), UInt8(ascii: "-"),
            zero + UInt8(month / 10), zero + UInt8(month % 10), UInt8(ascii: "-"), zero + UInt8(day / 10), zero + UInt8(day % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The first day of this date's month.
    public var firstOfMonth: Day { Day(year: year, month: month, day: 1) ?? self }

    /// This date plus `n` days.
    public func adding(days n: Int) -> Day {
        let (y, m, d) = Timestamp.civil(fromDays: Int64(dayNumber + n))
        return Day(year: y, month: m, day: d)!
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// An instant for `--as-of`: a date (the end of that day, UTC) or a date and time (UTC).
public enum AsOf {
    /// The stored-timestamp text that `T` covers: history rows with `changed_at <= bound` had happened by T.
    public static func bound(_ text: String) throws -> String {
        let trimmed = text.trimmingBlanks()
        if let day = Day(iso: trimmed) { return "\(day)T23:59:59.999Z" }
        var rest = trimmed
        if rest.hasSuffix("Z") { rest.removeLast() }
        let parts = rest.split(separator: "T", maxSplits: 1).map(String.init)
        if parts.count == 2, let day = Day(iso: parts[0]) {
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            let numbers = time.map { Double($0) }
            if (2...3).contains(time.count), numbers.allSatisfy({ $0 != nil }),
                let h = numbers[0], let m = numbers[1], (0..<24).contains(h), (0..<60).contains(m), h == h.rounded(), m == m.rounded()
            {
                let s = time.count == 3 ? numbers[2] ?? 0 : 59.999
                if (0..<61).contains(s) {
                    let sText = time.count == 3 ? String(format: "%06.3f", s) : "59.999"
                    return String(format: "%@T%02d:%02d:", day.description, Int(h), Int(m)) + sText + "Z"
                }
            }
        }
        throw GoalbookError.invalidArgument("'\(text)' is not a date or time: use 2026-10-01 (the end of that day) or 2026-10-01T12:00 (UTC)")
    }
}

/// Which past a read shows: what was in effect at `effective` (history's `changed_at`), as
/// Goalbook had it recorded by `recorded` (`recorded_at`; nil for everything recorded so far).
/// The two differ only for writes dated back with `--date`: `--as-of 2026-10-15` shows a goal
/// set on 1 December with `--date 2026-10-02`, and adding `--as-recorded 2026-11-30` hides it,
/// as a report printed on 30 November did.
public struct PastView: Sendable, Equatable {
    /// A bound from ``AsOf/bound(_:)``.
    public var effective: String
    /// A bound from ``AsOf/bound(_:)``, or nil.
    public var recorded: String?

    public init(effective: String, recorded: String? = nil) {
        self.effective = effective
        self.recorded = recorded
    }

    /// The view `--as-of` and `--as-recorded` ask for, nil when neither is given. With only
    /// `--as-recorded T`, the effective time is T too: what Goalbook showed at T.
    public static func parse(asOf: String?, asRecorded: String?) throws -> PastView? {
        let recorded = try asRecorded.map(AsOf.bound)
        guard let effective = try asOf.map(AsOf.bound) ?? recorded else { return nil }
        return PastView(effective: effective, recorded: recorded)
    }

    /// `2026-10-15T23:59:59.999Z`, or `… as recorded by 2026-11-30T23:59:59.999Z`.
    public var description: String { effective + (recorded.map { " as recorded by \($0)" } ?? "") }

    /// The SQL condition that a history row (under `alias`) was recorded by then, and its arguments:
    /// nothing without a recorded bound.
    func recordedCondition(_ alias: String) -> (sql: String, arguments: SQLArguments) {
        guard let recorded else { return ("", []) }
        return (" AND COALESCE(\(alias).recorded_at, \(alias).changed_at) <= ?", [recorded])
    }
}

/// Days read from ISO text, each text read once: the due dates of many goals repeat, and a report
/// or a goal list reads them all.
struct DayCache {
    private var days: [String: Day] = [:]

    mutating func day(_ text: String) -> Day? {
        if let known = days[text] { return known }
        let parsed = Day(iso: text)
        days[text] = parsed
        return parsed
    }
}
