import Foundation
import GoalbookCore

/// The PostgreSQL server the tests may use: `GOALBOOK_TEST_PG` is the URL of a database on it
/// whose role may create databases (`scripts/test` starts a throwaway cluster and sets it). Each
/// test makes a database of its own there and drops it when it ends.
///
/// Without the variable the PostgreSQL tests are skipped, and `scripts/test` says how many. With
/// `GOALBOOK_REQUIRE_PG=1` (CI) they run anyway, and fail saying the server is missing.
public enum PostgresTestServer {
    /// The server's URL, when one is given.
    public static var url: String? {
        ProcessInfo.processInfo.environment["GOALBOOK_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// True when the PostgreSQL tests must run: a server is given, or CI requires one.
    public static var isRequiredOrGiven: Bool {
        url != nil || ProcessInfo.processInfo.environment["GOALBOOK_REQUIRE_PG"] == "1"
    }

    /// psql, which the tests use to make databases and to try raw SQL as a user would.
    public static let psql = "/usr/bin/psql"

    private static let counter = Counter()

    /// The URL of a new, empty database that lives until the test process ends, when it is dropped
    /// (and the throwaway cluster of `scripts/test` goes with it in any case).
    public static func newDatabase() throws -> String {
        guard let server = url else {
            throw GoalbookError.invalidArgument("GOALBOOK_REQUIRE_PG=1 but GOALBOOK_TEST_PG names no PostgreSQL server: run scripts/test")
        }
        let name = "goalbook_test_\(getpid())_\(counter.next())"
        try sql("CREATE DATABASE \(name)", on: server)
        leftovers.add(name)
        return try databaseURL(server, name: name)
    }

    /// The databases ``newDatabase()`` made, dropped at exit.
    private static let leftovers = Leftovers()

    private final class Leftovers: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []

        func add(_ name: String) {
            lock.lock()
            defer { lock.unlock() }
            if names.isEmpty { atexit { PostgresTestServer.leftovers.dropAll() } }
            names.append(name)
        }

        func dropAll() {
            lock.lock()
            let all = names
            names = []
            lock.unlock()
            guard let server = PostgresTestServer.url else { return }
            for name in all { _ = try? PostgresTestServer.sql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server) }
        }
    }

    /// Runs `body` with the URL of a new, empty database, and drops the database afterwards.
    public static func withDatabase<T>(_ body: (String) throws -> T) throws -> T {
        guard let server = url else {
            throw GoalbookError.invalidArgument("GOALBOOK_REQUIRE_PG=1 but GOALBOOK_TEST_PG names no PostgreSQL server: run scripts/test")
        }
        let name = "goalbook_test_\(getpid())_\(counter.next())"
        try sql("CREATE DATABASE \(name)", on: server)
        defer { _ = try? sql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server) }
        return try body(try databaseURL(server, name: name))
    }

    /// Runs SQL through psql on a database, as a user at a terminal would; throws with psql's
    /// message when it fails. Returns psql's unaligned, tuples-only output.
    @discardableResult
    public static func sql(_ text: String, on database: String) throws -> String {
        let result = try run(psql, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", text])
        guard result.status == 0 else { throw GoalbookError.refused("psql: \(result.stderr) [\(text.prefix(60)) on \(database)]") }
        return result.stdout
    }

    /// Every row of a query's result, each column as text (nil for NULL), through psql.
    public static func rows(_ text: String, on database: String) throws -> [[String?]] {
        let (field, record, null) = ("\u{1f}", "\u{1e}", "\u{1d}")
        let result = try run(
            psql, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-F", field, "-R", record, "-P", "null=" + null, "-d", database, "-c", text])
        guard result.status == 0 else { throw GoalbookError.refused("psql: \(result.stderr) [\(text.prefix(60)) on \(database)]") }
        var output = Substring(result.stdout)
        if output.hasSuffix("\n") { output = output.dropLast() }
        guard !output.isEmpty else { return [] }
        return output.split(separator: Character(record), omittingEmptySubsequences: false).map { line in
            line.split(separator: Character(field), omittingEmptySubsequences: false).map { $0 == null ? nil : String($0) }
        }
    }

    /// Every row of every table of the public schema, sorted, with the table list: equal dumps
    /// mean an unchanged database. Views are left out: they hold nothing, and a float average
    /// over rows in another order may differ in its last digit.
    public static func dump(_ database: String) throws -> String {
        let tables = try sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\"",
            on: database
        ).split(separator: "\n").map(String.init)
        var out = ["tables: " + tables.joined(separator: " ")]
        for table in tables {
            let rows = try sql("SELECT t::text FROM \"\(table)\" AS t", on: database).split(separator: "\n").map(String.init).sorted()
            out += rows.map { "  \(table) \($0)" }
        }
        return out.joined(separator: "\n")
    }

    /// The server's URL with its database name replaced.
    /// Runs `body` with a new login role (trust authentication on the test cluster: no password)
    /// and drops it afterwards. Roles belong to the cluster, so each has a name of its own.
    public static func withLogin<T>(_ stem: String, _ body: (String) throws -> T) throws -> T {
        guard let server = url else { throw GoalbookError.invalidArgument("no PostgreSQL test server") }
        let role = "\(stem)_\(getpid())_\(counter.next())"
        try sql("CREATE ROLE \(role) LOGIN", on: server)
        defer { _ = try? sql("DROP ROLE IF EXISTS \(role)", on: server) }
        return try body(role)
    }

    /// The same database's URL, logging in as `role`.
    public static func url(_ database: String, as role: String) throws -> String {
        guard var components = URLComponents(string: database) else { throw GoalbookError.invalidArgument("not a URL: \(database)") }
        components.user = role
        guard let url = components.string else { throw GoalbookError.invalidArgument("not a URL: \(database)") }
        return url
    }

    static func databaseURL(_ server: String, name: String) throws -> String {
        guard var components = URLComponents(string: server) else {
            throw GoalbookError.invalidArgument("GOALBOOK_TEST_PG is not a URL: \(server)")
        }
        components.path = "/" + name
        guard let url = components.string else { throw GoalbookError.invalidArgument("GOALBOOK_TEST_PG is not a URL: \(server)") }
        return url
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
