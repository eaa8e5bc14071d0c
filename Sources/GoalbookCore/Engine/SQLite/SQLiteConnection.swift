import GRDB

/// The one way Goalbook opens a SQLite connection: the store, the analyst's `sql`, backup,
/// restore, the demo check and the schema check all come through here, so every connection
/// waits for a writer rather than failing with "database is locked", and enforces foreign keys.
enum SQLiteConnection {
    /// How long a connection waits for another process's lock before it reports the file busy.
    static let busyTimeout: Double = 10

    /// The configuration of every connection. `readOnly` opens the file so that nothing can be
    /// written through it (SQLite's own read-only mode).
    static func configuration(readOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.label = "goalbook"
        return configuration
    }

    /// A connection to the file at `path`.
    static func open(_ path: String, readOnly: Bool = false) throws -> DatabaseQueue {
        try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
    }

    /// A private in-memory database with the same configuration (the schema check builds the
    /// expected schema in one).
    static func inMemory() throws -> DatabaseQueue {
        try DatabaseQueue(configuration: configuration())
    }
}
