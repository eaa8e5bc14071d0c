import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// The built binary on a PostgreSQL database, compared with the same commands on SQLite and with
/// the goldens both engines share. Each test has a database of its own on the test server
/// (`PostgresTestServer`); without one these tests are skipped, and `scripts/test` says so.
@Suite(.enabled(if: PostgresTestServer.isRequiredOrGiven, "no PostgreSQL server: set GOALBOOK_TEST_PG, or run scripts/test"))
struct PostgresCommandTests {
    let function = "AI / Machine Learning Engineering"

    /// Runs goalbook in a fresh home folder, on `db`.
    func goalbook(_ arguments: [String], db: String, home: URL) throws -> CommandResult {
        try run(try goalbookBinary(), arguments + ["--db", db], environment: cleanEnvironment(home: home), in: home)
    }

    @Test func initCreatesTheDatabaseOnceAndThenFindsItUpToDate() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        try PostgresTestServer.withDatabase { url in
            let first = try goalbook(["init"], db: url, home: home)
            #expect(first.status == 0 && first.stderr == "")
            #expect(first.stdout == "Created \(url) (schema version \(PostgresEngine.schemaVersion)) with the built-in canon.\n")
            let again = try goalbook(["init"], db: url, home: home)
            #expect(again.stdout == "\(url) is up to date (schema version \(PostgresEngine.schemaVersion)).\n")
            #expect(try PostgresTestServer.sql("SELECT count(*) FROM canon_version", on: url) == "2\n", "the built-in canon, once")
            let recorded = try PostgresTestServer.sql("SELECT version || ' ' || sha256 FROM schema_migration ORDER BY version", on: url)
            #expect(recorded == Migration.postgres.map { "\($0.version) \($0.sha256)\n" }.joined())
            #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "no file is made for a URL")
        }
    }

    @Test func goalbooksStartingTogetherOnANewDatabaseMigrateItOnce() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        try PostgresTestServer.withDatabase { url in
            let statuses = try runAtOnce(try goalbookBinary(), ["canon", "list", "--db", url], count: 6, environment: cleanEnvironment(home: home))
            #expect(statuses == Array(repeating: 0, count: 6))
            #expect(try PostgresTestServer.sql("SELECT count(*) FROM schema_migration", on: url) == "\(PostgresEngine.schemaVersion)\n")
            #expect(try PostgresTestServer.sql("SELECT count(*) FROM canon_version", on: url) == "2\n")
        }
    }

    @Test func theCanonAndTemplatesAreTheSameBytesAsOnSQLite() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let sqlite = home.appendingPathComponent("goalbook.db").path
        try PostgresTestServer.withDatabase { url in
            for framework in Framework.allCases {
                let printed = try goalbook(
                    ["templates", "print", "--function", function, "--level", "P2", "--framework", framework.rawValue], db: url, home: home)
                #expect(printed.status == 0)
                #expect(printed.stdoutBytes == (try fixtureBytes("seed000-\(framework.rawValue).txt")), "\(framework)")
            }
            let shown = try goalbook(["canon", "show", "--function", function, "--level", "P2"], db: url, home: home)
            #expect(shown.stdoutBytes == (try fixtureBytes("canon-show-p2.txt", target: "goalbookTests")))
            let frame = ["--function", function, "--level", "P2"]
            for arguments in [
                ["canon", "list"], ["canon", "list", "--format", "json"], ["canon", "show", "--format", "json"] + frame,
                ["templates", "print", "--format", "json"] + frame, ["templates", "print", "--format", "html"] + frame,
                ["templates", "print", "--function", "Machine Learning Engineer", "--level", "IC2"],
                ["templates", "print", "--function", "AI / ML Engineering", "--level", "P2"],
            ] {
                let onPostgres = try goalbook(arguments, db: url, home: home)
                let onSQLite = try goalbook(arguments, db: sqlite, home: home)
                #expect(onPostgres.stdoutBytes == onSQLite.stdoutBytes, "\(arguments)")
                #expect(onPostgres.stderr == onSQLite.stderr && onPostgres.status == onSQLite.status, "\(arguments)")
            }
        }
    }

    @Test func canonImportsGiveTheSameOutcomesVersionsAndTemplatesAsOnSQLite() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let sqlite = home.appendingPathComponent("goalbook.db").path
        let folder = try makeTemporaryFolder()
        let builtIn = try String(contentsOf: repositoryRoot.appendingPathComponent("canon/data-science-analytics.yaml"), encoding: .utf8)
        let changed = try writeFile(
            folder, "changed.yaml", builtIn.replacingOccurrences(of: "with senior oversight.", with: "with senior oversight, weekly."))
        let ladder = try writeFile(
            folder, "ladder.txt",
            try String(contentsOf: repositoryRoot.appendingPathComponent("canon/ic2-machine-learning-engineer.txt"), encoding: .utf8))
        let bad = try writeFile(
            folder, "bad.yaml", "source: X\nfamily: Y\nfunctions:\n  - name: Z\n    levels:\n      - code: L1\n        responsibilities: [\"\"]\n")
        try PostgresTestServer.withDatabase { url in
            #expect(changed.hasSuffix(".yaml") && builtIn.contains("with senior oversight."))
            for arguments in [
                ["canon", "import", changed], ["canon", "import", changed], ["canon", "import", "--family", "Engineering", ladder],
                ["canon", "import", "--family", "Research", ladder, changed], ["canon", "list"],
                ["templates", "print", "--function", function, "--level", "P2"],
                ["templates", "print", "--family", "Research", "--function", "Machine Learning Engineer", "--level", "IC2"],
            ] {
                let onPostgres = try goalbook(arguments, db: url, home: home)
                let onSQLite = try goalbook(arguments, db: sqlite, home: home)
                #expect(onPostgres.status == 0, "\(arguments): \(onPostgres.stderr)")
                #expect(onPostgres.stdoutBytes == onSQLite.stdoutBytes && onPostgres.stderr == onSQLite.stderr, "\(arguments)")
            }
            let before = try PostgresTestServer.dump(url)
            let refused = try goalbook(["canon", "import", changed, bad], db: url, home: home)
            #expect(refused.status == 1)
            #expect(refused.stderr == "Error: \(bad):7:28: a responsibility of level L1 is empty\nnothing was written\n")
            #expect(try PostgresTestServer.dump(url) == before)
        }
    }

    @Test func theCanonRefusesRawSQLEvenFromTheSuperuser() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        try PostgresTestServer.withDatabase { url in
            #expect(try goalbook(["init"], db: url, home: home).status == 0)
            let before = try PostgresTestServer.dump(url)
            let keys = [
                "schema_migration": "version", "canon_version": "canon_version_id", "frame": "frame_id",
                "frame_version": "frame_version_id", "frame_statement": "statement_id",
            ]
            for (table, key) in keys {
                for statement in ["UPDATE \(table) SET \(key) = \(key)", "DELETE FROM \(table)", "TRUNCATE \(table) CASCADE"] {
                    do {
                        try PostgresTestServer.sql(statement, on: url)
                        Issue.record("\(statement) was let through")
                    } catch GoalbookError.refused(let message) {
                        #expect(message.contains("rows are append-only"), "\(statement): \(message)")
                    }
                }
            }
            #expect(try PostgresTestServer.dump(url) == before)
        }
    }

    @Test func aDatabaseThatIsNotGoalbooksOrIsNewerIsLeftUntouched() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        try PostgresTestServer.withDatabase { url in
            try PostgresTestServer.sql("CREATE TABLE payroll (id int); INSERT INTO payroll VALUES (1)", on: url)
            let before = try PostgresTestServer.dump(url)
            let result = try goalbook(["init"], db: url, home: home)
            #expect(result.status == 1)
            #expect(
                result.stderr == "Error: cannot open database \(url): it is a PostgreSQL database, but not a Goalbook one; it was left untouched\n")
            #expect(try PostgresTestServer.dump(url) == before)
        }
        try PostgresTestServer.withDatabase { url in
            #expect(try goalbook(["init"], db: url, home: home).status == 0)
            try PostgresTestServer.sql("INSERT INTO schema_migration VALUES (77, 'future', 'x', '2027-01-01T00:00:00.000Z')", on: url)
            let before = try PostgresTestServer.dump(url)
            let result = try goalbook(["canon", "list"], db: url, home: home)
            #expect(result.status == 1)
            #expect(result.stderr.contains("was made by a newer Goalbook (schema version 77; this one knows up to \(PostgresEngine.schemaVersion))"))
            #expect(try PostgresTestServer.dump(url) == before)
        }
    }

    @Test func whatIsNotOnPostgresYetSaysSoAndWritesNothing() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        try PostgresTestServer.withDatabase { url in
            #expect(try goalbook(["init"], db: url, home: home).status == 0)
            let before = try PostgresTestServer.dump(url)
            for (arguments, says) in [
                (["people", "list"], "are not on PostgreSQL yet"),
                (["goals", "list"], "are not on PostgreSQL yet"),
                (["people", "add", "E001", "--name", "Ann", "--function", function, "--level", "P2"], "are not on PostgreSQL yet"),
                (["sql", "SELECT 1"], "is a PostgreSQL database: goalbook sql reads SQLite files only so far; use psql"),
                (["backup", "copy.db"], "is a PostgreSQL database: back it up with pg_dump"),
                (["check"], "is a PostgreSQL database: goalbook check verifies a SQLite file"),
                (["demo"], "is a PostgreSQL database: the demo makes a SQLite file of its own"),
            ] {
                let result = try goalbook(arguments, db: url, home: home)
                #expect(result.status == 1 && result.stdout.isEmpty, "\(arguments)")
                #expect(result.stderr.contains(says), "\(arguments): \(result.stderr)")
            }
            #expect(try PostgresTestServer.dump(url) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
        }
    }
}
