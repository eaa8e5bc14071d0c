import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// PostgreSQL's schema against SQLite's: the same tables, views and columns, a dictionary row for
/// each, and the rules that hold under raw SQL from a superuser's psql.
@Suite(.enabled(if: PostgresTestServer.isRequiredOrGiven, "no PostgreSQL server: set GOALBOOK_TEST_PG, or run scripts/test"))
struct PostgresSchemaTests {
    func goalbook(_ arguments: [String], db: String, home: URL) throws -> CommandResult {
        try run(try goalbookBinary(), arguments + ["--db", db], environment: cleanEnvironment(home: home), in: home)
    }

    /// `table.column` lines of every table and view, in name and column order; `access_grant` is
    /// PostgreSQL's alone (a SQLite file has no logins to tie to people).
    static let postgresColumns = """
        SELECT c.table_name || '.' || c.column_name FROM information_schema.columns AS c
        JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND c.table_name <> 'access_grant'
        ORDER BY c.table_name COLLATE "C", c.ordinal_position
        """

    @Test func tablesViewsAndColumnsHaveTheSameNamesAndOrderAsOnSQLite() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let sqlite = home.appendingPathComponent("g.db").path
        #expect(try goalbook(["init"], db: sqlite, home: home).status == 0)
        let onSQLite = try goalbook(
            [
                "sql", "--format", "tsv",
                """
                SELECT m.name || '.' || p.name AS c FROM sqlite_master AS m, pragma_table_info(m.name) AS p
                WHERE m.type IN ('table', 'view') ORDER BY m.name, p.cid
                """,
            ], db: sqlite, home: home)
        #expect(onSQLite.status == 0, "\(onSQLite.stderr)")
        try PostgresTestServer.withDatabase { url in
            #expect(try goalbook(["init"], db: url, home: home).status == 0)
            let onPostgres = try PostgresTestServer.sql(Self.postgresColumns, on: url)
            #expect(try PostgresTestServer.sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'access_grant'", on: url) == "4\n")
            #expect(onSQLite.stdout.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n" == onPostgres)
            #expect(onPostgres.contains("goal_current.progress\n") && onPostgres.contains("team_progress.weighted_progress\n"))
        }
    }

    @Test func aCopyCarriesEveryColumnOfEveryTable() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let sqlite = home.appendingPathComponent("g.db").path
        #expect(try goalbook(["init"], db: sqlite, home: home).status == 0)
        let listed = try goalbook(
            [
                "sql", "--format", "tsv",
                """
                SELECT m.name, group_concat(p.name, ',') FROM sqlite_master AS m, pragma_table_info(m.name) AS p
                WHERE m.type = 'table' AND m.name NOT IN ('schema_migration', 'dictionary', 'setting') GROUP BY m.name ORDER BY m.name
                """,
            ], db: sqlite, home: home
        ).stdout.split(separator: "\n").dropFirst()
        let tables = Dictionary(
            uniqueKeysWithValues: listed.map { line in
                let fields = line.split(separator: "\t")
                return (String(fields[0]), fields[1].split(separator: ",").map(String.init))
            })
        #expect(tables == DatabaseCopy.copiedColumns)
        #expect(tables.count == 12)
    }

    @Test func theDictionaryDescribesEveryColumnWithItsPostgresType() throws {
        try PostgresTestServer.withDatabase { url in
            let home = try makeTemporaryFolder("goalbook-home")
            #expect(try goalbook(["init"], db: url, home: home).status == 0)
            let undescribed = try PostgresTestServer.sql(
                """
                SELECT c.table_name || '.' || c.column_name FROM information_schema.columns AS c
                WHERE c.table_schema = current_schema() AND NOT EXISTS (
                    SELECT 1 FROM dictionary AS d WHERE d.object = c.table_name AND d."column" = c.column_name
                        AND d.type = c.data_type)
                UNION ALL
                SELECT d.object || '.' || d."column" FROM dictionary AS d WHERE d."column" <> '' AND NOT EXISTS (
                    SELECT 1 FROM information_schema.columns AS c
                    WHERE c.table_schema = current_schema() AND c.table_name = d.object AND c.column_name = d."column")
                """, on: url)
            #expect(undescribed == "")
            #expect(
                try PostgresTestServer.sql("SELECT type FROM dictionary WHERE object = 'checkin_all' AND \"column\" = 'corrected'", on: url)
                    == "integer\n")
            // goalbook schema prints it: every table and view once, tables first, with PostgreSQL's types.
            let schema = try goalbook(["schema"], db: url, home: home)
            #expect(schema.status == 0)
            let headings = schema.stdout.split(separator: "\n").filter { $0.hasPrefix("## `") }
            #expect(headings.count == Int(try PostgresTestServer.sql("SELECT count(*) FROM dictionary WHERE \"column\" = ''", on: url).dropLast()))
            #expect(headings.first == "## `access_grant` (table)" && headings.last == "## `team_progress` (view)")
            #expect(schema.stdout.contains("| `on_behalf_of` | text | As history.on_behalf_of, for the check-in's actor. |"))
        }
    }

    /// A person with one goal of `quarter`, an item and its slots, made with raw SQL.
    static func seed(quarter: String) -> String {
        """
        INSERT INTO person (person_id, employee_id, name, frame_id, created_at) VALUES (1, 'E1', 'Ann', 1, 'x'), (2, 'E2', 'Bo', 1, 'x');
        INSERT INTO goal_template (template_id, frame_version_id, framework, row_number, statement_id, title, template_text)
        SELECT 1, fv.frame_version_id, 'smart', 1, s.statement_id, 't', 'text' FROM frame_version AS fv
        JOIN frame_statement AS s ON s.frame_version_id = fv.frame_version_id WHERE fv.frame_id = 1 LIMIT 1;
        INSERT INTO goal (goal_id, person_id, quarter, framework, row_number, frame_id, template_id, status, created_at, created_by)
        VALUES (1, 1, '\(quarter)', 'smart', 1, 1, 1, 'active', 'x', 'x'), (2, 2, '\(quarter)', 'smart', 1, 1, 1, 'active', 'x', 'x'),
               (3, 1, '\(quarter)', 'smart', 2, 1, 1, 'active', 'x', 'x');
        INSERT INTO goal_item (goal_id, item, first_line, last_line) VALUES (1, 'main', 1, 1);
        INSERT INTO goal_slot (goal_id, item, slot) VALUES (1, 'main', 'target');
        INSERT INTO checkin (goal_id, item, value, number, checked_on, recorded_at, actor)
        VALUES (1, 'main', '5', 5, '2026-10-01', 'x', 'x');
        INSERT INTO history (changed_at, actor, command, goal_id, field) VALUES ('x', 'x', 'x', 1, 'created');
        """
    }

    /// Runs `statement` as the superuser and expects it refused with `message`.
    func expectRefused(_ statement: String, _ message: String, on url: String) throws {
        do {
            try PostgresTestServer.sql(statement, on: url)
            Issue.record("\(statement) was let through")
        } catch GoalbookError.refused(let error) {
            #expect(error.contains(message), "\(statement): \(error)")
        }
    }

    @Test func keptRowsRefuseRawSQLEvenFromTheSuperuser() throws {
        try PostgresTestServer.withDatabase { url in
            let home = try makeTemporaryFolder("goalbook-home")
            #expect(try goalbook(["init"], db: url, home: home).status == 0)
            try PostgresTestServer.sql(Self.seed(quarter: "2026Q4"), on: url)
            let before = try PostgresTestServer.dump(url)
            for (statement, message) in [
                ("UPDATE history SET actor = 'someone else'", "history is append-only"),
                ("DELETE FROM history", "history is append-only"),
                ("TRUNCATE history CASCADE", "history is append-only"),
                ("UPDATE checkin SET number = 6", "check-ins are append-only"),
                ("DELETE FROM checkin", "check-ins are append-only"),
                ("TRUNCATE checkin CASCADE", "check-ins are append-only"),
                ("DELETE FROM person WHERE person_id = 2", "people are never deleted"),
                ("TRUNCATE person CASCADE", "people are never deleted"),
                ("DELETE FROM goal WHERE goal_id = 2", "goals are never deleted"),
                ("UPDATE goal SET template_id = 1", "a goal keeps the template it was created from"),
                ("UPDATE goal_template SET title = 'other'", "a goal keeps the template it was created from"),
                ("DELETE FROM goal_slot", "goal slots are never deleted"),
                ("DELETE FROM goal_item WHERE goal_id = 1", "goal items are never deleted"),
                (
                    "INSERT INTO history (history_id, changed_at, actor, command, field) SELECT history_id, 'y', 'y', 'y', 'y' FROM history "
                        + "ON CONFLICT (history_id) DO UPDATE SET actor = 'y'", "history is append-only"
                ),
                (
                    "INSERT INTO checkin (goal_id, item, value, number, checked_on, corrects_checkin_id, recorded_at, actor) "
                        + "VALUES (1, 'main', '7', 7, '2026-10-02', 1, 'x', 'x'), (1, 'main', '8', 8, '2026-10-02', 1, 'x', 'x')",
                    "that check-in has been corrected already"
                ),
                ("UPDATE goal SET aligned_to = 1 WHERE goal_id = 1", "a goal cannot be aligned to itself"),
                (
                    "UPDATE goal SET aligned_to = 2 WHERE goal_id = 1; UPDATE goal SET aligned_to = 3 WHERE goal_id = 2; "
                        + "UPDATE goal SET aligned_to = 1 WHERE goal_id = 3", "a goal cannot be aligned to a goal that is aligned under it"
                ),
            ] {
                try expectRefused(statement, message, on: url)
            }
            #expect(try PostgresTestServer.dump(url) == before)
        }
    }

    @Test func aClosedQuartersGoalsAndCheckInsRefuseRawSQLEvenFromTheSuperuser() throws {
        try PostgresTestServer.withDatabase { url in
            let home = try makeTemporaryFolder("goalbook-home")
            #expect(try goalbook(["init"], db: url, home: home).status == 0)
            try PostgresTestServer.sql(
                Self.seed(quarter: "2026Q3")
                    + "INSERT INTO closed_quarter (quarter, closed_at, closed_by) VALUES ('2026Q3', '2026-10-05T09:00:00.000Z', 'hr');",
                on: url)
            let before = try PostgresTestServer.dump(url)
            let closed = "2026Q3 was closed on 2026-10-05T09:00:00.000Z: its goals and check-ins take no more changes"
            for statement in [
                "INSERT INTO checkin (goal_id, item, value, number, checked_on, recorded_at, actor) VALUES (1, 'main', '6', 6, '2026-10-02', 'x', 'x')",
                "UPDATE goal SET status = 'done' WHERE goal_id = 1",
                "UPDATE goal SET score = 4 WHERE goal_id = 2",
                "UPDATE goal_slot SET value = '9', number = 9",
                "UPDATE goal_item SET direction = 'increase'",
                "INSERT INTO goal_item (goal_id, item, first_line, last_line) VALUES (2, 'main', 1, 1)",
                "INSERT INTO goal (person_id, quarter, framework, row_number, frame_id, template_id, status, created_at, created_by) "
                    + "VALUES (2, '2026Q3', 'smart', 2, 1, 1, 'draft', 'x', 'x')",
                "UPDATE closed_quarter SET note = 'changed'",
            ] {
                try expectRefused(statement, statement.hasPrefix("UPDATE closed_quarter") ? "a closed quarter is not changed" : closed, on: url)
            }
            #expect(try PostgresTestServer.dump(url) == before)
            // Reopened (the row deleted, as goalbook quarter reopen does), the quarter takes writes again.
            try PostgresTestServer.sql("DELETE FROM closed_quarter; UPDATE goal SET status = 'done' WHERE goal_id = 1", on: url)
            #expect(try PostgresTestServer.sql("SELECT status FROM goal WHERE goal_id = 1", on: url) == "done\n")
        }
    }
}
