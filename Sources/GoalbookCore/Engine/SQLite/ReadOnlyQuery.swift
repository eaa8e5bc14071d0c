import Foundation
import GRDB
import GRDBSQLite

/// What an analyst's statement may do, decided on what SQLite prepared: read tables and views,
/// call the functions on ``functions`` and the pragmas on ``pragmas``. Anything else (ATTACH,
/// writes, `load_extension`, `fts3_tokenizer`, a pragma that sets a value, …) is denied, and
/// the statement never runs.
enum AnalystAuthorizer {
    /// What the last denial refused, for the message.
    nonisolated(unsafe) static var denied: String?

    static let functions: Set<String> = [
        // core scalar functions
        "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "instr", "length", "like",
        "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote", "random",
        "randomblob", "replace", "round", "rtrim", "sign", "soundex", "substr", "substring", "trim", "typeof", "unhex",
        "unicode", "unlikely", "upper", "zeroblob", "sqlite_version",
        // dates and times
        "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff", "current_date", "current_time",
        "current_timestamp",
        // aggregates and windows
        "avg", "count", "group_concat", "string_agg", "sum", "total", "row_number", "rank", "dense_rank", "percent_rank",
        "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
        // maths
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp",
        "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan", "tanh",
        "trunc",
        // JSON
        "json", "json_array", "json_array_length", "json_extract", "json_insert", "json_object", "json_patch", "json_remove",
        "json_replace", "json_set", "json_type", "json_valid", "json_quote", "json_group_array", "json_group_object",
        "json_each", "json_tree", "jsonb", "json_pretty",
    ]
    static let pragmas: Set<String> = [
        "table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list", "user_version",
    ]

    static let callback:
        @convention(c) (
            UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
            UnsafePointer<CChar>?, UnsafePointer<CChar>?
        ) -> Int32 = { _, action, first, second, _, _ in
            let a = first.map { String(cString: $0) }
            let b = second.map { String(cString: $0) }
            switch action {
            case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
                return SQLITE_OK
            case SQLITE_UPDATE where a == "sqlite_master" || a == "sqlite_temp_master":
                // What SQLite asks when a statement reads a table-valued function such as
                // pragma_table_info; the read-only connection and query_only keep the schema as it is.
                return SQLITE_OK
            case SQLITE_FUNCTION:
                if let name = b?.lowercased(), functions.contains(name) { return SQLITE_OK }
                denied = "the function \(b ?? "?")"
            case SQLITE_PRAGMA:
                // A pragma with a value sets it, except those that take a table or an index name.
                if let name = a?.lowercased(), pragmas.contains(name), b == nil || name != "user_version" { return SQLITE_OK }
                denied = "PRAGMA \(a ?? "?")\(b.map { " = \($0)" } ?? "")"
            case SQLITE_ATTACH: denied = "ATTACH"
            case SQLITE_DETACH: denied = "DETACH"
            case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: denied = "a transaction statement"
            case SQLITE_ANALYZE: denied = "ANALYZE"
            default: denied = "a statement that changes the database"
            }
            return SQLITE_DENY
        }
}

/// Runs one analyst's SQL statement on a connection that cannot write, streaming rows out.
///
/// The file is opened with SQLITE_OPEN_READONLY and `PRAGMA query_only`, and any statement that
/// would write (or ATTACH another file) is refused before it runs. Rows go to `write` as they
/// come, so a million-row result never collects in memory.
public enum ReadOnlyQuery {
    public static func run(
        path: String, sql: String, parameters: [(String, String)], format: QueryFormat,
        write: @escaping (String) -> Void
    ) throws {
        try refuseNUL(sql)
        guard FileManager.default.fileExists(atPath: path) else {
            throw GoalbookError.cannotOpen(path: path, reason: "there is no database there (goalbook init creates one)")
        }
        let queue: DatabaseQueue
        do {
            queue = try SQLiteConnection.open(path, readOnly: true)
        } catch let error as DatabaseError {
            throw GoalbookError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        try queue.read { db in
            try db.execute(sql: "PRAGMA query_only = 1")
            let statement: GRDB.Statement
            // SQLite itself says what the prepared statement does, through the authorizer: not the text.
            let connection = db.sqliteConnection
            AnalystAuthorizer.denied = nil
            sqlite3_set_authorizer(connection, AnalystAuthorizer.callback, nil)
            do {
                defer { sqlite3_set_authorizer(connection, nil, nil) }
                statement = try db.makeStatement(sql: sql)
            } catch let error as DatabaseError {
                if let denied = AnalystAuthorizer.denied {
                    throw GoalbookError.refused(
                        "goalbook sql only reads: \(denied) is not allowed (see docs/analyst-queries.md for what is); nothing was run")
                }
                throw GoalbookError.invalidArgument(describe(error, sql: sql, db: db))
            }
            if !statement.isReadonly {
                throw GoalbookError.refused("goalbook sql only reads: this statement would change the database; nothing was run")
            }
            var arguments: [String: (any DatabaseValueConvertible)?] = [:]
            for (name, value) in parameters { arguments[name] = number(value) ?? value }
            do {
                try statement.setArguments(StatementArguments(arguments))
            } catch let error as DatabaseError {
                throw GoalbookError.invalidArgument("parameters: \(error.message ?? "\(error)")")
            }
            var sink = RowSink(columns: statement.columnNames, format: format, write: write)
            do {
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() { sink.add(row.databaseValues.map(Self.value)) }
            } catch let error as DatabaseError {
                throw GoalbookError.invalidArgument(describe(error, sql: sql, db: db))
            }
            sink.finish()
        }
    }

    /// Refuses a statement with a NUL byte in it, which the engines would cut short.
    static func refuseNUL(_ sql: String) throws {
        if let nul = sql.utf8.firstIndex(of: 0) {
            let line = sql.utf8[..<nul].filter { $0 == 0x0A }.count + 1
            throw GoalbookError.invalidArgument(
                "the SQL holds a NUL byte (\\0) on line \(line): the database would read only what comes before it; nothing was run")
        }
    }

    static func value(_ value: DatabaseValue) -> QueryValue {
        switch value.storage {
        case .null: return .null
        case .int64(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .text(s)
        case .blob(let data): return .blob(Array(data))
        }
    }

    /// The statement, a caret under the character `offset` (0-based, in UTF-8 bytes) points at,
    /// and its line and column.
    static func caret(_ sql: String, at offset: Int) -> String? {
        let bytes = Array(sql.utf8)
        guard offset >= 0 && offset <= bytes.count else { return nil }
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count
        let lineNumber = before.filter { $0 == 0x0A }.count + 1
        return " (line \(lineNumber), column \(column + 1))\n  \(line)\n  \(String(repeating: " ", count: column))^"
    }

    /// A decimal number without leading zeros binds as a number; anything else as text.
    static func number(_ text: String) -> (any DatabaseValueConvertible)? {
        let digits = text.hasPrefix("-") ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            digits.filter({ $0 == "." }).count <= 1, !(digits.hasPrefix("0") && digits.count > 1 && !digits.hasPrefix("0."))
        else { return nil }
        if let int = Int64(text) { return int }
        return Double(text)
    }

    /// SQLite's message, with the statement and a caret under the place it points at.
    static func describe(_ error: DatabaseError, sql: String, db: Database) -> String {
        let message = error.message ?? "\(error.resultCode)"
        if message.hasPrefix("Multiple statements found") {
            return "goalbook sql runs one statement at a time; nothing was run"
        }
        var text = "SQL error: \(message)"
        for prefix in ["no such table: ", "no such column: "] where message.hasPrefix(prefix) {
            let name = String(message.dropFirst(prefix.count))
            let known =
                prefix == "no such table: "
                ? (try? String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' OR type = 'view'")) ?? []
                : (try? String.fetchAll(db, sql: "SELECT DISTINCT c.name FROM sqlite_schema AS o, pragma_table_info(o.name) AS c")) ?? []
            let close = CloseMatches.find(name, in: known, limit: 3)
            if !close.isEmpty { text += " (did you mean \(close.joined(separator: ", "))?)" }
        }
        if let connection = db.sqliteConnection, let caret = caret(sql, at: Int(sqlite3_error_offset(connection))) { text += caret }
        return text
    }
}
