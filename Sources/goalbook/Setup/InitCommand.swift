import ArgumentParser
import GoalbookCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database (or bring it up to date) and import the built-in canon.",
        discussion: """
            --db names a SQLite file (made with its folder when missing) or a postgresql:// URL of an \
            existing, empty PostgreSQL database (docs/postgres.md), whose tables this creates.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let engine = try database.open()
        let (created, before, current) = (engine.schema.created, engine.schema.before, engine.schema.current)
        let outcomes = created ? [] : try CanonService(engine).importBuiltIn(actor: database.actor)
        if created {
            print("Created \(engine.location) (schema version \(current)) with the built-in canon.")
        } else if before < current {
            print("Upgraded \(engine.location) from schema version \(before) to \(current).")
        } else {
            print("\(engine.location) is up to date (schema version \(current)).")
        }
        for outcome in outcomes where outcome.status == .imported {
            print("Imported built-in canon \(outcome.fileName) as canon version \(outcome.canonVersionId).")
        }
    }
}
