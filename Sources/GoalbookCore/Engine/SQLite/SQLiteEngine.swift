import Foundation
import GRDB

/// The SQLite engine: the one owner of a database file, behind the ``GoalbookEngine`` seam. Every
/// SQL statement Goalbook runs outside `migrations/sqlite/` lives in this type, its extensions and
/// ``SQLiteSession`` (one transaction's reads and writes); services call the seam, never SQL.
///
/// Opening creates the file (mode 0600, with its folder) when it is missing, applies the embedded
/// migrations, and refuses a database made by a newer Goalbook without writing to it.
public final class SQLiteEngine {
    /// The database file's path.
    public let path: String
    /// True when this open created the file (and so imported the built-in canon).
    public private(set) var wasCreated = false
    /// The schema version the file had before this open (0 for a new file).
    public private(set) var schemaVersionBefore = 0

    let queue: DatabaseQueue

    /// The schema version this Goalbook writes: the number of embedded migrations.
    public static var schemaVersion: Int { Migration.all.count }

    /// Opens (creating and migrating when needed) the database at `path`.
    ///
    /// A new file is migrated and given the built-in canon in one transaction, so a first command
    /// that is killed leaves an empty file (made whole by the next open), never a schema without
    /// its canon; many processes opening a new path at once all succeed, one of them migrating.
    /// - Parameter actor: who is acting, recorded on the built-in canon import of a new file.
    /// - Parameter builtInCanon: false for a copy's target, which takes its canon from the source.
    public init(path: String, actor: String, now: Date = Date(), builtInCanon: Bool = true) throws {
        self.path = path
        _ = try Self.createFileIfMissing(path)
        do {
            queue = try SQLiteConnection.open(path)
        } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
        let known = Self.schemaVersion
        var before = 0
        do {
            before = try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
        } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
        if before > known {
            throw GoalbookError.newerDatabase(path: path, version: before, known: known)
        }
        if before < known {
            before = try migrate(actor: actor, now: now, builtInCanon: builtInCanon)
            wasCreated = before == 0
        } else if builtInCanon, try read({ try Bool.fetchOne($0, sql: "SELECT NOT EXISTS (SELECT 1 FROM canon_version)") ?? false }) {
            // A file that an older Goalbook migrated but was stopped before its canon came in.
            _ = try importBuiltInCanon(actor: actor, now: now)
        }
        schemaVersionBefore = before
    }

    // MARK: - Transactions

    /// Runs `body` in one IMMEDIATE write transaction; any thrown error rolls everything back, and
    /// with `rollback` (a dry run) the transaction is rolled back even when `body` succeeds.
    /// SQLite failures a person can act on come back as ``GoalbookError``.
    func write<T>(rollback: Bool = false, _ body: (Database) throws -> T) throws -> T {
        do {
            guard rollback else { return try queue.write { db in try body(db) } }
            var result: Result<T, Error>?
            try queue.inTransaction(.immediate) { db in
                result = Result { try body(db) }
                return .rollback
            }
            guard let result else { throw GoalbookError.refused("the dry run did not run") }
            return try result.get()
        } catch let error as DatabaseError {
            throw mapped(error)
        }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(db) }
        } catch let error as DatabaseError {
            throw mapped(error)
        }
    }

    private func mapped(_ error: DatabaseError) -> Error {
        switch error.resultCode {
        case .SQLITE_FULL: return GoalbookError.databaseFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return GoalbookError.databaseBusy(path: path)
        case .SQLITE_CONSTRAINT: return GoalbookError.refused("the database refused the change: \(error.message ?? "constraint failed")")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return Self.openError(error, path: path)
        default: return error
        }
    }

    private static func openError(_ error: DatabaseError, path: String) -> GoalbookError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .cannotOpen(path: path, reason: "the file is not a SQLite database")
        case .SQLITE_CORRUPT: return .cannotOpen(path: path, reason: "the database file is damaged (run `goalbook check`)")
        case .SQLITE_READONLY: return .cannotOpen(path: path, reason: "the file or its folder is read-only")
        case .SQLITE_FULL: return .databaseFull(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .databaseBusy(path: path)
        default: return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    // MARK: - Creating the file

    /// Creates the folder (0700) and an empty file (0600) when the file does not exist yet.
    static func createFileIfMissing(_ path: String) throws -> Bool {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw GoalbookError.cannotOpen(path: path, reason: "it is a folder") }
            return false
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !fm.fileExists(atPath: folder) {
            do {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw GoalbookError.cannotOpen(path: path, reason: "cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        let fd = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return false }
            throw GoalbookError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        fchmod(fd, 0o600)
        close(fd)
        return true
    }
}
