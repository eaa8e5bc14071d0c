import Foundation

/// A quarter of the (fiscal) year, written `2026Q4`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...9999).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses `2026Q4`, `2026-Q4`, `Q4 2026` and `q4-2026` (any case).
    public init?(_ text: String) {
        // `2026Q4` as Goalbook stores it, read from its bytes: the general path below costs
        // thousands of instructions, and listing goals reads one quarter for each.
        let utf8 = text.utf8
        if utf8.count == 6 {
            var bytes = utf8.makeIterator()
            var year = 0
            var digits = 0
            while digits < 4, let byte = bytes.next(), (0x30...0x39).contains(byte) {
                year = year * 10 + Int(byte - 0x30)
                digits += 1
            }
            if digits == 4, bytes.next() == UInt8(ascii: "Q"), let number = bytes.next(), (0x31...0x34).contains(number) {
                self.init(year: year, number: Int(number - 0x30))
                return
            }
        }
        let t = text.uppercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
        let parts: (String, String)
        if t.hasPrefix("Q"), t.count == 6 {
            parts = (String(t.dropFirst(2)), String(t.dropFirst().prefix(1)))
        } else if t.count == 6, t.dropFirst(4).hasPrefix("Q") {
            parts = (String(t.prefix(4)), String(t.suffix(1)))
        } else {
            return nil
        }
        guard parts.0.allSatisfy(\.isNumber), let y = Int(parts.0), let q = Int(parts.1) else { return nil }
        self.init(year: y, number: q)
    }

    /// Parses a quarter the way a person types it, with `this quarter` and `last quarter` read
    /// relative to `today`.
    public static func parse(_ text: String, today: Day, fiscalYearStartMonth: Int = 1) throws -> Quarter {
        switch text.lowercased().trimmingBlanks() {
        case "this quarter", "this": return containing(today, fiscalYearStartMonth: fiscalYearStartMonth)
        case "last quarter", "last", "previous quarter": return containing(today, fiscalYearStartMonth: fiscalYearStartMonth).previous
        case "next quarter", "next": return containing(today, fiscalYearStartMonth: fiscalYearStartMonth).next
        default:
            if let quarter = Quarter(text) { return quarter }
            throw GoalbookError.invalidArgument("'\(text)' is not a quarter: use 2026Q4, 2026-Q4, Q4 2026, 'this quarter' or 'last quarter'")
        }
    }

    /// The quarter a date falls in. A fiscal year named after the calendar year it starts in.
    public static func containing(_ day: Day, fiscalYearStartMonth: Int = 1) -> Quarter {
        let offset = (day.month - fiscalYearStartMonth + 12) % 12
        let fiscalYear = day.month >= fiscalYearStartMonth ? day.year : day.year - 1
        return Quarter(year: fiscalYear, number: offset / 3 + 1)!
    }

    /// First day of the quarter.
    public func firstDay(fiscalYearStartMonth: Int = 1) -> Day {
        let monthIndex = fiscalYearStartMonth - 1 + (number - 1) * 3
        return Day(year: year + monthIndex / 12, month: monthIndex % 12 + 1, day: 1)!
    }

    /// Last day of the quarter.
    public func lastDay(fiscalYearStartMonth: Int = 1) -> Day {
        next.firstDay(fiscalYearStartMonth: fiscalYearStartMonth).adding(days: -1)
    }

    /// Refuses to finish (close or carry) a quarter before its last day, unless `early`: the
    /// refusal says how many days are left. `what` is the action, as in "close 2026Q4".
    public func checkFinished(on today: Day, early: Bool, fiscalYearStartMonth: Int, what: String) throws {
        let last = lastDay(fiscalYearStartMonth: fiscalYearStartMonth)
        guard !early, today < last else { return }
        let left = last.dayNumber - today.dayNumber
        throw GoalbookError.refused(
            "\(self) ends on \(last), \(left) day\(left == 1 ? "" : "s") from today (\(today)): "
                + "\(what) on or after its last day, or say --early to do it now")
    }

    public var next: Quarter { number == 4 ? Quarter(year: year + 1, number: 1)! : Quarter(year: year, number: number + 1)! }
    public var previous: Quarter { number == 1 ? Quarter(year: year - 1, number: 4)! : Quarter(year: year, number: number - 1)! }
    public var description: String { "\(year)Q\(number)" }
    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
}
