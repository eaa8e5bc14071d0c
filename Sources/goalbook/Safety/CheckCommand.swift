import ArgumentParser
import Foundation
import GoalbookCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the database: SQLite's integrity and foreign keys, and Goalbook's own rules.",
        discussion: """
            Goalbook's rules: the schema is exactly what the migrations made (no trigger or view dropped, changed \
            or added); every goal's and person's current values are what their history replays to; closed quarters \
            are those history leaves closed, each with the figures it was closed with; every goal has its canon link \
            and a 'created' history row; nobody is in a manager cycle; baseline and target agree on a unit; slot \
            numbers match their values; check-ins are in their item's unit. Exits 1 when anything is wrong. \
            docs/schema.md says what check cannot see.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let problems = try database.openSQLite(
            instead: "goalbook check verifies a SQLite file; PostgreSQL keeps its own tables whole (pg_amcheck checks its pages)"
        ).check()
        guard !problems.isEmpty else { return print("ok: \(database.path) passed every check") }
        for problem in problems { print(problem) }
        printError("\(database.path): \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
        throw ExitCode.failure
    }
}
