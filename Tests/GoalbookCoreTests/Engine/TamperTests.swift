import Foundation
import GRDB
import GoalbookCore
import GoalbookTestSupport
import Testing

/// What someone with the file and the sqlite3 shell can do: every way of rewriting kept rows is
/// refused by the schema, and what gets past the schema (dropping triggers first) `check` finds.
@Suite struct TamperTests {
    /// Runs SQL through the real sqlite3 shell, as an analyst or an attacker would.
    func shell(_ path: String, _ sql: String) throws -> CommandResult {
        try run("/usr/bin/sqlite3", [path, sql])
    }

    @Test func replaceAndUpsertCannotRewriteAnyKeptRow() throws {
        let (store, path, goals) = try ReportFixture.build()
        let goal = goals["ada-okr"]!
        _ = try QuarterService(store).close(Quarter("2026Q3")!, note: nil, actor: "x")
        let before = try databaseDump(path)
        // Each kept table, by its primary key and by each unique key, with every verb that replaces.
        let rewrites: [(table: String, select: String)] = [
            ("history", "SELECT * FROM history WHERE history_id = 1"),
            ("checkin", "SELECT * FROM checkin WHERE checkin_id = 1"),
            (
                "frame_statement",
                "SELECT statement_id, frame_version_id, kind, position, name, area, description, 'forged', source_label, source_line FROM "
                    + "frame_statement WHERE statement_id = 1"
            ),
            (
                "frame_statement",
                "SELECT NULL, frame_version_id, kind, position, name, area, description, 'forged', source_label, source_line FROM frame_statement "
                    + "WHERE statement_id = 1"
            ),
            (
                "goal_template",
                "SELECT template_id, frame_version_id, framework, row_number, statement_id, title, 'forged' FROM goal_template WHERE template_id = 1"
            ),
            ("goal", "SELECT * FROM goal WHERE goal_id = \(goal)"),
            (
                "goal",
                "SELECT NULL, person_id, quarter, framework, row_number, frame_id, template_id, 'done', carried_from, created_at, created_by, "
                    + "aligned_to, weight, score FROM goal WHERE goal_id = \(goal)"
            ),
            ("goal_item", "SELECT * FROM goal_item WHERE goal_id = \(goal)"),
            ("goal_slot", "SELECT goal_id, item, slot, '1%', 1, '%' FROM goal_slot WHERE goal_id = \(goal)"),
            ("person", "SELECT * FROM person WHERE person_id = 1"),
            ("person", "SELECT NULL, employee_id, 'Forged', email, manager_person_id, frame_id, left_on, created_at FROM person WHERE person_id = 1"),
            ("canon_version", "SELECT * FROM canon_version WHERE canon_version_id = 1"),
            ("frame", "SELECT * FROM frame WHERE frame_id = 1"),
            ("frame_version", "SELECT * FROM frame_version WHERE frame_version_id = 1"),
            ("closed_quarter", "SELECT quarter, '2020-01-01T00:00:00.000Z', closed_by, note, figures FROM closed_quarter"),
            ("schema_migration", "SELECT version, name, 'forged', applied_at FROM schema_migration WHERE version = 1"),
        ]
        for (table, select) in rewrites {
            for verb in ["REPLACE INTO", "INSERT OR REPLACE INTO", "INSERT OR IGNORE INTO", "INSERT INTO"] {
                let result = try shell(path, "\(verb) \(table) \(select);")
                #expect(result.status != 0, "\(verb) \(table) was let through")
            }
        }
        // UPSERT: an insert that turns into an update on conflict.
        let upsert = try shell(
            path, "INSERT INTO history SELECT * FROM history WHERE history_id = 1 ON CONFLICT (history_id) DO UPDATE SET new_value = 'forged';")
        #expect(upsert.status != 0 && upsert.stderr.contains("history is append-only"))
        #expect(try databaseDump(path) == before, "nothing was changed")
        #expect(try store.check() == [])
        #expect(try GoalService(store).goal(goal).filledText.isEmpty == false, "the goal still shows")
    }

    /// A file that differs from its history in every goal is told in twenty lines and a count,
    /// not one line a difference: at 5M goals that list once held check at 1.7 GB.
    @Test func checkShowsTwentyDifferencesAndCountsTheRest() throws {
        let (store, path, _) = try ReportFixture.build()
        let rows = try shell(path, "SELECT (SELECT count(*) FROM goal_slot) + (SELECT count(*) FROM goal)").stdout
        let forged = try #require(Int(rows.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(forged > 21)
        #expect(try shell(path, "UPDATE goal_slot SET value = 'forged', number = NULL; UPDATE goal SET score = 0.5").status == 0)
        let replay = try store.check().filter { $0.hasPrefix("goal that differs from its history: ") || $0.hasPrefix("… and ") }
        #expect(replay.count == 21)
        #expect(replay.dropLast().allSatisfy { $0.contains(" is forged, history says ") || $0.contains(" score is 0.5, history says ") })
        #expect(replay.last == "… and \(forged - 20) more")
    }

    @Test func checkFindsTamperingThatGetsPastTheTriggers() throws {
        let (store, path, goals) = try ReportFixture.build()
        let goal = goals["ada-okr"]!
        let other = goals["lin-mbo"]!
        _ = try QuarterService(store).close(ReportFixture.quarter, note: nil, early: true, actor: "x", now: ReportFixture.now)
        #expect(try store.check() == [])
        let pristine = try makeTemporaryFolder().appendingPathComponent("pristine.db").path
        try store.backup(to: pristine, replace: false)
        func tampered(_ sql: String) throws -> [String] {
            let copy = try makeTemporaryFolder().appendingPathComponent("t.db").path
            try FileManager.default.copyItem(atPath: pristine, toPath: copy)
            let result = try shell(copy, sql)
            #expect(result.status == 0, "\(sql): \(result.stderr)")
            return try SQLiteEngine(path: copy, actor: "x").check()
        }
        // Raw updates of a goal's fields (no trigger stops these: goalbook makes them, with history).
        for (sql, expected, movesFigures) in [
            (
                "UPDATE goal SET person_id = (SELECT person_id FROM person WHERE employee_id = 'E104') WHERE goal_id = \(goal)",
                "goal that differs from its history: G\(goal) owner is E104, history says E100", true
            ),
            (
                "UPDATE goal SET weight = 70 WHERE goal_id = \(goal)",
                "goal that differs from its history: G\(goal) weight is 70, history says empty", true
            ),
            (
                "UPDATE goal SET score = 0.9 WHERE goal_id = \(goal)",
                "goal that differs from its history: G\(goal) score is 0.9, history says empty", true
            ),
            (
                "UPDATE goal SET aligned_to = \(other) WHERE goal_id = \(goal)",
                "goal that differs from its history: G\(goal) aligned_to is G\(other), history says empty", false
            ),
            (
                "UPDATE goal_item SET direction = 'maintain' WHERE goal_id = \(goal) AND item = 'KR1'",
                "goal that differs from its history: G\(goal) KR1.direction is maintain, history says increase", true
            ),
            ("UPDATE person SET name = 'Someone Else' WHERE employee_id = 'E103'", nil, false),
        ] as [(String, String?, Bool)] {
            let problems = try tampered(sql)
            if let expected { #expect(problems.contains(expected), "\(sql): \(problems)") }
            #expect(
                problems.contains { $0.hasPrefix("closed quarter: 2026Q4's figures are not those it was closed with (G\(goal)") } == movesFigures,
                "\(sql): \(problems)")
        }
        // History edited after its triggers are dropped; a forged history row; a reopened quarter.
        let dropped = try tampered(
            """
            DROP TRIGGER history_no_update; UPDATE history SET new_value = '99%' WHERE goal_id = \(goal) AND field = 'target' AND item = 'KR1';
            """)
        #expect(dropped.contains("schema: trigger history_no_update is missing (the migrations made it; someone dropped it)"))
        #expect(dropped.contains { $0.hasPrefix("goal that differs from its history: G\(goal) KR1.target is 60%, history says 99%") })
        let forged = try tampered(
            """
            INSERT INTO history (changed_at, actor, command, person_id, goal_id, item, field, old_value, new_value)
            VALUES ('2026-11-01T00:00:00.000Z', 'grace', 'goals set', 2, \(goal), NULL, 'score', NULL, '1');
            """)
        #expect(forged.contains("goal that differs from its history: G\(goal) score is empty, history says 1"))
        let reopened = try tampered("DELETE FROM closed_quarter")
        #expect(reopened.contains("closed quarter: 2026Q4 was closed with `quarter close` and never reopened, but its closed_quarter row is gone"))
        let changedTrigger = try tampered(
            """
            DROP TRIGGER goal_no_delete; CREATE TRIGGER goal_no_delete BEFORE DELETE ON goal BEGIN SELECT 1; END;
            """)
        #expect(changedTrigger.contains("schema: trigger goal_no_delete is not as the migrations made it (it was changed by hand)"))
        let view = try tampered("DROP VIEW goal_current; CREATE VIEW goal_current AS SELECT 1 AS goal_id")
        #expect(view.contains("schema: view goal_current is not as the migrations made it (it was changed by hand)"))
        let added = try tampered("CREATE TRIGGER sneaky AFTER INSERT ON checkin BEGIN SELECT 1; END;")
        #expect(added.contains("schema: trigger sneaky was not made by Goalbook's migrations (added by hand)"))
        // A check-in forged into the closed quarter moves its figures.
        let checkin = try tampered(
            """
            INSERT INTO checkin (goal_id, item, value, number, unit, checked_on, recorded_at, actor)
            VALUES (\(goal), 'KR1', '60%', 60, '%', '2026-11-14', '2026-11-14T00:00:00.000Z', 'grace')
            """)
        #expect(checkin.contains("closed quarter: 2026Q4's figures are not those it was closed with (G\(goal))"))
        let sha = try tampered("DROP TRIGGER schema_migration_no_replace; UPDATE schema_migration SET sha256 = 'x' WHERE version = 2")
        #expect(sha.contains("schema: migration 2 (people_goals) is recorded with another SHA-256 in schema_migration"))
    }

    @Test func manyProcessesOpeningANewFileAtOnceAllSucceedWithTheCanon() throws {
        let binary = try goalbookBinary()
        let home = try makeTemporaryFolder()
        for round in 0..<3 {
            let path = home.appendingPathComponent("new-\(round).db").path
            let statuses = try runAtOnce(binary, ["people", "list", "--db", path], count: 6, environment: cleanEnvironment(home: home))
            #expect(statuses == Array(repeating: 0, count: 6), "round \(round)")
            let canon = try RawDatabase(path).strings("SELECT count(*) FROM canon_version")
            #expect(canon == ["\(Resources.builtInCanon.count)"], "round \(round): the built-in canon, once")
            #expect(try SQLiteEngine(path: path, actor: "x").check() == [])
        }
    }

    @Test func aFileMigratedWithoutItsCanonGetsItOnTheNextOpen() throws {
        let path = try makeTemporaryFolder().appendingPathComponent("half.db").path
        // What an older Goalbook left when killed between migrating and importing the canon.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for migration in Migration.all {
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: "INSERT INTO schema_migration (version, name, sha256, applied_at) VALUES (?, ?, ?, 'x')",
                    arguments: [migration.version, migration.name, migration.sha256])
            }
            try db.execute(sql: "PRAGMA user_version = \(SQLiteEngine.schemaVersion)")
        }
        try queue.close()
        let store = try SQLiteEngine(path: path, actor: "x")
        #expect(try CanonService(store).frames().isEmpty == false)
        #expect(try store.check() == [])
    }
}
