import ArgumentParser
import Foundation
import GoalbookCore

/// `--as-of` and `--as-recorded`, read the same way by every command that shows the past.
/// History keeps when a change took effect and when it was recorded; they differ only for writes
/// dated back with `--date` (docs/schema.md).
struct PastOptions: ParsableArguments {
    @Option(help: ArgumentHelp("As things were then: 2026-10-01 (end of that day, UTC) or 2026-10-01T12:00.", valueName: "time"))
    var asOf: String?

    @Option(
        help: ArgumentHelp(
            "Only what Goalbook had recorded by then, leaving out writes dated back with --date later (same forms as --as-of, which it "
                + "sets too when --as-of is not given).", valueName: "time"))
    var asRecorded: String?

    /// The past asked for, nil for now.
    func view() throws -> PastView? { try PastView.parse(asOf: asOf, asRecorded: asRecorded) }
}

/// `--date` on the writes a team adopting Goalbook mid-quarter dates back.
struct DateOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "When the change took effect, if before today: 2026-10-02 (UTC). It is recorded now, and history keeps both; never in the "
                + "future, never in a closed quarter, never before the last change of what it changes.", valueName: "day"),
        transform: Parse.day)
    var date: Day?

    /// A day ahead is refused before anything else runs (`goals fill` and `goals edit` ask first).
    func validate() throws {
        let today = Day(Date())
        if let date, date > today { throw ValidationError("--date \(date) is in the future (today is \(today), UTC).") }
    }
}
