import Foundation
import GoalbookCore
import Testing

/// Days as text: `YYYY-MM-DD`, zero-padded, the form every stored date and report uses.
@Suite struct DayTests {
    @Test func everyDayReadsBackAsTheTextItWasReadFrom() {
        // Every day from 1970 to 2100, written digit by digit, against Foundation's formatting.
        for days in stride(from: 0, through: 47_847, by: 1) {
            let day = Day(Date(timeIntervalSince1970: Double(days) * 86_400 + 43_200))
            let expected = String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
            guard day.description == expected, Day(iso: expected) == day else {
                Issue.record("\(days) days: \(day.description), expected \(expected)")
                return
            }
        }
        #expect(Day(iso: "0987-03-04")?.description == "0987-03-04")
    }

    @Test func onlyExactlyYYYYMMDDInASCIIDigitsIsADay() {
        for text in [
            "2026-1-011", "2026/01/01", "2026-01-1", "2026-01-011", "２０２６-01-01", "2026-0a-01", "2026-02-30", "0000-01-01", "2026-13-01",
            " 2026-01-1",
        ] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
        #expect(Day(iso: "2024-02-29")?.description == "2024-02-29")
    }
}
