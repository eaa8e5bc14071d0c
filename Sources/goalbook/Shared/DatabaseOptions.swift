import ArgumentParser
import Foundation
import GoalbookCore

/// Options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is acting, for the record (default: $GOALBOOK_USER, else your login name).", valueName: "name"))
    var by: String?

    func validate() throws {
        _ = try GlobalOptions.merge(GlobalOptions.shared.db, db, name: "--db")
        _ = try GlobalOptions.merge(GlobalOptions.shared.by, by, name: "--by")
        _ = try DatabaseLocation.sqlitePath(path)
    }

    var actor: String { Actor.resolve(explicit: by ?? GlobalOptions.shared.by) }
    var path: String { DatabaseLocation.resolve(explicit: db ?? GlobalOptions.shared.db) }

    /// Opens the database, creating and migrating it when needed.
    func open() throws -> SQLiteEngine {
        try SQLiteEngine(path: path, actor: actor)
    }
}
