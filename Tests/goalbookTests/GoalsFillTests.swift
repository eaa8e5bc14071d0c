import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// `goals fill`, driven through a pipe and through a real terminal.
@Suite struct GoalsFillTests {
    /// A database where E100 has OKR objectives 1 and 2 of 2026Q4, unfilled.
    func setup(_ engine: TestEngine) throws -> (home: URL, db: String, env: [String: String]) {
        let home = try makeTemporaryFolder("goalbook-home")
        let db = try engine.newDatabase(home: home)
        let env = cleanEnvironment(home: home, extra: ["GOALBOOK_DB": db, "NO_COLOR": "1"])
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

    @Test(arguments: TestEngine.available)
    func aPipeAnswersInOrderBadValuesAreAskedAgainAndAllIsWrittenAtTheEnd(engine: TestEngine) throws {
        let (_, db, env) = try setup(engine)
        let before = try anyDatabaseDump(db)
        // KR1 baseline, a bad target, a target in the wrong unit, the target, the date, skip KR2.target, help, a bad date; input ends.
        let input = "12%\n?\nfast\n40 ms\n40%\n2026-12-15\n\n?\n3\n"
        let result = try run(try goalbookBinary(), ["goals", "fill", "--person", "E100", "-p", "2026Q4"], stdin: input, environment: env)
        #expect(result.status == 0)
        #expect(result.stdout == "G1 KR1.baseline: ∅ → 12%\nG1 KR1.target: ∅ → 40%\nG1 KR1.date: ∅ → 2026-12-15\nG1 KR1.direction: ∅ → increase\n")
        #expect(
            result.stderr.contains(
                "G1 KR1.target must be a plain decimal number, then a unit after a space, like 12, 12.5%, 40 ms, 1.5e3 or 3 features; got 'fast'; "
                    + "try again"
            ))
        #expect(result.stderr.contains("G1 KR1 baseline 12% and target 40 ms must agree on the unit (% vs ms); try again"))
        #expect(result.stderr.contains("KR2.date: an ISO date from 2026-10-01 on"))
        #expect(result.stderr.contains("KR1.target: a number in %, the unit this goal uses (e.g. 40%)"), "the baseline just given sets the unit")
        #expect(try anyDatabaseDump(db) != before)
        let log = try run(try goalbookBinary(), ["goals", "log", "G1", "--format", "json"], environment: env)
        #expect(log.stdout.components(separatedBy: "\"command\" : \"goals fill\"").count - 1 == 4)
    }

    @Test(arguments: TestEngine.available)
    func nothingAnsweredWritesNothing(engine: TestEngine) throws {
        let (_, db, env) = try setup(engine)
        let before = try anyDatabaseDump(db)
        let result = try run(try goalbookBinary(), ["goals", "fill", "G2", "--only", "target"], stdin: "\n\n", environment: env)
        #expect(result.stdout == "Nothing was answered; nothing was written.\n")
        #expect(try anyDatabaseDump(db) == before)
    }

    @Test(arguments: TestEngine.available)
    func equalsKeepsLastQuartersValueOfACarriedGoal(engine: TestEngine) throws {
        let (_, _, env) = try setup(engine)
        // G3 continues G1; its KR1 target is emptied, so `=` can bring last quarter's back.
        for args in [
            ["goals", "set", "G1", "baseline=10%", "target=50%", "--item", "KR1"], ["goals", "status", "G1", "active", "--unfilled"],
            ["goals", "carry", "--from", "2026Q4", "--to", "2027Q1", "--early"], ["goals", "set", "G3", "target=", "--item", "KR1"],
        ] {
            #expect(try run(try goalbookBinary(), args, environment: env).status == 0, "\(args)")
        }
        let result = try run(try goalbookBinary(), ["goals", "fill", "G3", "--only", "target"], stdin: "=\n=\n", environment: env)
        #expect(result.stdout == "G3 KR1.target: ∅ → 50%\n")
        #expect(result.stderr.contains("KR2.target: this goal has no value from last quarter"), "G1 never had a KR2 target")
    }

    @Test(arguments: TestEngine.available)
    func aRealTerminalGetsPromptsAndCtrlDAsksBeforeSaving(engine: TestEngine) throws {
        let (_, _, env) = try setup(engine)
        let binary = try goalbookBinary()
        // `script` gives the command a pseudo-terminal; the shell feeds it an answer, Ctrl-D, then "y".
        let feed = "(printf '7\\n'; sleep 0.5; printf '\\004'; sleep 0.5; printf 'y\\n')"
        let result = try run("/bin/sh", ["-c", "\(feed) | script -qec '\(binary) goals fill G2' /dev/null"], environment: env)
        #expect(result.stdout.contains("KR1. From [⟨baseline⟩] to ⟨target⟩ by ⟨date⟩"))
        #expect(result.stdout.contains("KR1.baseline (1 of 5): a number with an optional unit"))
        #expect(result.stdout.contains("Save the 1 answer given so far? [y/N]"))
        #expect(result.stdout.contains("G2 KR1.baseline: ∅ → 7"))
        let show = try run(binary, ["goals", "show", "G2"], environment: env)
        #expect(show.stdout.contains("KR1: baseline 7, target unfilled"))
    }
}
