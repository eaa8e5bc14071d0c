import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// A manager's week through the binary: import staff, assign, fill, change, read the log.
@Suite struct PeopleAndGoalsCommandTests {
    static let staff = """
        id,name,email,manager,family,function,level
        E001,Grace Hopper,grace@example.com,,,AI / Machine Learning Engineering,P2
        E100,Ada Park,ada@example.com,E001,,AI / Machine Learning Engineering,P2
        E101,Lin Chen,lin@example.com,E001,Engineering,Machine Learning Engineer,IC2

        """

    /// Runs goalbook against one database with a fixed user, returning the result.
    struct Session {
        let home: URL
        let db: String
        func callAsFunction(_ arguments: String..., user: String = "mgr", stdin: String? = nil) throws -> CommandResult {
            try run(
                try goalbookBinary(), arguments + ["--db", db], stdin: stdin,
                environment: cleanEnvironment(home: home, extra: ["GOALBOOK_USER": user]))
        }
    }

    func session(_ engine: TestEngine) throws -> Session {
        let home = try makeTemporaryFolder("goalbook-home")
        return Session(home: home, db: try engine.newDatabase(home: home))
    }

    /// A staff file can come through a pipe: it is read once, as a pipe can only be.
    @Test func peopleImportReadsAPipe() throws {
        let goalbook = try session(.sqlite)
        let result = try goalbook("people", "import", "/dev/stdin", stdin: Self.staff)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "/dev/stdin: 3 added, 0 updated, 0 unchanged.\n")
        #expect(try goalbook("people", "list", "--format", "csv").stdout.split(separator: "\n").count == 4)
    }

    @Test(arguments: TestEngine.available)
    func aManagersWeekEndToEnd(engine: TestEngine) throws {
        let goalbook = try session(engine)
        let csv = try writeFile(goalbook.home, "staff.csv", Self.staff)
        #expect(try goalbook("people", "import", csv).stdout == "\(csv): 3 added, 0 updated, 0 unchanged.\n")
        #expect(try goalbook("people", "import", csv).stdout == "\(csv): 0 added, 0 updated, 3 unchanged.\n")
        let withHead = try goalbook("goals", "assign", "--team", "E001", "--quarter", "2026-Q4", "--framework", "okr", "--row", "1", "--dry-run")
        #expect(withHead.stdout.hasPrefix("E001 Grace Hopper: would create 1, 0 already there\n"), "a team includes its head")
        #expect(withHead.stdout.hasSuffix("Dry run: would create 3 goals for 3 people in 2026Q4; 0 already existed.\n"))
        let assign = try goalbook("goals", "assign", "--team", "E001", "--below", "--quarter", "2026-Q4", "--framework", "okr", "--row", "1")
        #expect(assign.status == 0)
        #expect(assign.stdout.hasSuffix("Created 2 goals for 2 people in 2026Q4; 0 already existed.\n"))
        let set = try goalbook("goals", "set", "G1", "baseline=12%", "target=40%", "date=2026-12-15", "--item", "KR1")
        #expect(set.stdout == "G1 KR1.baseline: ∅ → 12%\nG1 KR1.target: ∅ → 40%\nG1 KR1.date: ∅ → 2026-12-15\nG1 KR1.direction: ∅ → increase\n")
        #expect(try goalbook("goals", "status", "G1", "active", "--unfilled", "--note", "agreed in 1:1").status == 0)
        #expect(try goalbook("goals", "set", "G1", "target=45%", "--item", "KR1", user: "boss").status == 0)
        let show = try goalbook("goals", "show", "G1")
        #expect(show.stdout.contains("\n  KR1. From 12% to 45% by 2026-12-15 — tied to: \"Performs data preprocessing"))
        #expect(show.stdout.contains("Unfilled: KR2.target, KR2.date\n"))
        let log = try goalbook("goals", "log", "G1", "--format", "json")
        struct Entry: Decodable {
            let actor: String
            let field: String
            let old: String?
            let new: String?
            let note: String?
        }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(log.stdout.utf8))
        #expect(
            entries.map { "\($0.actor) \($0.field) \($0.old ?? "∅")→\($0.new ?? "∅")" } == [
                "mgr created ∅→draft", "mgr KR1.baseline ∅→12%", "mgr KR1.target ∅→40%", "mgr KR1.date ∅→2026-12-15",
                "mgr KR1.direction ∅→increase", "mgr status draft→active", "boss KR1.target 40%→45%",
            ])
        let csvList = try goalbook("goals", "list", "--team", "E001", "--format", "csv")
        #expect(
            csvList.stdout.split(separator: "\n").first
                == "id,person,name,quarter,framework,row,status,filled,unfilled,title,weight,aligned_to,score,progress,track"
        )
        #expect(csvList.stdout.split(separator: "\n").count == 3)
    }

    @Test(arguments: TestEngine.available)
    func badInputIsRefusedWithAClearMessageAndAnUnchangedDatabase(engine: TestEngine) throws {
        let goalbook = try session(engine)
        let csv = try writeFile(goalbook.home, "staff.csv", Self.staff)
        _ = try goalbook("people", "import", csv)
        _ = try goalbook("goals", "add", "E100", "-p", "2026Q4", "--framework", "smart", "--all")
        let before = try anyDatabaseDump(goalbook.db)
        let broken = try writeFile(
            goalbook.home, "broken.csv",
            Self.staff
                + "E102,Cy,,E001,,No Such Function,P2\nE103,Dee,,E104,,AI / Machine Learning Engineering,P2\nE104,Eve,,E103,,AI / Machine "
                + "Learning Engineering,P2\n"
        )
        let cases: [([String], String)] = [
            (
                ["people", "import", broken],
                "Error: \(broken):5: unknown job frame: function 'No Such Function' (see goalbook canon list)\n\(broken):6: manager cycle"
            ),
            (
                ["goals", "set", "G1", "target=fast"],
                "Error: target must be a plain decimal number, then a unit after a space, like 12, 12.5%, 40 ms, 1.5e3 or 3 features; got 'fast'\n"
            ),
            (["goals", "set", "G1", "date=2026-02-30"], "Error: date must be an ISO date like 2026-12-31; got '2026-02-30'\n"),
            (["goals", "set", "G99", "target=1"], "Error: goal G99 not found\n"),
            (["goals", "set", "G1", "target"], "Error: 'target' is not key=value (for example target=40%)\n"),
            (["goals", "status", "G1", "done"], "Error: G1 is draft and cannot become done (it can become active)\n"),
            (["goals", "add", "E999", "-p", "2026Q4", "--framework", "okr", "--all"], "Error: person E999 not found"),
            (
                ["goals", "add", "E100", "-p", "2026Q9", "--framework", "okr", "--all"],
                "Error: The value '2026Q9' is invalid for '-p <quarter>': '2026Q9' is not a quarter"
            ),
            (["goals", "show", "G1", "--as-of", "last tuesday"], "Error: 'last tuesday' is not a date or time"),
            (["people", "set", "E100", "manager=E100"], "Error: people set: E100 cannot be their own manager\n"),
            (
                ["people", "add", "E100", "--name", "Dup", "--function", "AI / Machine Learning Engineering", "--level", "P2"],
                "Error: people add: E100 already exists"
            ),
        ]
        for (arguments, message) in cases {
            let result = try goalbook(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"), "\(arguments)")
        }
        #expect(try anyDatabaseDump(goalbook.db) == before)
    }

    @Test(arguments: TestEngine.available)
    func historyRefusesRawSQLFromTheAnalystsShell(engine: TestEngine) throws {
        let goalbook = try session(engine)
        let csv = try writeFile(goalbook.home, "staff.csv", Self.staff)
        _ = try goalbook("people", "import", csv)
        let before = try anyDatabaseDump(goalbook.db)
        for sql in ["UPDATE history SET actor = 'nobody';", "DELETE FROM history;"] {
            do {
                try shellQuery(sql, on: goalbook.db)
                Issue.record("\(sql) was let through on \(engine)")
            } catch GoalbookError.refused(let message) {
                #expect(message.contains("history is append-only"), "\(message)")
            }
        }
        #expect(try anyDatabaseDump(goalbook.db) == before)
    }

    /// An assign's lines name each person once the goals are stored: one refused after every
    /// person was reached (owners added after its --date) prints none of them and writes nothing.
    @Test(arguments: TestEngine.available)
    func aRefusedAssignShowsNoPersonAndWritesNothing(engine: TestEngine) throws {
        let goalbook = try session(engine)
        let csv = try writeFile(goalbook.home, "staff.csv", Self.staff)
        #expect(try goalbook("people", "import", csv).status == 0)
        let start = Quarter.containing(Day(Date()).adding(days: -1)).firstDay()
        let before = try anyDatabaseDump(goalbook.db)
        let refused = try goalbook(
            "goals", "assign", "--team", "E001", "--quarter", Quarter.containing(start).description, "--framework", "smart", "--row", "1",
            "--date", start.description)
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("E001 was added at") && refused.stderr.contains("(and 2 more: E100, E101)"), "\(refused.stderr)")
        #expect(try anyDatabaseDump(goalbook.db) == before)
        let assigned = try goalbook("goals", "assign", "--team", "E001", "--quarter", "2026Q4", "--framework", "okr", "--row", "1", "--row", "2")
        #expect(
            assigned.stdout
                == "E001 Grace Hopper: created 2, 0 already there\nE100 Ada Park: created 2, 0 already there\n"
                + "E101 Lin Chen: created 2, 0 already there\nCreated 6 goals for 3 people in 2026Q4; 0 already existed.\n")
    }

    /// A team adopting Goalbook mid-quarter, through the binary: writes dated back with --date,
    /// read back with --as-of (in effect then) and --as-recorded (what Goalbook knew then).
    @Test(arguments: TestEngine.available)
    func aTeamAdoptingMidQuarterDatesItsWritesBack(engine: TestEngine) throws {
        let goalbook = try session(engine)
        // The quarter of yesterday, dated back to its first day: always before today.
        let today = Day(Date())
        let quarter = Quarter.containing(today.adding(days: -1))
        let start = quarter.firstDay()
        let csv = try writeFile(goalbook.home, "staff.csv", Self.staff)
        #expect(try goalbook("people", "import", csv, "--date", start.description).stdout == "\(csv): 3 added, 0 updated, 0 unchanged.\n")
        let q = quarter.description
        #expect(
            try goalbook("goals", "assign", "--team", "E001", "--quarter", q, "--framework", "smart", "--row", "1", "--date", start.description)
                .status == 0)
        #expect(try goalbook("goals", "set", "G1", "baseline=10", "target=20", "--date", start.description).status == 0)
        // In effect on the first day; not yet recorded the day before today.
        let then = try goalbook("goals", "show", "G1", "--as-of", start.description)
        #expect(then.status == 0 && then.stdout.contains("As of \(start)T23:59:59.999Z, rebuilt from history."))
        #expect(then.stdout.contains("Move the metric this drives from 10 to 20 by ⟨date⟩."))
        let known = try goalbook("goals", "show", "G1", "--as-of", start.description, "--as-recorded", today.adding(days: -1).description)
        #expect(known.status != 0 && known.stderr.contains("G1 did not exist yet at \(start)T23:59:59.999Z as recorded by"))
        #expect(try goalbook("goals", "log", "G1").stdout.contains("(recorded \(today))"))
        let report = try goalbook("report", "--quarter", q, "--as-of", start.description, "--as-recorded", today.description, "--format", "json")
        #expect(report.status == 0 && report.stdout.contains("\"as_recorded\": \"\(today)T23:59:59.999Z\""))
        #expect(report.stdout.contains("\"goal_id\": \"G1\"") && report.stdout.contains("\"baseline\": 10, \"latest\": null, \"target\": 20"))
        // Refused, with the database unchanged: the future, and a day before the goal's last change.
        let before = try anyDatabaseDump(goalbook.db)
        for (day, message) in [
            (today.adding(days: 1), "Error: --date \(today.adding(days: 1)) is in the future"),
            (start.adding(days: -1), "Error: --date \(start.adding(days: -1)) is outside \(q)"),
        ] {
            let result = try goalbook("goals", "set", "G1", "target=25", "--date", day.description)
            #expect(result.status != 0 && result.stderr.hasPrefix(message), "\(day): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
        #expect(try anyDatabaseDump(goalbook.db) == before)
    }

}

extension PeopleAndGoalsCommandTests.Session {
    func callAsFunction(_ arguments: [String]) throws -> CommandResult {
        try run(try goalbookBinary(), arguments + ["--db", db], environment: cleanEnvironment(home: home, extra: ["GOALBOOK_USER": "mgr"]))
    }
}
