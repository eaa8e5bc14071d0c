import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Alignment, weights and scores through the binary, the way a manager types them.
@Suite struct AlignmentCommandTests {
    struct Session {
        let home: URL
        let db: String
        func callAsFunction(_ arguments: String..., stdin: String? = nil) throws -> CommandResult {
            try run(
                try goalbookBinary(), arguments + ["--db", db], stdin: stdin,
                environment: cleanEnvironment(home: home, extra: ["GOALBOOK_USER": "mgr"]))
        }
    }

    func fixture(_ engine: TestEngine) throws -> Session {
        let (_, path, _) = try AlignmentFixture.build(on: engine)
        return Session(home: try makeTemporaryFolder("goalbook-home"), db: path)
    }

    @Test(arguments: TestEngine.available) func theTreeTheRollUpAndTheAnalystView(engine: TestEngine) throws {
        let goalbook = try fixture(engine)
        let tree = try goalbook("goals", "tree", "G1", "--as-of", "2026-11-15")
        #expect(tree.status == 0)
        #expect(tree.stdoutBytes == (try fixtureBytes("goal-tree-g1.txt")))
        struct Output: Decodable {
            struct Node: Decodable {
                let goal: String
                let rolledUpProgress: Double?
                let alignedMissing: Int
                let children: [Node]
            }
            let trees: [Node]
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let json = try decoder.decode(Output.self, from: Data(try goalbook("goals", "tree", "G1", "--format", "json").stdout.utf8))
        #expect(json.trees.first?.rolledUpProgress == 0.62)
        #expect(json.trees.first?.children.first.map { "\($0.goal) \($0.rolledUpProgress!) \($0.alignedMissing)" } == "G2 0.61875 1")
        let team = try goalbook("goals", "tree", "--team", "E100", "--quarter", "2026Q4")
        #expect(team.stdout.contains("\nG2  E100 Ada Park · SMART row 1 · active · 50% · weight 60\n"))
        #expect(!team.stdout.contains("G1  E001"), "Grace's goal is above Ada's team")

        let rows = try shellQuery(
            "SELECT descendant, depth FROM goal_alignment WHERE ancestor = 'G2' AND depth > 0 ORDER BY descendant", on: goalbook.db)
        #expect(rows == "G4|1\nG5|1\nG6|1\nG7|1\n")
        let view = try shellQuery(
            "SELECT person_id, CAST(weighted_progress * 10000 AS INTEGER), CAST(weight_total AS INTEGER) FROM quarter_progress WHERE person_id = 'E103'",
            on: goalbook.db)
        #expect(view == "E103|5625|71\n")
    }

    @Test(arguments: TestEngine.available) func refusalsSayWhyExitNonZeroAndWriteNothing(engine: TestEngine) throws {
        let goalbook = try fixture(engine)
        let dump = try anyDatabaseDump(goalbook.db)
        let cases: [([String], String)] = [
            (["goals", "align", "G1", "--to", "G4"], "Error: G4 is aligned under G1 (G4 → G2 → G1): aligning G1 to it would make a loop\n"),
            (["goals", "align", "G2", "--to", "G2"], "Error: G2 cannot be aligned to itself\n"),
            (["goals", "weight", "G2", "-5"], "Error: the weight of G2 cannot be below 0; got -5\n"),
            (["goals", "weight", "G2", "heavy"], "Error: the weight of G2 must be a number of 0 or more, like 30 or 2.5; got 'heavy'\n"),
            (["goals", "set", "G6", "weight=-1", "--item", "KR2"], "Error: the weight of KR2 cannot be below 0; got -1\n"),
            (["goals", "score", "G6", "-1"], "Error: "),
        ]
        for (arguments, message) in cases {
            let result = try run(try goalbookBinary(), arguments + ["--db", goalbook.db], environment: cleanEnvironment(home: goalbook.home))
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let usage = try goalbook("goals", "align", "G2")
        #expect(usage.status == 64 && usage.stderr.contains("Say --to G17, or --none."))
        // The same rules hold against raw SQL, through the triggers.
        for (sql, message) in [
            ("UPDATE goal SET aligned_to = 4 WHERE goal_id = 1", "a goal cannot be aligned to a goal that is aligned under it"),
            ("UPDATE goal SET aligned_to = 2 WHERE goal_id = 2", "a goal cannot be aligned to itself"),
            ("UPDATE goal SET weight = -1 WHERE goal_id = 2", "check constraint"),
        ] {
            #expect(performing: { try shellQuery(sql, on: goalbook.db) }, throws: { "\($0)".lowercased().contains(message.lowercased()) })
        }
        #expect(try anyDatabaseDump(goalbook.db) == dump)
    }

    @Test(arguments: TestEngine.available) func linksAndWeightsChangeWithHistory(engine: TestEngine) throws {
        let goalbook = try fixture(engine)
        #expect(try goalbook("goals", "align", "G4", "--to", "G3").stdout == "G4 aligned to: G2 → G3\n")
        #expect(try goalbook("goals", "align", "G4", "--to", "G3").stdout == "G4 is already aligned to G3; nothing changed.\n")
        #expect(try goalbook("goals", "align", "G7", "--none").stdout == "G7 aligned to: G2 → nothing\n")
        #expect(try goalbook("goals", "weight", "G2", "50").stdout == "G2 weight: 60 → 50\n")
        #expect(try goalbook("goals", "set", "G6", "KR2.weight=2").stdout == "G6 KR2.weight: ∅ → 2\n")
        struct Entry: Decodable {
            let actor: String
            let command: String
            let field: String
            let old: String?
            let new: String?
        }
        let entries = try JSONDecoder().decode([Entry].self, from: Data(try goalbook("goals", "log", "G4", "--format", "json").stdout.utf8))
        #expect(
            entries.filter { $0.field == "aligned_to" }.map { "\($0.actor) \($0.command) \($0.old ?? "∅") → \($0.new ?? "∅")" }
                == ["grace goals align ∅ → G2", "mgr goals align G2 → G3"])
        let weights = try JSONDecoder().decode([Entry].self, from: Data(try goalbook("goals", "log", "G2", "--format", "json").stdout.utf8))
        #expect(
            weights.filter { $0.field == "weight" }.map { "\($0.command) \($0.old ?? "∅") → \($0.new ?? "∅")" } == [
                "goals set ∅ → 60", "goals weight 60 → 50",
            ])
        let drop = try goalbook("goals", "status", "G3", "dropped")
        #expect(
            drop.stderr
                == "Note: G4 is still aligned to G3, which no longer counts: align it elsewhere (goalbook goals align G… --to G…) or to nothing "
                + "(--none).\n"
        )
        let list = try goalbook("goals", "list", "--person", "E103").stdout
        #expect(list.hasPrefix("ID PERSON QUARTER FRAMEWORK ROW STATUS PROGRESS TRACK      FILLED WEIGHT ALIGNED TO TITLE\n"))
        #expect(list.contains("\nG6 E103   2026Q4  okr         1 active      60% at risk    3/5        70 G2         "))
        #expect(list.contains("Note: E103 in 2026Q4: goal weights add up to 71, not 100 (G7 has no weight and counts as 1).\n"))
        let show = try goalbook("goals", "show", "G6").stdout
        #expect(show.contains("\nAligned to G2 · weight 70 · key result weights KR1 3, KR2 2.\n"))
    }

    @Test(arguments: TestEngine.available) func scoringAQuarterAndClosingIt(engine: TestEngine) throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let goalbook = Session(home: home, db: try engine.newDatabase(home: home))
        let staff = try writeFile(
            home, "staff.csv",
            """
            id,name,email,manager,family,function,level
            E001,Grace Hopper,,,,AI / Machine Learning Engineering,P2
            E100,Ada Park,,E001,,AI / Machine Learning Engineering,P2

            """)
        #expect(try goalbook("people", "import", staff).status == 0)
        // 2026Q3 is over and open: its scoring window has begun on any day this test runs.
        #expect(try goalbook("goals", "add", "E100", "--quarter", "2026Q3", "--framework", "smart", "--row", "1").status == 0)
        #expect(try goalbook("goals", "add", "E100", "--quarter", "2026Q3", "--framework", "okr", "--row", "1").status == 0)
        #expect(try goalbook("goals", "set", "G1", "baseline=0", "target=10").status == 0)
        #expect(try goalbook("goals", "set", "G2", "KR1.baseline=0%", "KR1.target=50%", "KR2.target=4").status == 0)
        for goal in ["G1", "G2"] { #expect(try goalbook("goals", "status", goal, "active", "--unfilled").status == 0) }
        #expect(try goalbook("checkin", "G1", "7", "--date", "2026-09-20").status == 0)
        #expect(try goalbook("checkin", "G2", "40%", "--item", "KR1", "--date", "2026-09-20").status == 0)

        let before = try anyDatabaseDump(goalbook.db)
        let suggestion = try goalbook("goals", "score", "G1")
        #expect(
            suggestion.stdout
                == "G1 is at 70% progress; on the SMART scale (1 to 5 in steps of 1) that suggests 4.\nNothing was written. To give it: goalbook "
                + "goals score G1 4\n"
        )
        let off = try goalbook("goals", "score", "G2", "0.85")
        #expect(off.status == 1 && off.stderr == "Error: 0.85 is off the OKR scale: scores go from 0 to 1 in steps of 0.1\n")
        #expect(try anyDatabaseDump(goalbook.db) == before, "a suggestion and a refusal write nothing")
        let early = try goalbook("goals", "add", "E100", "--quarter", "2030Q1", "--framework", "smart", "--row", "2")
        #expect(early.status == 0)
        let tooEarly = try goalbook("goals", "score", "G3", "3")
        #expect(tooEarly.status == 1 && tooEarly.stderr.contains("G3 is a draft"))
        #expect(try goalbook("goals", "status", "G3", "active", "--unfilled").status == 0)
        #expect(
            try goalbook("goals", "score", "G3", "3").stderr.hasPrefix(
                "Error: 2030Q1 can be scored from 2030-03-01, the first day of its last month, until it is closed; today is "))
        let refused = try goalbook("quarter", "close", "2026Q3", "--require-scores")
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "Error: 2026Q3 was not closed: 2 goals have no score: G1 (E100), G2 (E100) (goalbook goals score G… VALUE, or close without "
                + "--require-scores)\n"
        )
        #expect(try goalbook("quarter", "scores", "2026Q3").stdout.hasSuffix("\n0 of 2 goals scored; not scored: G1, G2.\n"))

        #expect(try goalbook("goals", "score", "G1", "4", "--note", "good quarter").stdout == "G1 score: ∅ → 4\n")
        // At a terminal it asks, with the suggestion as the default: G2 is at (0.8 + 0) / 2 = 40%, which suggests 0.4; the manager types 0.3.
        let feed = "(sleep 0.5; printf '0.3\\n')"
        let terminal = try run(
            "/bin/sh", ["-c", "\(feed) | script -qec '\(try goalbookBinary()) goals score G2 --db \(goalbook.db)' /dev/null"],
            environment: cleanEnvironment(home: home, extra: ["GOALBOOK_USER": "mgr"]))
        #expect(terminal.stdout.contains("G2 is at 40% progress; on the OKR scale (0 to 1 in steps of 0.1) that suggests 0.4."))
        #expect(terminal.stdout.contains("Score [0.4]: "))
        #expect(terminal.stdout.contains("G2 score: ∅ → 0.3"))
        let csv = try goalbook("quarter", "scores", "2026Q3", "--format", "csv").stdout.split(separator: "\n")
        let header =
            "goal_id,person_id,person_name,framework,row,title,status,progress,suggested,score,"
            + "scale_min,scale_max,scale_step,scored_by,scored_at"
        #expect(csv.first.map(String.init) == header)
        #expect(csv.dropFirst().first?.hasPrefix("G1,E100,Ada Park,smart,1,") == true)
        #expect(csv.dropFirst().first?.contains(",active,0.7,4,4,1,5,1,mgr,") == true)
        let close = try goalbook("quarter", "close", "2026Q3", "--require-scores")
        #expect(close.status == 0 && close.stdout == "Closed 2026Q3.\n" && close.stderr.isEmpty)
        let report = try goalbook("report", "--quarter", "2026Q3", "--person", "E100")
        #expect(report.stdout.contains("      score 4\n"))
        #expect(report.stdout.contains("      score 0.3\n"))
        #expect(try goalbook("goals", "score", "G1", "5").stderr.hasPrefix("Error: 2026Q3 was closed on "))
    }

    /// `goals status --team … --quarter …` moves every goal that can move, in one go, and says
    /// what it left and why; `--dry-run` says the same and writes nothing.
    @Test(arguments: TestEngine.available) func aTeamsGoalsChangeStatusInOneCommand(engine: TestEngine) throws {
        let goalbook = try fixture(engine)
        _ = try goalbook("goals", "status", "G7", "draft")
        let before = try anyDatabaseDump(goalbook.db)
        let dry = try goalbook("goals", "status", "--team", "E100", "--below", "-p", "2026Q4", "active", "--dry-run", "--note", "kick-off")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(
            dry.stdout
                == "already active: G4, G6\nleft as it was: G5 is dropped and cannot become active (dropped is final)\n"
                + "left as it was: G7 has 0 of 3 slots filled; unfilled: baseline, target, date. Fill them first (goalbook goals fill G7), or say "
                + "--unfilled to make it active as it is\n")
        #expect(dry.stderr == "Dry run: 0 goals would change, 4 goals left as they were; nothing was written.\n")
        #expect(try anyDatabaseDump(goalbook.db) == before, "a dry run writes nothing")
        let done = try goalbook("goals", "status", "--team", "E100", "--below", "-p", "2026Q4", "active", "--unfilled", "--note", "kick-off")
        #expect(done.stdout.hasPrefix("G7 status: draft → active\nalready active: G4, G6\n"), "\(done.stdout)")
        #expect(done.stderr == "1 goal changed, 3 goals left as they were.\n")
        let last = try goalbook("goals", "log", "G7").stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains(" goals status ") && last.hasSuffix("draft → active  (kick-off)"), "\(last)")
        let unknown = try goalbook("goals", "status", "--team", "E404", "-p", "2026Q4", "active")
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("Error: person E404 not found"))
        let noQuarter = try goalbook("goals", "status", "--team", "E100", "active")
        #expect(noQuarter.status == 64 && noQuarter.stderr.hasPrefix("Error: With --team, say which quarter's goals: --quarter 2026Q4."))
    }

    @Test(arguments: TestEngine.available) func closingAQuarterWarnsOfGoalsWithoutAScore(engine: TestEngine) throws {
        let goalbook = try fixture(engine)
        let close = try goalbook("quarter", "close", "2026Q4", "--early")
        #expect(close.status == 0 && close.stdout == "Closed 2026Q4.\n")
        #expect(close.stderr == "Warning: 6 goals of 2026Q4 have no score: G1 (E001), G2 (E100), G3 (E101), G4 (E102), G6 (E103), G7 (E103)\n")
        let closed = try goalbook("goals", "align", "G7", "--none")
        #expect(closed.status == 1 && closed.stderr.hasPrefix("Error: 2026Q4 was closed on "))
    }
}
