import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// `goals edit` with scripted editors: an EDITOR that is a small shell script rewriting the file.
@Suite struct GoalsEditTests {
    func setup(_ engine: TestEngine) throws -> (home: URL, db: String, env: [String: String]) {
        let home = try makeTemporaryFolder("goalbook-home")
        let db = try engine.newDatabase(home: home)
        let env = cleanEnvironment(home: home, extra: ["GOALBOOK_DB": db, "NO_COLOR": "1", "GOALBOOK_USER": "mgr"])
        let csv = try writeFile(
            home, "s.csv",
            "id,name,email,manager,family,function,level\nE001,Grace,,,,AI / Machine Learning Engineering,P2\nE100,Ada,,E001,,AI / Machine "
                + "Learning Engineering,P2\n"
        )
        _ = try run(try goalbookBinary(), ["people", "import", csv], environment: env)
        _ = try run(
            try goalbookBinary(), ["goals", "add", "E100", "-p", "2026Q4", "--framework", "okr", "--row", "1", "--row", "2"], environment: env)
        return (home, db, env)
    }

    /// Runs `goals ARGS` at a pseudo-terminal (`script`), answering "y" when asked to reopen the file;
    /// standard output comes back with plain line ends.
    func atTerminal(_ arguments: String, environment: [String: String]) throws -> (status: Int32, stdout: String) {
        let command = "\(try goalbookBinary()) goals \(arguments)"
        let result = try run("/bin/sh", ["-c", "(sleep 2; printf 'y\\n') | script -qec '\(command)' /dev/null"], environment: environment)
        return (result.status, result.stdout.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    /// An editor script in `home`; the edited file is "$1".
    func editor(_ home: URL, _ name: String, _ body: String) throws -> String {
        let path = try writeFile(home, name, "#!/bin/sh\n" + body + "\n")
        chmod(path, 0o755)
        return path
    }

    @Test(arguments: TestEngine.available)
    func aBadFileWithoutATerminalPrintsItsProblemsWritesNothingAndFails(engine: TestEngine) throws {
        let (home, db, env) = try setup(engine)
        let before = try anyDatabaseDump(db)
        // An editor that does not wait, and hands back the same problem every time.
        let script = try editor(home, "bad.sh", "echo opened >> \"\(home.path)/opened.txt\"; sed -i '0,/^KR1.target = /s//KR1.target = fast/' \"$1\"")
        let result = try run(
            try goalbookBinary(), ["goals", "edit", "--person", "E100", "-p", "2026Q4"], environment: env.merging(["EDITOR": script]) { $1 })
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("1 problem in the file:\n  line "))
        #expect(result.stderr.contains(": KR1.target must be a plain decimal number"))
        #expect(result.stderr.hasSuffix("Nothing was written.\n"))
        #expect(try String(contentsOfFile: home.path + "/opened.txt", encoding: .utf8) == "opened\n", "the editor was opened once")
        #expect(try anyDatabaseDump(db) == before)
    }

    @Test(arguments: TestEngine.available)
    func atATerminalABadFileReopensWithItsProblemsWrittenInAndTheTextKept(engine: TestEngine) throws {
        let (home, _, env) = try setup(engine)
        // Round 1: a bad target and a status change; round 2 keeps a copy of what it was shown, then fixes the target.
        let script = try editor(
            home, "ed.sh",
            """
            if grep -q '^# !!' "$1"; then
              cp "$1" "\(home.path)/round2.txt"
              sed -i 's/^KR1.target = fast/KR1.target = 40%/' "$1"
            else
              sed -i '0,/^KR1.baseline = /s//KR1.baseline = 12%/; 0,/^KR1.target = /s//KR1.target = fast/; 0,/^status = draft/s//status = active/' \
              "$1"
            fi
            """)
        let result = try atTerminal("edit --person E100 -p 2026Q4 --unfilled", environment: env.merging(["EDITOR": script]) { $1 })
        #expect(result.status == 0)
        #expect(result.stdout.contains("Open the file again to fix them? [Y/n] "))
        #expect(
            result.stdout.hasSuffix(
                "G1 KR1.baseline: ∅ → 12%\nG1 KR1.target: ∅ → 40%\nG1 KR1.direction: ∅ → increase\nG1 status: draft → active\n"))
        let round2 = try String(contentsOfFile: home.path + "/round2.txt", encoding: .utf8)
        #expect(round2.hasPrefix("# !! Not saved: fix what is marked"))
        #expect(round2.contains("KR1.target = fast\n# !! ^ KR1.target must be a plain decimal number"), "the problem stands under its line")
        #expect(round2.contains("KR1.baseline = 12%"), "the person's text is kept")
        let log = try run(try goalbookBinary(), ["goals", "log", "G1"], environment: env)
        #expect(log.stdout.contains("goals edit"))
    }

    @Test(arguments: TestEngine.available)
    func anUnchangedOrEmptiedFileWritesNothing(engine: TestEngine) throws {
        let (home, db, env) = try setup(engine)
        let before = try anyDatabaseDump(db)
        let unchanged = try run(
            try goalbookBinary(), ["goals", "edit", "G1"], environment: env.merging(["EDITOR": try editor(home, "noop.sh", "true")]) { $1 })
        #expect(unchanged.stdout == "The file is unchanged; nothing was written.\n")
        let emptied = try run(
            try goalbookBinary(), ["goals", "edit", "G1"], environment: env.merging(["VISUAL": try editor(home, "empty.sh", ": > \"$1\"")]) { $1 })
        #expect(emptied.stdout == "The file was emptied; nothing was written.\n")
        #expect(try anyDatabaseDump(db) == before)
    }

    @Test(arguments: TestEngine.available)
    func aGoalChangedBySomeoneElseMeanwhileIsNotSavedAndTheMessageSaysWho(engine: TestEngine) throws {
        let (home, _, env) = try setup(engine)
        let binary = try goalbookBinary()
        // While the file is open, "boss" sets G1's KR1 target; the edit changes G1 and G2.
        let script = try editor(
            home, "race.sh",
            """
            GOALBOOK_USER=boss "\(binary)" goals set G1 target=55% --item KR1 > /dev/null
            sed -i 's/^KR1.target = $/KR1.target = 7/' "$1"
            """)
        let result = try run(binary, ["goals", "edit", "--person", "E100", "-p", "2026Q4"], environment: env.merging(["EDITOR": script]) { $1 })
        #expect(result.status == 1)
        #expect(result.stdout == "G2 KR1.target: ∅ → 7\n")
        #expect(result.stderr.contains("G1 was changed while the file was open (boss set KR1.target ∅ → 55% at "))
        let show = try run(binary, ["goals", "show", "G1"], environment: env)
        #expect(show.stdout.contains("target 55%"), "boss's change stands")
    }

    @Test(arguments: TestEngine.available) func unknownKeysChangedIdsAndMissingHeadersAreErrorsNotGuesses(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        _ = try PeopleService(store).write(
            [
                PersonInput(
                    employeeId: "E1", name: "Ada", email: nil, managerId: nil, family: nil,
                    function: "AI / Machine Learning Engineering", level: "P2")
            ],
            file: "t", mode: .add, actor: "t", command: "t")
        let id = try GoalService(store).add("E1", quarter: Quarter("2026Q4")!, framework: .smart, rows: [1], actor: "t").created[0].goalId
        let goal = try GoalService(store).goal(id)
        let text = GoalEditFile.render([goal])
        #expect(GoalEditFile.parse(text, goals: [goal]).problems.isEmpty)
        let renamed = text.replacingOccurrences(of: "[G\(id)]", with: "[G999]")
        #expect(
            GoalEditFile.parse(renamed, goals: [goal]).problems.map(\.message).contains(
                "G999 was not in this file when it was opened; goal ids cannot be changed"))
        #expect(
            GoalEditFile.parse(renamed, goals: [goal]).problems.map(\.message).contains(
                "the header [G\(id)] is missing: keep every header, or empty the whole file to change nothing"))
        let withNul = text + "note = fine\u{0}hidden\n"
        #expect(
            GoalEditFile.parse(withNul, goals: [goal]).problems
                == [
                    GoalEditFile.Problem(
                        line: text.split(separator: "\n", omittingEmptySubsequences: false).count,
                        message: "the line holds a NUL byte (\\0): remove it")
                ])
        let unknown = text + "priority = 3\n"
        #expect(
            GoalEditFile.parse(unknown, goals: [goal]).problems.first?.message
                == "unknown key 'priority' for G\(id); its keys are baseline, target, date, weight, status, note")
        let headerless = text.replacingOccurrences(of: "[G\(id)]", with: "")
        #expect(GoalEditFile.parse(headerless, goals: [goal]).problems.first?.message.hasPrefix("not a KEY = value line") == true)
    }

    @Test(arguments: TestEngine.available)
    func weightsAreEditedLikeEveryOtherField(engine: TestEngine) throws {
        let (home, _, env) = try setup(engine)
        // G1's own weight and KR2's weight; G2's weight below zero is marked, then set right.
        let script = try editor(
            home, "ed.sh",
            """
            if grep -q '^# !!' "$1"; then
              cp "$1" "\(home.path)/round2.txt"
              sed -i 's/^weight = -4/weight = 40/' "$1"
            else
              sed -i '0,/^KR2.weight = /s//KR2.weight = 2/; 0,/^weight = /s//weight = 60/' "$1"
              sed -i 's/^weight = $/weight = -4/' "$1"
            fi
            """)
        let result = try atTerminal("edit --person E100 -p 2026Q4", environment: env.merging(["EDITOR": script]) { $1 })
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("[Y/n] y\nG1 KR2.weight: ∅ → 2\nG1 weight: ∅ → 60\nG2 weight: ∅ → 40\n"))
        let round2 = try String(contentsOfFile: home.path + "/round2.txt", encoding: .utf8)
        #expect(round2.contains("weight = -4\n# !! ^ the weight of G2 cannot be below 0; got -4\n"))
        let show = try run(try goalbookBinary(), ["goals", "show", "G1"], environment: env).stdout
        #expect(show.contains("\nWeight 60 · key result weights KR2 2.\n"))
    }
}
