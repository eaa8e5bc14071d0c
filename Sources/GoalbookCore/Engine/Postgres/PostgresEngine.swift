import Foundation

/// The PostgreSQL engine, behind the same ``GoalbookEngine`` seam as SQLite: for an organization
/// whose managers write at once from their own machines. All its SQL lives in this folder and in
/// `migrations/postgres/`.
///
/// Opening connects with libpq, applies the embedded migrations under an advisory lock (so many
/// first commands at once migrate once), imports the built-in canon into a new database in the
/// same transaction, and refuses a database made by a newer Goalbook or by something else.
public final class PostgresEngine: GoalbookEngine {
    /// The URL, with any password hidden.
    public var location: String { connection.location }
    /// A database found at version 0 was created by this open, which imported the built-in canon.
    public var schema: SchemaState { SchemaState(created: versionBefore == 0, before: versionBefore, current: Self.schemaVersion) }
    /// The schema version the database had before this open (0 for a new one).
    private var versionBefore = 0

    let connection: PostgresConnection

    /// The schema version this Goalbook writes on PostgreSQL.
    public static var schemaVersion: Int { Migration.postgres.count }

    /// How long a transaction that keeps losing serialization conflicts is run again before the
    /// conflict reaches the user, in seconds.
    static let retryBudget = 30.0

    /// Connects to the database a `postgres://` URL names; the password comes from libpq's
    /// environment (`PGPASSWORD`, `~/.pgpass`), never from the URL.
    /// - Parameter builtInCanon: false for a copy's target, which takes its canon from the source.
    public init(url: String, actor: String, now: Date = Date(), builtInCanon: Bool = true) throws {
        guard case .postgres = try DatabaseLocation.kind(of: url) else {
            throw GoalbookError.invalidArgument("\(url) is not a postgresql:// URL")
        }
        connection = try PostgresConnection(url: url)
        // Notices go to standard error unless asked not to; a ROLLBACK after a COMMIT that lost a
        // conflict warns that no transaction is open, which is Goalbook's business, not the user's.
        try run("SET client_min_messages = error")
        versionBefore = try migrate(actor: actor, now: now, builtInCanon: builtInCanon)
    }

    // MARK: - Transactions

    public func reading<T>(_ body: (any EngineReader) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", rollback: false) {
            try body(SQLSession(connection, stamp: nil))
        }
    }

    public func writing<T>(_ stamp: WriteStamp, dryRun: Bool, _ body: (any EngineWriter) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL SERIALIZABLE", rollback: dryRun) {
            try body(SQLSession(connection, stamp: stamp))
        }
    }

    /// Runs `body` between `begin` and COMMIT (ROLLBACK when it throws, or with `rollback`). A
    /// serialization conflict or deadlock runs the whole transaction again, so it never reaches a user.
    func transaction<T>(_ begin: String, rollback: Bool, _ body: () throws -> T) throws -> T {
        var attempt = 0
        let start = Date()
        while true {
            attempt += 1
            do {
                try connection.execute(begin)
                do {
                    let result = try body()
                    try connection.execute(rollback ? "ROLLBACK" : "COMMIT")
                    return result
                } catch {
                    try? connection.execute("ROLLBACK")
                    throw error
                }
            } catch let error as PostgresError where error.isRetryable && Date().timeIntervalSince(start) < Self.retryBudget {
                // Random, growing waits (up to a quarter second), so writers that collided spread out.
                usleep(UInt32.random(in: 1_000...UInt32(min(250, 5 * attempt) * 1_000)))
            } catch let error as PostgresError {
                throw mapped(error)
            }
        }
    }

    /// Runs one statement outside any service transaction.
    func run(_ sql: String) throws {
        do { try connection.execute(sql) } catch let error as PostgresError { throw mapped(error) }
    }

    /// PostgreSQL's errors as a person can act on them; SQLSTATE classes per the PostgreSQL manual, appendix A.
    func mapped(_ error: PostgresError) -> GoalbookError {
        switch error.sqlState {
        case "40001", "40P01": return .databaseBusy(path: location)
        case "42501": return .refused("PostgreSQL refused it: \(error.message)")
        case "57014": return .refused("PostgreSQL stopped the statement: \(error.message)")
        case "53100": return .databaseFull(path: location)
        case let state where state.hasPrefix("23"): return .refused("the database refused the change: \(error.message)")
        case let state where state.hasPrefix("08") || state.hasPrefix("57P"):
            return .cannotOpen(path: location, reason: error.message)
        default: return .refused("PostgreSQL: \(error.message)")
        }
    }

    // MARK: - Canon, whole

    public func importCanon(
        _ documents: [CanonDocument], actor: String, now: Date = Date(), progress: ProgressMeter? = nil
    ) throws -> [CanonImportOutcome] {
        let stamp = Timestamp.string(now)
        return try transaction("BEGIN ISOLATION LEVEL SERIALIZABLE", rollback: false) {
            try store(documents, actor: actor, stamp: stamp, progress: progress)
        }
    }

    /// Stores canon documents by the rules of ``CanonImport``, inside the caller's transaction.
    private func store(_ documents: [CanonDocument], actor: String, stamp: String, progress: ProgressMeter? = nil) throws -> [CanonImportOutcome] {
        try CanonImport.run(documents, in: PostgresCanonStore(connection: connection), actor: actor, stamp: stamp, progress: progress)
    }

    // MARK: - Migrating

    /// Applies every migration above the database's version in one transaction, under an advisory
    /// lock, importing the built-in canon in the same transaction when the database was new.
    /// Returns the version it had when the lock was taken.
    private func migrate(actor: String, now: Date, builtInCanon: Bool) throws -> Int {
        let stamp = Timestamp.string(now)
        let known = Self.schemaVersion
        return try transaction("BEGIN ISOLATION LEVEL READ COMMITTED", rollback: false) {
            // One lock for every Goalbook migrating this database; others wait, then find it done.
            try connection.query("SELECT pg_advisory_xact_lock(hashtext('goalbook schema'))")
            let current: Int
            if try connection.query("SELECT to_regclass('schema_migration') IS NOT NULL AS present").rows.first?.string("present") == "t" {
                current = try connection.query("SELECT coalesce(max(version), 0) AS version FROM schema_migration").rows.first?.int("version") ?? 0
            } else {
                let objects =
                    try connection.query(
                        """
                        SELECT count(*) AS n FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p')
                        """
                    ).rows.first?.int("n") ?? 0
                if objects > 0 {
                    throw GoalbookError.cannotOpen(
                        path: location, reason: "it is a PostgreSQL database, but not a Goalbook one; it was left untouched")
                }
                current = 0
            }
            if current > known { throw GoalbookError.newerDatabase(path: location, version: current, known: known) }
            for migration in Migration.postgres where migration.version > current {
                try connection.execute(migration.sql)
                try connection.query(
                    "INSERT INTO schema_migration (version, name, sha256, applied_at) VALUES ($1, $2, $3, $4)",
                    [migration.version, migration.name, migration.sha256, stamp])
            }
            if current == 0 && builtInCanon { _ = try store(CanonImport.builtInDocuments(), actor: actor, stamp: stamp) }
            return current
        }
    }
}

extension PostgresEngine: RunnerEngine {
    func readingRows<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", rollback: false) { try body(connection) }
    }

    /// The copy's target runs with its own triggers off (the owner may: the rows come from a
    /// database that kept the same rules, and a link or a closed quarter must go in in its own
    /// order), and on again before the commit.
    func copyingInto<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL SERIALIZABLE", rollback: false) {
            for table in DatabaseCopy.tables { try connection.execute("ALTER TABLE \(table.name) DISABLE TRIGGER USER") }
            let result = try body(connection)
            // The deferred checks (a person's manager, history's keys) run now, before the triggers come back.
            try connection.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in DatabaseCopy.tables { try connection.execute("ALTER TABLE \(table.name) ENABLE TRIGGER USER") }
            return result
        }
    }
}
