import ArgumentParser
import GoalbookCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database (or bring it up to date) and import the built-in canon.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let store = try database.open()
        let outcomes = store.wasCreated ? [] : try CanonService(store).importBuiltIn(actor: database.actor)
        if store.wasCreated {
            print("Created \(store.path) (schema version \(SQLiteEngine.schemaVersion)) with the built-in canon.")
        } else if store.schemaVersionBefore < SQLiteEngine.schemaVersion {
            print("Upgraded \(store.path) from schema version \(store.schemaVersionBefore) to \(SQLiteEngine.schemaVersion).")
        } else {
            print("\(store.path) is up to date (schema version \(SQLiteEngine.schemaVersion)).")
        }
        for outcome in outcomes where outcome.status == .imported {
            print("Imported built-in canon \(outcome.fileName) as canon version \(outcome.canonVersionId).")
        }
    }
}
