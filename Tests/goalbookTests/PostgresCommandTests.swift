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

    @Test func commandsForSQLiteFilesSayWhatToUseInsteadAndWriteNothing() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        try PostgresTestServer.withDatabase { url in
            #expect(try goalbook(["init"], db: url, home: home).status == 0)
            let before = try PostgresTestServer.dump(url)
            for (arguments, says) in [
                (["backup", "copy.db"], "is a PostgreSQL database: back it up with pg_dump"),
                (["check"], "is a PostgreSQL database: goalbook check verifies a SQLite file"),
            ] {
                let result = try goalbook(arguments, db: url, home: home)
                #expect(result.status == 1 && result.stdout.isEmpty, "\(arguments)")
                #expect(result.stderr.contains(says), "\(arguments): \(result.stderr)")
            }
            #expect(try PostgresTestServer.dump(url) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
        }
    }

    /// `2026-12-05T08:00:58.872Z`: the instants differ between two runs, and nothing else may.
    static func withoutInstants(_ text: String) -> String {
        text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"#, with: "<instant>", options: .regularExpression)
    }

    @Test func peopleCommandsGiveTheSameBytesAsOnSQLite() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let sqlite = home.appendingPathComponent("goalbook.db").path
        let staff = try writeFile(
            home, "staff.csv",
            """
            id,name,email,manager,family,function,level
            E001,Grace Hopper,grace@example.com,,,AI / Machine Learning Engineering,P2
            E100,Ada Park,ada@example.com,E001,,AI / Machine Learning Engineering,P2
            E101,Lin Chen,lin@example.com,E001,Engineering,Machine Learning Engineer,IC2
            E102,Émile Zola,,E100,,AI / Machine Learning Engineering,P2

            """)
        let changed = try writeFile(
            home, "changed.csv",
            """
            id,name,email,manager,family,function,level
            E101,Lin Chen,lin.chen@example.com,E100,Engineering,Machine Learning Engineer,IC2
            E103,Bo Li,,E102,,AI / Machine Learning Engineering,P2

            """)
        let broken = try writeFile(
            home, "broken.csv",
            """
            id,name,email,manager,family,function,level
            E200,Cy,,E999,,AI / Machine Learning Engineering,P2
            E201,Di,,E001,,No Such Function,P2
            E001,Grace Hopper,,E103,,AI / Machine Learning Engineering,P2

            """)
        let steps: [[String]] = [
            ["people", "import", staff], ["people", "import", staff], ["people", "import", changed],
            ["people", "import", broken], ["people", "import", staff, "--dry-run"],
            ["people", "add", "E104", "--name", "Kim", "--manager", "E103", "--function", function, "--level", "P2"],
            ["people", "add", "E104", "--name", "Kim", "--function", function, "--level", "P2"],
            ["people", "set", "E104", "name=Kim Lee", "email=kim@example.com"], ["people", "set", "E100", "manager=E104"],
            ["people", "leave", "E101", "--date", "2026-11-30"], ["people", "leave", "E101", "--date", "2026-11-30"],
            ["people", "list"], ["people", "list", "--format", "json"], ["people", "list", "--team", "E100"],
            ["people", "list", "--team", "E100", "--below", "--format", "csv"], ["people", "list", "--team", "E10"],
            ["people", "show", "E101"], ["people", "show", "E102"], ["people", "show", "E001"], ["people", "show", "nobody"],
        ]
        try PostgresTestServer.withDatabase { url in
            for step in steps {
                let onPostgres = try goalbook(step, db: url, home: home)
                let onSQLite = try goalbook(step, db: sqlite, home: home)
                #expect(Self.withoutInstants(onPostgres.stdout) == Self.withoutInstants(onSQLite.stdout), "\(step)")
                #expect(onPostgres.stderr == onSQLite.stderr && onPostgres.status == onSQLite.status, "\(step): \(onPostgres.stderr)")
            }
            // What the analyst reads: the same people and the same history, row for row.
            let people = "SELECT employee_id, name, email, manager_id, left_on FROM person_view ORDER BY employee_id"
                .replacingOccurrences(
                    of: "FROM person_view",
                    with:
                        "FROM (SELECT p.*, m.employee_id AS manager_id FROM person AS p LEFT JOIN person AS m ON m.person_id = p.manager_person_id) AS x"
                )
            let history =
                "SELECT p.employee_id, h.actor, h.command, h.field, h.old_value, h.new_value FROM history AS h "
                + "JOIN person AS p ON p.person_id = h.person_id ORDER BY h.history_id"
            for query in [people, history] {
                let onSQLite = try goalbook(["sql", "--format", "csv", query], db: sqlite, home: home).stdout
                let onPostgres = try PostgresTestServer.sql("COPY (\(query)) TO STDOUT WITH (FORMAT csv, HEADER)", on: url)
                #expect(onPostgres == onSQLite.replacingOccurrences(of: "\r\n", with: "\n"), "\(query)")
                #expect(onPostgres.split(separator: "\n").count > 6)
            }
        }
    }

    @Test func theDemoFillsAnEmptyDatabaseWithTheSameReportAsOnSQLiteAndNeverRefillsOne() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let sqlite = home.appendingPathComponent("demo.db").path
        try PostgresTestServer.withDatabase { url in
            for format in ["text", "json", "csv"] {
                try PostgresTestServer.withDatabase { url in
                    let onPostgres = try goalbook(["demo", "--people", "30", "--format", format], db: url, home: home)
                    let onSQLite = try goalbook(["demo", "--people", "30", "--format", format], db: sqlite, home: home)
                    #expect(onPostgres.status == 0 && onSQLite.status == 0, "\(onPostgres.stderr)")
                    #expect(onPostgres.stdout.count > 1000)
                    #expect(Self.withoutInstants(onPostgres.stdout) == Self.withoutInstants(onSQLite.stdout), "\(format)")
                }
            }
            #expect(try goalbook(["demo", "--people", "12"], db: url, home: home).status == 0)
            let before = try PostgresTestServer.dump(url)
            let again = try goalbook(["demo", "--people", "12"], db: url, home: home)
            #expect(again.status == 1 && again.stdout.isEmpty)
            #expect(
                again.stderr
                    == "Error: \(url) already holds people; the demo fills only an empty database, and it was left untouched "
                    + "(make one for it: createdb goalbook_demo)\n")
            #expect(try PostgresTestServer.dump(url) == before)
        }
    }

    @Test func sqlReadsTheSameRowsAsOnSQLiteAndCannotWriteWhateverItSays() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let sqlite = home.appendingPathComponent("goalbook.db").path
        try PostgresTestServer.withDatabase { url in
            for db in [url, sqlite] {
                #expect(try goalbook(["demo", "--people", "12"], db: db, home: home).status == 0)
            }
            for (query, format) in [
                ("SELECT goal, person_id, status, slots_filled, canon_moved_on FROM goal_current ORDER BY goal_id", "csv"),
                ("SELECT employee_id, name, left_on FROM person WHERE employee_id > :from ORDER BY employee_id", "json"),
                ("SELECT object, \"column\", description FROM dictionary WHERE object = 'goal_current' ORDER BY \"column\"", "tsv"),
                ("SELECT person_id, quarter, goals, draft, active FROM quarter_progress ORDER BY person_id", "text"),
            ] {
                let arguments = ["sql", query, "--format", format] + (query.contains(":from") ? ["--param", "from=E003"] : [])
                let onPostgres = try goalbook(arguments, db: url, home: home)
                let onSQLite = try goalbook(arguments, db: sqlite, home: home)
                #expect(onPostgres.status == 0, "\(onPostgres.stderr)")
                #expect(onPostgres.stdout == onSQLite.stdout, "\(query)")
                #expect(onPostgres.stdout.split(separator: "\n").count > 3)
            }
            let settings = try goalbook(
                ["sql", "SELECT current_setting('transaction_read_only') AS ro, current_setting('statement_timeout') AS timeout", "--format", "csv"],
                db: url, home: home)
            #expect(settings.stdout == "ro,timeout\non,1min\n")
            let before = try PostgresTestServer.dump(url)
            for (query, says) in [
                ("DELETE FROM history", "goalbook sql only reads: it runs one SELECT, WITH, VALUES or TABLE statement"),
                (
                    "WITH gone AS (DELETE FROM checkin RETURNING 1) SELECT * FROM gone",
                    "goalbook sql only reads: this statement would change the database"
                ),
                (
                    "SELECT nextval(pg_get_serial_sequence('history', 'history_id'))",
                    "goalbook sql only reads: this statement would change the database"
                ),
                ("SELECT 1; UPDATE goal SET score = 5", "goalbook sql runs one statement at a time"),
                ("SELECT nosuch FROM goal", "SQL error: column \"nosuch\" does not exist (line 1, column 8)\n  SELECT nosuch FROM goal\n         ^"),
                ("SELECT * FROM goal WHERE quarter = :q", "parameters: the statement uses :q, and no --param q=… gives it"),
            ] {
                let result = try goalbook(["sql", query], db: url, home: home)
                #expect(result.status == 1 && result.stdout.isEmpty, "\(query)")
                #expect(result.stderr.contains(says), "\(query): \(result.stderr)")
            }
            #expect(try PostgresTestServer.dump(url) == before)
        }
    }

    @Test func aCopyToPostgresAndBackReadsTheSameEverywhereAndOnlyFillsANewDatabase() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let source = home.appendingPathComponent("source.db").path
        let back = home.appendingPathComponent("back.db").path
        #expect(try goalbook(["demo", "--people", "30"], db: source, home: home).status == 0)
        let quarter = Quarter.containing(Day(Date()))
        #expect(try goalbook(["goals", "align", "G5", "--to", "G1"], db: source, home: home).status == 0, "a link to an earlier goal")
        #expect(try goalbook(["goals", "align", "G2", "--to", "G9"], db: source, home: home).status == 0, "a link to a later goal")
        #expect(try goalbook(["quarter", "close", quarter.previous.description, "--early"], db: source, home: home).status == 0)
        try PostgresTestServer.withDatabase { url in
            let there = try run(try goalbookBinary(), ["copy", "--from", source, "--to", url], environment: cleanEnvironment(home: home), in: home)
            #expect(there.status == 0 && there.stdout.hasPrefix("Copied \(source) to \(url):\n"), "\(there.stderr)")
            #expect(there.stdout.contains("\n  goal             ") && there.stdout.contains("\n  closed_quarter   1\n"))
            let again = try run(try goalbookBinary(), ["copy", "--from", url, "--to", back], environment: cleanEnvironment(home: home), in: home)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try goalbook(["check"], db: back, home: home).stdout == "ok: \(back) passed every check\n")
            let asOf = Day(Date()).description
            for arguments in [
                ["report", "-p", quarter.description, "--as-of", asOf, "--format", "json"], ["report", "-p", quarter.description, "--as-of", asOf],
                ["report", "-p", quarter.previous.description, "--format", "csv"], ["goals", "log", "G5"],
                ["goals", "log", "G2", "--format", "json"],
                ["goals", "list", "--as-of", asOf], ["goals", "tree", "G9", "--as-of", asOf], ["people", "show", "E003"], ["checkins", "G3"],
                ["quarter", "scores", quarter.description],
            ] {
                let original = try goalbook(arguments, db: source, home: home)
                #expect(original.status == 0 && original.stdout.count > 50, "\(arguments): \(original.stderr)")
                #expect(try goalbook(arguments, db: url, home: home).stdoutBytes == original.stdoutBytes, "\(arguments) on PostgreSQL")
                #expect(try goalbook(arguments, db: back, home: home).stdoutBytes == original.stdoutBytes, "\(arguments) back on SQLite")
            }
            // The copy takes new writes where the source would: the next check-in is the next id on both.
            let next = try goalbook(["checkin", "G1", "--item", "KR1", "35%"], db: url, home: home)
            #expect(next.stdout == (try goalbook(["checkin", "G1", "--item", "KR1", "35%"], db: source, home: home)).stdout)
            // A database that holds anything, or a file that exists, is never a copy's target.
            let before = try PostgresTestServer.dump(url)
            let refused = try run(try goalbookBinary(), ["copy", "--from", source, "--to", url], environment: cleanEnvironment(home: home), in: home)
            #expect(refused.status == 1)
            #expect(
                refused.stderr
                    == "Error: \(url) is not empty (canon_version has rows): a copy goes into a new database only, and it was left untouched\n")
            #expect(try PostgresTestServer.dump(url) == before)
            let backBefore = try anyDatabaseDump(back)
            let onFile = try run(try goalbookBinary(), ["copy", "--from", url, "--to", back], environment: cleanEnvironment(home: home), in: home)
            #expect(
                onFile.status == 1 && onFile.stderr == "Error: \(back) exists already: a copy makes a new file, and the file was left untouched\n")
            #expect(try anyDatabaseDump(back) == backBefore)
        }
    }

    /// `scripts/load-pg`, small: processes of several manager logins writing the same goals at
    /// once lose nothing and show no error (the full 50 × 100 run is in the notes of issue 18).
    @Test func managersWritingAtOnceLoseNothingAndSeeNoError() throws {
        guard let server = PostgresTestServer.url else { throw GoalbookError.invalidArgument("GOALBOOK_REQUIRE_PG=1 but no GOALBOOK_TEST_PG") }
        let result = try run(
            repositoryRoot.appendingPathComponent("scripts/load-pg").path,
            [server, "--processes", "12", "--roles", "3", "--ops", "4", "--binary", try goalbookBinary()])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        struct Summary: Decodable {
            let historyRowsAdded: Int
            let checkinsAdded: Int
            let rolesRecordedAsActor: Int
            let failedProcesses: Int
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let summary = try decoder.decode(Summary.self, from: Data(result.stdout.utf8))
        #expect(summary.historyRowsAdded == 48 && summary.checkinsAdded == 48)
        #expect(summary.rolesRecordedAsActor == 3 && summary.failedProcesses == 0)
    }
}
