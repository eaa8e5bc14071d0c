import Foundation
import GoalbookCore
import Testing

/// The engine an end-to-end test runs on. Tests that take it as an argument run once per engine
/// this run can reach: SQLite always, PostgreSQL where a test server is given (CI requires one,
/// and `scripts/test` starts one). The goldens they compare with are the same for both.
public enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The engines to test: PostgreSQL joins where a server is given or required.
    public static var available: [TestEngine] { PostgresTestServer.isRequiredOrGiven ? [.sqlite, .postgres] : [.sqlite] }

    public var testDescription: String { rawValue }

    /// Runs `body` with a new, empty database on this engine (a file path in `home`, or the URL
    /// of a database on the test server), which is removed afterwards.
    public func withDatabase<T>(home: URL, _ body: (String) throws -> T) throws -> T {
        switch self {
        case .sqlite: return try body(home.appendingPathComponent("g.db").path)
        case .postgres: return try PostgresTestServer.withDatabase(body)
        }
    }
}

/// Every row of every table, sorted, with the schema: equal dumps mean an unchanged database,
/// on either engine (a path is SQLite, a URL PostgreSQL).
public func anyDatabaseDump(_ database: String) throws -> String {
    database.contains("://") ? try PostgresTestServer.dump(database) : try databaseDump(database)
}

/// Runs one statement as an analyst's shell would (`sqlite3` for a path, `psql` for a URL) and
/// returns its rows as `a|b` lines; throws with the shell's message when it fails.
@discardableResult
public func shellQuery(_ sql: String, on database: String) throws -> String {
    if database.contains("://") { return try PostgresTestServer.sql(sql, on: database) }
    let result = try run("/usr/bin/sqlite3", [database, sql])
    guard result.status == 0 else { throw GoalbookError.refused("sqlite3: \(result.stderr)") }
    return result.stdout
}

extension TestEngine {
    /// A new, empty database on this engine for the rest of a test: a file in `home`, or a
    /// database on the test server that is dropped when the test process ends.
    public func newDatabase(home: URL) throws -> String {
        switch self {
        case .sqlite: return home.appendingPathComponent("g.db").path
        case .postgres: return try PostgresTestServer.newDatabase()
        }
    }
}

/// A new, empty database on `engine`, opened as `actor`: its store and its location (a path or
/// a URL). A PostgreSQL database lives until the test process ends.
public func makeStore(on engine: TestEngine, actor: String = "tester") throws -> (store: any GoalbookEngine, path: String) {
    let location = try engine.newDatabase(home: try makeTemporaryFolder())
    return (try DatabaseLocation.open(location, actor: actor), location)
}

/// An organization built for tests, with the goals it made by name: in a new SQLite store, or
/// in a new database on any engine.
public protocol OrganizationFixture {
    /// Fills a new database with the organization; returns the goals by name.
    static func populate(_ store: any GoalbookEngine) throws -> [String: Int64]
}

extension OrganizationFixture {
    public static func build() throws -> (store: SQLiteEngine, path: String, goals: [String: Int64]) {
        let (store, path) = try makeStore(actor: "setup")
        return (store, path, try populate(store))
    }

    /// Builds the organization in a new database on `engine` that lives for the rest of the test.
    public static func build(on engine: TestEngine) throws -> (store: any GoalbookEngine, path: String, goals: [String: Int64]) {
        let (store, path) = try makeStore(on: engine, actor: "setup")
        return (store, path, try populate(store))
    }

    /// Builds the organization in a new database on `engine` and runs `body` with it, its
    /// location (a path or a URL) and the goals by name; the database is removed afterwards.
    public static func build<T>(on engine: TestEngine, _ body: (any GoalbookEngine, String, [String: Int64]) throws -> T) throws -> T {
        try engine.withDatabase(home: try makeTemporaryFolder()) { location in
            let store = try DatabaseLocation.open(location, actor: "setup")
            return try body(store, location, try populate(store))
        }
    }
}
