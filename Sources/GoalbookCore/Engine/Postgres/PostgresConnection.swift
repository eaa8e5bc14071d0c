import Foundation

/// A value bound to a `$n` parameter of a PostgreSQL statement, sent as text.
protocol PostgresParameter {
    var postgresText: String { get }
}

extension String: PostgresParameter { var postgresText: String { self } }
extension Int: PostgresParameter { var postgresText: String { String(self) } }
extension Int64: PostgresParameter { var postgresText: String { String(self) } }
extension Double: PostgresParameter { var postgresText: String { "\(self)" } }
extension Bool: PostgresParameter { var postgresText: String { self ? "true" : "false" } }

/// The rows a statement returned, as text, with its column names.
struct PostgresRows {
    let columns: [String]
    let rows: [PostgresRow]
}

/// One row of a result, read by column name.
struct PostgresRow: NamedRow {
    let index: [String: Int]
    let values: [String?]

    func string(_ column: String) -> String? { index[column].flatMap { values[$0] } }
    func int64(_ column: String) -> Int64? { string(column).flatMap { Int64($0) } }
    func int(_ column: String) -> Int? { string(column).flatMap { Int($0) } }
    func double(_ column: String) -> Double? { string(column).flatMap { Double($0) } }
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
    var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }
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
    func query(_ sql: String, _ parameters: [(any PostgresParameter)?] = []) throws -> PostgresRows {
        let texts = parameters.map { $0?.postgresText }
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
        return PostgresRows(columns: columns, rows: rows)
    }

    private func error(of result: LibPQ.Result?) -> PostgresError {
        func field(_ code: Int32) -> String? { pq.resultErrorField(result, code).map { String(cString: $0) } }
        let message = field(LibPQ.fieldMessage) ?? pq.errorMessage(connection).map { Self.trimmed(String(cString: $0)) } ?? "unknown error"
        return PostgresError(sqlState: field(LibPQ.fieldSQLState) ?? "", message: message)
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
