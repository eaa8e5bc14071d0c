import ArgumentParser
import Foundation
import GoalbookCore

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Copy a whole database into a new one, on either engine.",
        discussion: """
            Copies every row (canon versions, people, goals, items, slots, check-ins, history, settings and closed \
            quarters, with their ids) from --from into --to, in one transaction: a SQLite file into an empty \
            PostgreSQL database, a PostgreSQL database into a new SQLite file, or a file into a new file. The target \
            must be new: a file that does not exist yet, or a PostgreSQL database with nothing in it (made with \
            createdb). Afterwards every report, log and --as-of view reads the same on both.
            Example: goalbook copy --from goalbook.db --to postgresql://hr@db.example.org/goalbook
            """)

    @Option(help: ArgumentHelp("The database to copy (default: --db, $GOALBOOK_DB, or the default file).", valueName: "path|url"))
    var from: String?
    @Option(
        help: ArgumentHelp("The new database: a file path that does not exist yet, or an empty PostgreSQL database's URL.", valueName: "path|url"))
    var to: String
    @Option(help: ArgumentHelp("Who is acting, for the record.", valueName: "name")) var by: String?

    func run() throws {
        let source = DatabaseLocation.resolve(explicit: from ?? GlobalOptions.shared.db)
        let actor = Actor.resolve(explicit: by ?? GlobalOptions.shared.by)
        let counts = try Output.withProgress("Copying rows") { progress in
            try DatabaseCopy.copy(from: source, to: to, actor: actor, progress: progress)
        }
        print("Copied \(DatabaseLocation.redacted(source)) to \(DatabaseLocation.redacted(to)):")
        for (table, rows) in counts { print("  \(table.padding(toLength: 16, withPad: " ", startingAt: 0)) \(rows)") }
    }
}
