import ArgumentParser
import Foundation
import GoalbookCore

/// Options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database: a SQLite file, or a postgresql:// URL (password from $PGPASSWORD or ~/.pgpass).", valueName: "path|url"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is acting, for the record (default: $GOALBOOK_USER, else your login name).", valueName: "name"))
    var by: String?

    func validate() throws {
        _ = try GlobalOptions.merge(GlobalOptions.shared.db, db, name: "--db")
        _ = try GlobalOptions.merge(GlobalOptions.shared.by, by, name: "--by")
        _ = try DatabaseLocation.kind(of: path)
    }

    var actor: String { Actor.resolve(explicit: by ?? GlobalOptions.shared.by) }
    /// The location as given: a file path or a URL.
    var path: String { DatabaseLocation.resolve(explicit: db ?? GlobalOptions.shared.db) }

    /// Opens the database, creating and migrating it when needed: the SQLite file, or the
    /// PostgreSQL database a `postgresql://` URL names.
    func open() throws -> any GoalbookEngine { try DatabaseLocation.open(path, actor: actor) }

    /// Opens the SQLite file, for the commands that work on a file; on PostgreSQL `instead` says what to do there.
    func openSQLite(instead: String) throws -> SQLiteEngine {
        try SQLiteEngine(path: try sqlitePath(instead: instead), actor: actor)
    }

    /// The SQLite file's path; on PostgreSQL `instead` says what to do there.
    func sqlitePath(instead: String) throws -> String {
        try DatabaseLocation.sqlitePath(path, instead: instead)
    }
}
