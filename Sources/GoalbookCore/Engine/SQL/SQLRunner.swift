import Foundation

/// A value bound to a `?` parameter, the same on both engines.
enum SQLValue: Equatable {
    case int(Int64)
    case real(Double)
    case text(String)
    case null

    /// Text, or NULL for nil.
    static func text(_ value: String?) -> Self { value.map { .text($0) } ?? .null }
    /// An integer, or NULL for nil.
    static func int(_ value: Int64?) -> Self { value.map { .int($0) } ?? .null }
}

/// Anything a statement takes as a parameter.
protocol SQLArgument {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLArgument { var sqlValue: SQLValue { self } }
extension String: SQLArgument { var sqlValue: SQLValue { .text(self) } }
extension Int: SQLArgument { var sqlValue: SQLValue { .int(Int64(self)) } }
extension Int64: SQLArgument { var sqlValue: SQLValue { .int(self) } }
extension Double: SQLArgument { var sqlValue: SQLValue { .real(self) } }

/// A statement's parameters in order; nil is NULL.
typealias SQLArguments = [(any SQLArgument)?]

/// The current row of a query, read by column position (0-based), valid inside the call only.
protocol SQLRow {
    func isNull(_ column: Int32) -> Bool
    func int(_ column: Int32) -> Int64
    func double(_ column: Int32) -> Double
    func textOrNil(_ column: Int32) -> String?
    /// The value as it is stored, to pass on unchanged (a copy between engines).
    func value(_ column: Int32) -> SQLValue
}

extension SQLRow {
    func intOrNil(_ column: Int32) -> Int64? { isNull(column) ? nil : int(column) }
    func doubleOrNil(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }
    func text(_ column: Int32) -> String { textOrNil(column) ?? "" }
}

/// A statement prepared once and run many times (imports, history).
protocol SQLStatement {
    func run(_ values: [SQLValue]) throws
}

extension SQLStatement {
    func run(_ values: SQLValue...) throws { try run(values) }
}

/// What the SQL both engines share (``EngineSQL``, `Engine/SQL/`) needs of a connection inside a
/// transaction. Statements use `?` parameters and SQL both dialects read the same way.
protocol SQLRunner {
    associatedtype Row: SQLRow
    associatedtype Statement: SQLStatement

    /// Runs a query and hands each row to `body`, in order.
    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (Row) throws -> Void) throws
    /// Runs one statement that returns no rows.
    func execute(_ sql: String, _ arguments: SQLArguments) throws
    /// Prepares one statement to run many times.
    func prepare(_ sql: String) throws -> Statement
    /// `(fragment, argument)`: a subquery over a list of ids that takes one argument, so a long
    /// list costs one parameter (`SELECT value FROM json_each(?)` on SQLite). Its one column is
    /// named `value`, so that it can also be joined as a table.
    func idList(_ ids: [Int64]) -> (sql: String, argument: SQLValue)
    /// The same for text values, such as employee ids, passed as one JSON array.
    func textList(_ values: [String]) -> (sql: String, argument: SQLValue)
}

extension SQLRunner {
    /// Every row, transformed.
    func all<T>(_ sql: String, _ arguments: SQLArguments = [], _ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(sql, arguments) { result.append(try transform($0)) }
        return result
    }

    /// The first row, transformed; nil when there is none.
    func first<T>(_ sql: String, _ arguments: SQLArguments = [], _ transform: (Row) throws -> T) throws -> T? {
        var result: T?
        try forEachRow(sql, arguments) { row in
            if result == nil { result = try transform(row) }
        }
        return result
    }

    /// The first column of the first row as an integer; nil for no row or NULL.
    func int(_ sql: String, _ arguments: SQLArguments = []) throws -> Int64? { try first(sql, arguments) { $0.intOrNil(0) } ?? nil }

    /// The first column of the first row as text; nil for no row or NULL.
    func text(_ sql: String, _ arguments: SQLArguments = []) throws -> String? { try first(sql, arguments) { $0.textOrNil(0) } ?? nil }
}
