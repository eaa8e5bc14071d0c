import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Access in the database: a login tied to a person sees and changes that person's subtree and
/// nothing else, through goalbook and through psql; an analyst reads everything and writes nothing.
@Suite(.enabled(if: PostgresTestServer.isRequiredOrGiven, "no PostgreSQL server: set GOALBOOK_TEST_PG, or run scripts/test"))
struct PostgresAccessTests {
    func goalbook(_ arguments: [String], db: String, home: URL, user: String = "hr") throws -> CommandResult {
        try run(
            try goalbookBinary(), arguments + ["--db", db], environment: cleanEnvironment(home: home, extra: ["GOALBOOK_USER": user]), in: home)
    }

    /// Every table and view, with the rows of it that belong to the subtree of the people whose
    /// internal ids are in `sub` (a SQL list), as the owner counts them.
    static let belongs: [(object: String, filter: String)] = [
        ("person", "person_id IN (:sub)"),
        ("goal", "person_id IN (:sub)"),
        ("goal_item", "goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"),
        ("goal_slot", "goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"),
        ("checkin", "goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"),
        (
            "history",
            "(person_id IS NULL AND goal_id IS NULL) OR person_id IN (:sub) OR goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"
        ),
        ("goal_current", "goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"),
        ("goal_item_progress", "goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"),
        ("goal_history", "goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"),
        ("checkin_all", "goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"),
        ("checkin_latest", "goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"),
        ("quarter_progress", "person_id IN (SELECT employee_id FROM person WHERE person_id IN (:sub))"),
        (
            "org_tree",
            "ancestor_id IN (SELECT employee_id FROM person WHERE person_id IN (:sub)) "
                + "AND descendant_id IN (SELECT employee_id FROM person WHERE person_id IN (:sub))"
        ),
        (
            "goal_alignment",
            "ancestor_goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub)) "
                + "AND descendant_goal_id IN (SELECT goal_id FROM goal WHERE person_id IN (:sub))"
        ),
        ("canon_version", "true"), ("frame", "true"), ("frame_version", "true"), ("frame_statement", "true"), ("frame_current", "true"),
        ("canon_statement", "true"), ("goal_template", "true"), ("setting", "true"), ("closed_quarter", "true"), ("dictionary", "true"),
        ("schema_migration", "true"),
    ]

    @Test func aManagersLoginSeesAndChangesItsSubtreeOnlyAndAnAnalystWritesNothing() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        try PostgresTestServer.withDatabase { owner in
            #expect(try goalbook(["demo", "--people", "20"], db: owner, home: home).status == 0)
            try PostgresTestServer.withLogin("alice") { alice in
                try PostgresTestServer.withLogin("ana") { ana in
                    let asAlice = try PostgresTestServer.url(owner, as: alice)
                    let asAna = try PostgresTestServer.url(owner, as: ana)
                    let grant = try goalbook(["access", "grant", "E002", "--role", alice], db: owner, home: home)
                    #expect(grant.stdout == "\(alice) now sees and changes E002 and everyone below them.\n", "\(grant.stderr)")
                    try PostgresTestServer.sql("GRANT goalbook_analyst TO \(ana)", on: owner)
                    #expect(try goalbook(["access", "list"], db: owner, home: home).stdout.contains("\(alice)  E002    Ravi Mensah"))

                    // Through psql, table by table and view by view: exactly the subtree's rows.
                    let sub = try PostgresTestServer.sql(
                        """
                        WITH RECURSIVE t(id) AS (SELECT person_id FROM person WHERE employee_id = 'E002'
                            UNION SELECT p.person_id FROM person p JOIN t ON p.manager_person_id = t.id)
                        SELECT string_agg(id::text, ',') FROM t
                        """, on: owner
                    ).trimmingCharacters(in: .whitespacesAndNewlines)
                    #expect(sub.split(separator: ",").count == 10)
                    for (object, filter) in Self.belongs {
                        let expected = try PostgresTestServer.sql(
                            "SELECT count(*) FROM \(object) WHERE \(filter.replacingOccurrences(of: ":sub", with: sub))", on: owner)
                        let seen = try PostgresTestServer.sql("SELECT count(*) FROM \(object)", on: asAlice)
                        #expect(seen == expected, "\(object)")
                        #expect(
                            try PostgresTestServer.sql("SELECT count(*) FROM \(object)", on: asAna)
                                == (try PostgresTestServer.sql("SELECT count(*) FROM \(object)", on: owner)), "the analyst reads all of \(object)")
                    }
                    #expect(try PostgresTestServer.sql("SELECT count(*) FROM goal", on: asAlice) != "0\n")

                    // Writes outside the subtree: invisible rows are not changed, and new rows are refused.
                    let before = try PostgresTestServer.dump(owner)
                    #expect(
                        try PostgresTestServer.sql("UPDATE goal SET status = 'done' WHERE person_id NOT IN (\(sub)) RETURNING goal_id", on: asAlice)
                            == "")
                    for (statement, says) in [
                        (
                            "INSERT INTO checkin (goal_id, item, value, number, checked_on, recorded_at, actor) SELECT goal_id, 'KR1', '1', 1, "
                                + "'2026-12-01', 'x', 'x' FROM goal WHERE person_id NOT IN (\(sub)) LIMIT 1", ""
                        ),
                        ("DELETE FROM checkin", "permission denied"),
                        ("UPDATE person SET name = 'x'", "permission denied"),
                        ("SELECT * FROM access_grant", "permission denied"),
                    ] {
                        do {
                            let out = try PostgresTestServer.sql(statement, on: asAlice)
                            #expect(says.isEmpty && out == "", "\(statement) was let through: \(out)")
                        } catch GoalbookError.refused(let message) {
                            #expect(says.isEmpty || message.contains(says), "\(statement): \(message)")
                        }
                    }
                    for statement in [
                        "DELETE FROM history", "UPDATE goal SET score = 1", "INSERT INTO setting VALUES ('x', 'y', 'z')",
                        "UPDATE setting SET value = '2'",
                        "INSERT INTO access_grant VALUES ('x', 1, 'x', 'x')", "TRUNCATE closed_quarter",
                    ] {
                        #expect(throws: GoalbookError.self, "the analyst: \(statement)") { try PostgresTestServer.sql(statement, on: asAna) }
                    }
                    #expect(try PostgresTestServer.dump(owner) == before)

                    // Through goalbook: someone outside is "not found", as an id that does not exist is.
                    let outside = try goalbook(["people", "show", "E003"], db: asAlice, home: home)
                    let nobody = try goalbook(["people", "show", "E9999"], db: asAlice, home: home)
                    #expect(outside.status == 1 && outside.stderr.hasPrefix("Error: person E003 not found"))
                    #expect(nobody.status == 1 && nobody.stderr.hasPrefix("Error: person E9999 not found"))
                    let theirGoal = try PostgresTestServer.sql(
                        "SELECT min(goal_id) FROM goal WHERE person_id NOT IN (\(sub))", on: owner
                    ).trimmingCharacters(in: .whitespacesAndNewlines)
                    let set = try goalbook(["goals", "set", "G\(theirGoal)", "target=50%", "--item", "KR1"], db: asAlice, home: home)
                    #expect(set.status == 1 && set.stderr == "Error: goal G\(theirGoal) not found\n")
                    #expect(
                        try goalbook(["goals", "set", "G9999", "target=50%", "--item", "KR1"], db: asAlice, home: home).stderr
                            == "Error: goal G9999 not found\n")
                    let list = try goalbook(["people", "list"], db: asAlice, home: home)
                    #expect(list.stdout.split(separator: "\n").count == 11 && !list.stdout.contains("E003"))
                    let report = try goalbook(["report", "-p", "this quarter", "--format", "csv"], db: asAlice, home: home)
                    #expect(report.status == 0 && !report.stdout.contains(",E003,") && report.stdout.contains(",E002,"))
                    #expect(try PostgresTestServer.dump(owner) == before, "refusals write nothing")

                    // Inside it: the change carries the login's name, and --by is kept beside it.
                    let mine = try PostgresTestServer.sql(
                        "SELECT min(goal_id) FROM goal WHERE person_id IN (\(sub)) AND framework = 'okr'", on: owner
                    ).trimmingCharacters(in: .whitespacesAndNewlines)
                    let changed = try goalbook(
                        ["goals", "set", "G\(mine)", "target=55%", "--item", "KR1", "--by", "grace"], db: asAlice, home: home, user: "someone")
                    #expect(changed.status == 0, "\(changed.stderr)")
                    #expect(
                        try PostgresTestServer.sql("SELECT actor, on_behalf_of FROM history ORDER BY history_id DESC LIMIT 1", on: owner)
                            == "\(alice)|grace\n")
                    #expect(try goalbook(["goals", "log", "G\(mine)"], db: asAlice, home: home).stdout.contains(" \(alice) (for grace) goals set "))
                    let analystWrite = try goalbook(["goals", "set", "G\(mine)", "target=60%", "--item", "KR1"], db: asAna, home: home)
                    #expect(analystWrite.status == 1 && analystWrite.stderr.contains("permission denied"), "\(analystWrite.stderr)")

                    // Revoked, the login sees no one.
                    #expect(
                        try goalbook(["access", "revoke", alice], db: owner, home: home).stdout == "\(alice) is no longer tied to E002 Ravi Mensah.\n"
                    )
                    #expect(throws: GoalbookError.self, "no longer a manager: no rights at all") {
                        try PostgresTestServer.sql("SELECT count(*) FROM person", on: asAlice)
                    }
                    #expect(try goalbook(["people", "list"], db: asAlice, home: home).stderr.contains("permission denied"))
                    #expect(try goalbook(["access", "list"], db: owner, home: home).stdout.hasPrefix("No login role is tied"))
                    #expect(
                        try PostgresTestServer.sql("SELECT field, old_value FROM history WHERE field = 'access' ORDER BY history_id", on: owner)
                            == "access|\naccess|\(alice)\n")
                }
            }
        }
    }

    @Test func accessIsRefusedOnASQLiteFileAndForARoleThatDoesNotExist() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let sqlite = home.appendingPathComponent("g.db").path
        _ = try goalbook(["demo", "--people", "6"], db: sqlite, home: home)
        let refused = try goalbook(["access", "grant", "E002", "--role", "alice"], db: sqlite, home: home)
        #expect(refused.status == 1 && refused.stderr.contains("is a SQLite file: it has no logins"))
        try PostgresTestServer.withDatabase { url in
            _ = try goalbook(["demo", "--people", "6"], db: url, home: home)
            let before = try PostgresTestServer.dump(url)
            let missing = try goalbook(["access", "grant", "E002", "--role", "nobody_here"], db: url, home: home)
            #expect(missing.status == 1 && missing.stderr.contains("there is no role nobody_here on this server"))
            let group = try goalbook(["access", "grant", "E002", "--role", "goalbook_manager"], db: url, home: home)
            #expect(group.status == 1 && group.stderr.contains("cannot log in"))
            #expect(try goalbook(["access", "revoke", "nobody_here"], db: url, home: home).status == 1)
            #expect(try PostgresTestServer.dump(url) == before)
        }
    }
}
