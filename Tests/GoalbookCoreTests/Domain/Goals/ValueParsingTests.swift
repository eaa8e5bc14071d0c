import Foundation
import GoalbookCore
import Testing

/// Numbers with units, dates, quarters and as-of times, as people type them.
@Suite struct ValueParsingTests {
    @Test(arguments: [
        ("12", "12"), ("12.5%", "12.5%"), ("40 ms", "40 ms"), ("40ms", "40 ms"), ("3 features", "3 features"),
        ("-5", "-5"), ("+7", "7"), ("0.10", "0.1"), (" 12 % ", "12%"), ("-0", "0"), ("1000000", "1000000"),
        ("1E5", "100000"), ("1.5e-3 s", "0.0015 s"), (".5", "0.5"), ("3x", "3 x"), ("5 elephants", "5 elephants"),
        ("2e3 elephants", "2000 elephants"), ("20°C", "20°C"), ("7 /wk", "7 /wk"),
    ])
    func measuresParseAndPrintInShortestForm(input: String, shown: String) throws {
        #expect(try Measure.parse(input, what: "target").description == shown)
    }

    @Test(arguments: [
        "", "NaN", "nan", "inf", "1e309", "--5", "5-", "1,000", "abc", "%5", "12..5", ". ms", "0x10", "0X1F", "1_000",
        "1e", "1e+", "2E-", "12.", "12.%", "3features", "5/wk", "0b101", "0o17", "1 000", "١٢", "１２", "12\u{0}", "Infinity",
    ])
    func nonsenseIsRefused(input: String) {
        #expect(throws: GoalbookError.self) { try Measure.parse(input, what: "target") }
    }

    @Test func hugeNumbersAreRefusedWithAMessage() {
        #expect(throws: GoalbookError.invalidArgument("target '\(String(repeating: "9", count: 400))' is too large")) {
            try Measure.parse(String(repeating: "9", count: 400), what: "target")
        }
    }

    @Test func datesMustBeRealCalendarDates() {
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-2-3") == nil)
        #expect(Day(iso: "2028-02-29")?.description == "2028-02-29")
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-12-31")!.adding(days: 1).description == "2027-01-01")
    }

    @Test func quartersAreReadInEveryCommonSpelling() throws {
        let today = Day(iso: "2026-11-25")!
        for text in ["2026Q4", "2026-Q4", "Q4 2026", "q4-2026", "this quarter"] {
            #expect(try Quarter.parse(text, today: today).description == "2026Q4", "\(text)")
        }
        #expect(try Quarter.parse("last quarter", today: Day(iso: "2026-02-01")!).description == "2025Q4")
        #expect(throws: GoalbookError.self) { try Quarter.parse("2026Q5", today: today) }
        #expect(throws: GoalbookError.self) { try Quarter.parse("Q4", today: today) }
        // Six characters, as stored ones are, read by their bytes; the near misses fall through to
        // the general reading, which takes the lower-case q and refuses the rest.
        #expect(Quarter("2026q4")?.description == "2026Q4" && Quarter("2026Q4 ")?.description == "2026Q4")
        #expect(Quarter("0001Q1")?.description == "1Q1")
        for text in ["2026Q0", "2026Q5", "0000Q1", "20x6Q4", "2026 Q", "٢٠٢٦Q4", "２026Q4"] {
            #expect(Quarter(text) == nil, "\(text)")
        }
    }

    /// Blanks go from both ends, and only blanks: the quick path for text without them keeps
    /// everything else as it is.
    @Test func trimmingTakesBlanksFromTheEndsOnly() {
        let cases: [(String, String)] = [
            ("  a b\t", "a b"), ("\ta\r", "a"), ("a\r", "a"), ("a ", "a"), ("a\t", "a"), (" a", "a"), ("a", "a"), ("", ""), ("   ", ""),
            ("a\r\n", "a\r\n"), (" \u{301}x", " \u{301}x"),
            ("x \u{301}", "x \u{301}"), ("é ", "é"), ("\u{00A0}a\u{00A0}", "\u{00A0}a\u{00A0}"),
        ]
        for (text, trimmed) in cases {
            #expect(text.trimmingBlanks() == trimmed, "\(text.debugDescription)")
            #expect(text[...].trimmingBlanks() == trimmed, "\(text.debugDescription) as a substring")
        }
    }

    @Test func quarterBoundsFollowTheCalendarOrAFiscalStart() {
        let q = Quarter("2026Q4")!
        #expect((q.firstDay().description, q.lastDay().description) == ("2026-10-01", "2026-12-31"))
        #expect(
            (Quarter("2026Q1")!.firstDay(fiscalYearStartMonth: 4).description, Quarter("2026Q1")!.lastDay(fiscalYearStartMonth: 4).description)
                == ("2026-04-01", "2026-06-30"))
        #expect(Quarter.containing(Day(iso: "2027-02-10")!, fiscalYearStartMonth: 4).description == "2026Q4")
    }

    @Test func asOfReadsADateAsTheEndOfThatDayAndATimeAsUTC() throws {
        #expect(try AsOf.bound("2026-10-01") == "2026-10-01T23:59:59.999Z")
        #expect(try AsOf.bound("2026-10-01T12:00") == "2026-10-01T12:00:59.999Z")
        #expect(try AsOf.bound("2026-10-01T12:00:05") == "2026-10-01T12:00:05.000Z")
        #expect(try AsOf.bound("2026-10-01T12:00:05.250Z") == "2026-10-01T12:00:05.250Z")
        #expect(throws: GoalbookError.self) { try AsOf.bound("yesterday") }
        #expect(throws: GoalbookError.self) { try AsOf.bound("2026-10-01T25:00") }
    }

    @Test func goalIdsAcceptTheFormsPeopleType() throws {
        #expect(try GoalID.parse("G42") == 42)
        #expect(try GoalID.parse("g7") == 7)
        #expect(try GoalID.parse("42") == 42)
        #expect(throws: GoalbookError.self) { try GoalID.parse("G-1") }
        #expect(throws: GoalbookError.self) { try GoalID.parse("'; DROP TABLE goal; --") }
    }

    @Test func timestampsAreISOUTCWithMilliseconds() {
        #expect(Timestamp.string(Date(timeIntervalSince1970: 1_790_000_000.1234)) == "2026-09-21T14:13:20.123Z")
    }
}
