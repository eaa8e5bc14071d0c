import Foundation
import GRDB

extension SQLiteEngine {
    /// Applies every migration above the file's version in one IMMEDIATE transaction, importing
    /// the built-in canon in the same transaction when the file was new, then turns on WAL.
    /// Returns the version the file had when the lock was taken (another process may have
    /// migrated while this one waited: then nothing is left to do).
    func migrate(actor: String, now: Date, builtInCanon: Bool = true) throws -> Int {
        let stamp = Timestamp.string(now)
        let before: Int = try write { db in
            let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if current == 0 {
                // A file at version 0 is either new or someone else's database: never write into the latter.
                let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema") ?? 0
                if objects > 0 {
                    throw GoalbookError.cannotOpen(path: path, reason: "it is a SQLite database, but not a Goalbook one; it was left untouched")
                }
            }
            for migration in Migration.all where migration.version > current {
                let file = migration.file
                try db.execute(sql: String(decoding: file.bytes, as: UTF8.self))
                try db.execute(
                    sql: "INSERT INTO schema_migration (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)",
                    arguments: [migration.version, migration.name, file.sha256, stamp])
                try db.execute(sql: "PRAGMA user_version = \(migration.version)")
            }
            if current == 0 && builtInCanon {
                _ = try CanonImport.run(CanonImport.builtInDocuments(), in: SQLiteCanonStore(db: db), actor: actor, stamp: stamp)
            }
            return current
        }
        try turnOnWAL()
        return before
    }

    /// Switches the file to WAL. The switch needs the file to itself, and SQLite reports it busy
    /// without waiting when another process holds a read lock at that moment (many processes
    /// opening a new file at once): it is retried for as long as any other lock is waited for.
    private func turnOnWAL() throws {
        let deadline = Date().addingTimeInterval(SQLiteConnection.busyTimeout)
        while true {
            do {
                return try queue.writeWithoutTransaction { db in
                    if try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" { return }
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// The migrations recorded in the file: version, name and the SHA-256 it had when applied.
    public func appliedMigrations() throws -> [(version: Int, name: String, sha256: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT version, name, sha256 FROM schema_migration ORDER BY version").map {
                (version: $0["version"], name: $0["name"], sha256: $0["sha256"])
            }
        }
    }
}
