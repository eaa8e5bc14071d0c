import ArgumentParser
import Foundation
import GoalbookCore

/// `--db` and `--by` given before the subcommand (`goalbook --db x.db init`).
struct GlobalOptions {
    var db: String?
    var by: String?

    nonisolated(unsafe) static var shared = GlobalOptions()

    /// Takes `--db PATH`, `--db=PATH`, `--by NAME` and `--by=NAME` off the front of `arguments`,
    /// up to the first word that is not one of them.
    static func take(from arguments: inout [String]) throws -> GlobalOptions {
        var options = GlobalOptions()
        while let first = arguments.first {
            let (name, inline) = first.hasPrefix("--db=") || first.hasPrefix("--by=")
                ? (String(first.prefix(4)), Optional(String(first.dropFirst(5)))) : (first, nil)
            guard name == "--db" || name == "--by" else { break }
            arguments.removeFirst()
            guard let value = inline ?? arguments.first.map({ _ in arguments.removeFirst() }) else {
                throw ValidationError("Missing value for '\(name) <\(name == "--db" ? "path" : "name")>'.")
            }
            if name == "--db" { options.db = value } else { options.by = value }
        }
        return options
    }

    /// The value of an option that may be given before the subcommand or after it, but not both.
    static func merge(_ before: String?, _ after: String?, name: String) throws -> String? {
        if let before, let after, before != after {
            throw ValidationError("\(name) is given twice, '\(before)' before the subcommand and '\(after)' after it: give it once.")
        }
        return after ?? before
    }
}

/// Options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is acting, for the record (default: $GOALBOOK_USER, else your login name).", valueName: "name"))
    var by: String?

    func validate() throws {
        _ = try GlobalOptions.merge(GlobalOptions.shared.db, db, name: "--db")
        _ = try GlobalOptions.merge(GlobalOptions.shared.by, by, name: "--by")
    }

    var actor: String { Actor.resolve(explicit: by ?? GlobalOptions.shared.by) }
    var path: String { DatabaseLocation.resolve(explicit: db ?? GlobalOptions.shared.db) }

    /// Opens the database, creating and migrating it when needed.
    func open() throws -> GoalbookStore {
        try GoalbookStore(path: path, actor: actor)
    }
}

/// Output formats for listings.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

extension GoalStatus: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}

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

extension Framework: ExpressibleByArgument {}
extension CanonFormat: ExpressibleByArgument {}

/// JSON as Goalbook prints it: sorted keys, pretty, no escaped slashes, one trailing newline.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}

/// `--team` and `--below`, read the same way by every command that takes a team: a team is its
/// head and everyone below them at any depth; `--below` leaves the head out.
struct TeamOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A team: this manager and everyone below them, at any depth.", valueName: "id"))
    var team: String?

    @Flag(help: "With --team: only the people below the manager, not the manager.")
    var below = false

    func validate() throws {
        if below && team == nil { throw ValidationError("--below goes with --team.") }
    }
}
