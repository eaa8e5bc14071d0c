import ArgumentParser
import Foundation
import GoalbookCore

/// Parsers for arguments whose errors should say what was expected.
enum Parse {
    /// A quarter as people type it: 2026Q4, 2026-Q4, Q4 2026, "this quarter", "last quarter".
    static func quarter(_ text: String) throws -> Quarter { try Quarter.parse(text, today: Day(Date())) }

    /// A date as YYYY-MM-DD.
    static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw GoalbookError.invalidArgument("'\(text)' is not a date: use YYYY-MM-DD, e.g. 2026-12-31") }
        return day
    }

    /// A goal id: G42, g42 or 42.
    static func goal(_ text: String) throws -> Int64 { try GoalID.parse(text) }
}

/// `key=value` arguments, as `people set` and `goals set` take them.
func keyValues(_ arguments: [String]) throws -> [(key: String, value: String)] {
    try arguments.map { argument in
        guard let equals = argument.firstIndex(of: "=") else {
            throw ValidationError("'\(argument)' is not key=value (for example target=40%)")
        }
        return (String(argument[..<equals]).trimmingBlanks(), String(argument[argument.index(after: equals)...]))
    }
}
