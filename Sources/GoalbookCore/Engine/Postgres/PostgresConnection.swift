import Foundation

extension SQLValue {
    /// The value as PostgreSQL's text protocol sends it; nil for NULL. A double is written in
    /// Swift's shortest form that reads back to the same bits (`0.1`, `1e-05`), which PostgreSQL reads.
    var postgresText: String? {
        switch self {
        case .int(let int): return String(int)
        case .real(let real): return "\(real)"
        case .text(let text): return text
        case .null: return nil
        }
    }
}

/// The rows a statement returned, as text, with its column names and type OIDs.
struct PostgresRows {
    let columns: [String]
    let types: [UInt32]
    let rows: [PostgresRow]
}

/// One row of a result, read by column name or position. Values arrive as PostgreSQL's text.
struct PostgresRow: SQLRow {
    let index: [String: Int]
    let values: [String?]

    func isNull(_ column: Int32) -> Bool { values[Int(column)] == nil }
    func int(_ column: Int32) -> Int64 { values[Int(column)].flatMap { Int64($0) } ?? 0 }
    func double(_ column: Int32) -> Double { values[Int(column)].flatMap { Double($0) } ?? 0 }
    func textOrNil(_ column: Int32) -> String? { values[Int(column)] }
    /// PostgreSQL's text of the value: the receiving engine reads it by its column's type.
    func value(_ column: Int32) -> SQLValue { .text(values[Int(column)]) }

    func string(_ column: String) -> String? { index[column].flatMap { values[$0] } }
    func int64(_ column: String) -> Int64? { string(column).flatMap { Int64($0) } }
    func int(_ column: String) -> Int? { string(column).flatMap { Int($0) } }
    /// A column the query never leaves NULL; a NULL is a broken promise, and named.
    func required(_ column: String) throws -> String {
        guard let value = string(column) else { throw GoalbookError.refused("PostgreSQL returned no \(column)") }
        return value
    }
    func requiredInt64(_ column: String) throws -> Int64 {
        guard let value = int64(column) else { throw GoalbookError.refused("PostgreSQL returned no \(column)") }
        return value
    }
}

/// An error PostgreSQL reported for a statement, with its SQLSTATE.
struct PostgresError: Error {
    let sqlState: String
    let message: String

    /// Serialization failures and deadlocks: the transaction may simply be run again.
    /// The primary keys Goalbook picks itself, as the next after the highest.
    static let densePrimaryKeys: Set<String> = ["person_pkey", "goal_pkey", "checkin_pkey"]

    /// The constraint a violation names, if any.
    var constraint: String? = nil
    /// Where in the statement the error is, 1-based in characters, if PostgreSQL says.
    var position: Int? = nil

    /// Serialization failures and deadlocks, and a primary key taken meanwhile: Goalbook gives new
    /// goals, check-ins and people the next key after the highest (as SQLite does, so ids stay
    /// dense and the same on both engines), and two writers can pick the same one.
    var isRetryable: Bool {
        sqlState == "40001" || sqlState == "40P01" || (sqlState == "23505" && Self.densePrimaryKeys.contains(constraint ?? ""))
    }
}

/// One connection to a PostgreSQL server, through libpq.
///
/// The connection string is a `postgres://` or `postgresql://` URL, with libpq's own settings
/// (host, port, user, dbname, sslmode, …) and environment (`PGHOST`, `PGPASSWORD`, `~/.pgpass`).
final class PostgresConnection {
    /// The URL as a message may show it.
    let location: String
    private let pq: LibPQ
    private let connection: LibPQ.Connection

    init(url: String) throws {
        location = DatabaseLocation.redacted(url)
        let pq = try LibPQ.shared()
        self.pq = pq
        let keys = ["dbname", "application_name", "client_encoding"]
        let values = [url, "goalbook", "UTF8"]
        let connection = withCStrings(keys) { keyPointers in
            withCStrings(values) { valuePointers in pq.connectdbParams(keyPointers, valuePointers, 1) }
        }
        guard let connection else {
            throw GoalbookError.cannotOpen(path: location, reason: "libpq could not allocate a connection")
        }
        guard pq.status(connection) == LibPQ.connectionOK else {
            let reason = Self.trimmed(pq.errorMessage(connection).map { String(cString: $0) } ?? "could not connect")
            pq.finish(connection)
            throw GoalbookError.cannotOpen(path: location, reason: reason)
        }
        self.connection = connection
    }

    deinit { pq.finish(connection) }

    /// Runs one statement with `$1`, `$2`… (or `?`, as ``EngineSQL`` writes them) bound to
    /// `parameters` (nil is NULL) and returns its rows.
    @discardableResult
    func query(_ sql: String, _ parameters: SQLArguments = []) throws -> PostgresRows {
        let texts = parameters.map { $0?.sqlValue.postgresText ?? nil }
        let numbered = Self.numbered(sql)
        return try rows(
            of: withOptionalCStrings(texts) { pointers in
                pq.execParams(connection, numbered, Int32(texts.count), nil, pointers, nil, nil, 0)
            })
    }

    /// The statement with each `?` outside quotes replaced by `$1`, `$2`… in order, so one text
    /// serves SQLite and PostgreSQL.
    static func numbered(_ sql: String) -> String {
        guard sql.utf8.contains(UInt8(ascii: "?")) else { return sql }
        var result = ""
        var quote: Character?
        var count = 0
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "?" {
                count += 1
                result += "$\(count)"
                continue
            }
            result.append(character)
        }
        return result
    }

    /// Runs statements with no parameters, such as a migration's whole text or `BEGIN`: libpq's
    /// simple protocol, which takes several statements in one text (as one implicit transaction
    /// when no BEGIN is among them).
    func execute(_ sql: String) throws { try rows(of: pq.exec(connection, sql)) }

    /// The rows of a result, which it frees; an error result is thrown.
    @discardableResult
    private func rows(of result: LibPQ.Result?) throws -> PostgresRows {
        defer { pq.clear(result) }
        let status = pq.resultStatus(result)
        guard status == LibPQ.commandOK || status == LibPQ.tuplesOK else {
            throw error(of: result)
        }
        let fieldCount = Int(pq.nfields(result))
        let columns = (0..<fieldCount).map { pq.fname(result, Int32($0)).map { String(cString: $0) } ?? "" }
        var index: [String: Int] = [:]
        for (position, name) in columns.enumerated() where index[name] == nil { index[name] = position }
        let rows = (0..<pq.ntuples(result)).map { row in
            PostgresRow(
                index: index,
                values: (0..<Int32(fieldCount)).map { field in
                    pq.getisnull(result, row, field) != 0 ? nil : pq.getvalue(result, row, field).map { String(cString: $0) }
                })
        }
        return PostgresRows(columns: columns, types: (0..<Int32(fieldCount)).map { pq.ftype(result, $0) }, rows: rows)
    }

    private func error(of result: LibPQ.Result?) -> PostgresError {
        func field(_ code: Int32) -> String? { pq.resultErrorField(result, code).map { String(cString: $0) } }
        let message = field(LibPQ.fieldMessage) ?? pq.errorMessage(connection).map { Self.trimmed(String(cString: $0)) } ?? "unknown error"
        return PostgresError(
            sqlState: field(LibPQ.fieldSQLState) ?? "", message: message, constraint: field(LibPQ.fieldConstraint),
            position: field(LibPQ.fieldPosition).flatMap { Int($0) })
    }

    private static func trimmed(_ message: String) -> String {
        message.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "; ")
    }
}

/// Hands `body` a NULL-terminated array of C strings that lives as long as the call.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
    withOptionalCStrings(strings.map(Optional.some) + [nil]) { pointers in
        pointers.map(body) ?? body([nil])
    }
}

/// Hands `body` an array of C strings (nil stays NULL) that lives as long as the call.
private func withOptionalCStrings<T>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { for copy in copies { free(copy) } }
    let pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
}

/// The shared SQL (`Engine/SQL/`) on PostgreSQL: `?` parameters are numbered, values go as text.
extension PostgresConnection: SQLRunner {
    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (PostgresRow) throws -> Void) throws {
        for row in try query(sql, arguments).rows { try body(row) }
    }

    func execute(_ sql: String, _ arguments: SQLArguments) throws { try query(sql, arguments) }

    func prepare(_ sql: String) throws -> PostgresStatement { PostgresStatement(connection: self, sql: sql) }

    func idList(_ ids: [Int64]) -> (sql: String, argument: SQLValue) {
        ("SELECT unnest(CAST(? AS bigint[])) AS value", .text("{" + ids.map(String.init).joined(separator: ",") + "}"))
    }

    func textList(_ values: [String]) -> (sql: String, argument: SQLValue) {
        ("SELECT value FROM json_array_elements_text(CAST(? AS json))", .text(JSONWriter.strings(values)))
    }
}

/// A statement run many times; libpq parses it each time (one round trip either way).
struct PostgresStatement: SQLStatement {
    let connection: PostgresConnection
    let sql: String

    func run(_ values: [SQLValue]) throws { try connection.query(sql, values) }
}
