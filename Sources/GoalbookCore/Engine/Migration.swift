import Foundation

/// One schema migration: a plain SQL file from `migrations/sqlite/` or `migrations/postgres/`,
/// embedded in the binary.
///
/// Every command opens the database, and most find it up to date: the file's bytes are decoded
/// (and hashed) only when a migration is applied or checked, not at each start.
public struct Migration: Sendable {
    /// The number in the file name (`0001_canon.sql` is version 1).
    public let version: Int
    /// The rest of the file name (`canon`).
    public let name: String
    private let entry: (name: String, base64: String)

    /// The file as embedded.
    var file: EmbeddedFile { Resources.decode(entry) }
    /// The SQL text.
    public var sql: String { String(decoding: file.bytes, as: UTF8.self) }
    /// Hex SHA-256 of the file's bytes, recorded in `schema_migration`.
    public var sha256: String { file.sha256 }

    /// Every embedded SQLite migration, in order. Versions run 1, 2, 3… with no gap (a test checks it).
    public static let all: [Migration] = Embedded.migrations.map(Migration.init)
    /// Every embedded PostgreSQL migration, in order, numbered as SQLite's are.
    public static let postgres: [Migration] = Embedded.postgresMigrations.map(Migration.init)
}

extension Migration {
    fileprivate init(_ entry: (name: String, base64: String)) {
        let stem = entry.name.replacingOccurrences(of: ".sql", with: "")
        let parts = stem.split(separator: "_", maxSplits: 1)
        self.init(version: Int(parts.first ?? "") ?? 0, name: parts.count > 1 ? String(parts[1]) : stem, entry: entry)
    }
}
