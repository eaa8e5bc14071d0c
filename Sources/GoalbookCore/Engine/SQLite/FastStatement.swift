import GRDB
import GRDBSQLite

/// A prepared statement for the bulk paths (imports, history), bound and stepped through
/// SQLite's C API: binding typed values directly, with no per-row argument boxing, is most of
/// what separates a Swift insert loop from the sqlite3 shell (docs/benchmarks.md).
struct FastStatement: SQLStatement {
    private let statement: GRDB.Statement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    /// The connection's prepared statement for `sql`, kept for its next use: a command that runs
    /// the same statement for each of many goals (`goals carry`) spent four fifths of its
    /// instructions in SQLite's parser. A statement still being stepped (the same query run
    /// inside its own loop) is not shared: that one gets a statement of its own.
    static func reusable(_ db: Database, sql: String) throws -> GRDB.Statement {
        let cached = try db.cachedStatement(sql: sql)
        return sqlite3_stmt_busy(cached.sqliteStatement) == 0 ? cached : try db.makeStatement(sql: sql)
    }

    /// Runs `sql` once with the values, through the connection's kept statement.
    static func run(_ db: Database, sql: String, _ values: [SQLValue]) throws {
        try runToEnd(try reusable(db, sql: sql).sqliteStatement, values, db: db, sql: sql)
    }

    /// Binds the values in order, runs the statement to its end and resets it.
    func run(_ values: [SQLValue]) throws {
        try Self.runToEnd(statement.sqliteStatement, values, db: db, sql: statement.sql)
    }

    private static func runToEnd(_ handle: OpaquePointer?, _ values: [SQLValue], db: Database, sql: @autoclosure () -> String) throws {
        try bind(values, to: handle, db: db, sql: sql())
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        let reset = sqlite3_reset(handle)
        if code != SQLITE_DONE { throw failure(code, db: db, sql: sql()) }
        if reset != SQLITE_OK { throw failure(reset, db: db, sql: sql()) }
    }

    /// Binds typed values straight to their positions, with no per-value boxing.
    private static func bind(_ values: [SQLValue], to handle: OpaquePointer?, db: Database, sql: @autoclosure () -> String) throws {
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let code: Int32
            switch value {
            case .int(let int): code = sqlite3_bind_int64(handle, position, int)
            case .real(let real): code = sqlite3_bind_double(handle, position, real)
            case .null: code = sqlite3_bind_null(handle, position)
            case .text(let text):
                code =
                    text.utf8.withContiguousStorageIfAvailable { bytes in
                        sqlite3_bind_text(
                            handle, position, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                            Int32(bytes.count), sqliteTransient)
                    } ?? sqlite3_bind_text(handle, position, text, -1, sqliteTransient)
            }
            if code != SQLITE_OK { throw failure(code, db: db, sql: sql()) }
        }
    }

    /// Runs a query and calls `body` with each row, read through SQLite's column accessors with
    /// no per-row copy: the fast path for loading many rows (reports, as-of).
    static func forEachRow(_ db: Database, sql: String, _ values: [SQLValue], _ body: (RawRow) throws -> Void) throws {
        let statement = try reusable(db, sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try bind(values, to: handle, db: db, sql: sql)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code, db: db, sql: sql) }
            try body(RawRow(handle: handle))
        }
    }

    private static func failure(_ code: Int32, db: Database, sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }
}

/// SQLite's "copy the bytes now" destructor, which Swift cannot import as a macro.
/// SQLite's SQLITE_TRANSIENT: the text is copied before the bind returns.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// The current row of a query stepped by ``FastStatement/forEachRow(_:sql:_:_:)``; valid only
/// inside the call.
struct RawRow: SQLRow {
    let handle: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .int(int(column))
        case SQLITE_FLOAT: return .real(double(column))
        default: return .text(text(column))
        }
    }
    func textOrNil(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}
