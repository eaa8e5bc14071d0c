import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// `goalbook init`, `canon …` and `templates print`, run as a user runs them.
@Suite struct CanonCommandTests {
    let function = "AI / Machine Learning Engineering"

    /// A fresh home folder and the database path under it.
    func freshHome() throws -> (home: URL, db: String) {
        let home = try makeTemporaryFolder("goalbook-home")
        return (home, home.appendingPathComponent("goalbook.db").path)
    }

    /// A fresh home folder and a new database on `engine`: a path under the home, or a URL.
    func freshHome(_ engine: TestEngine) throws -> (home: URL, db: String) {
        let home = try makeTemporaryFolder("goalbook-home")
        return (home, try engine.newDatabase(home: home))
    }

    @Test func initCreatesTheDatabaseUnderXDGDataAndSaysWhere() throws {
        let (home, _) = try freshHome()
        let result = try run(try goalbookBinary(), ["init"], environment: cleanEnvironment(home: home))
        let expectedPath = home.path + "/.local/share/goalbook/goalbook.db"
        #expect(result.status == 0)
        #expect(result.stdout == "Created \(expectedPath) (schema version \(SQLiteEngine.schemaVersion)) with the built-in canon.\n")
        #expect(result.stderr == "")
        #expect(FileManager.default.fileExists(atPath: expectedPath))
        let again = try run(try goalbookBinary(), ["init"], environment: cleanEnvironment(home: home))
        #expect(again.stdout == "\(expectedPath) is up to date (schema version \(SQLiteEngine.schemaVersion)).\n")
    }

    @Test(arguments: TestEngine.available, Framework.allCases)
    func templatesPrintMatchesTheSeedBlock(engine: TestEngine, framework: Framework) throws {
        let (home, db) = try freshHome(engine)
        let result = try run(
            try goalbookBinary(), ["templates", "print", "--db", db, "--function", function, "--level", "P2", "--framework", framework.rawValue],
            environment: cleanEnvironment(home: home))
        #expect(result.status == 0)
        #expect(result.stdoutBytes == (try fixtureBytes("seed000-\(framework.rawValue).txt")))
    }

    /// `--person` prints that person's frame: the same bytes as naming it, in every format.
    @Test(arguments: TestEngine.available) func templatesOfAPersonsFrame(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        func goalbook(_ arguments: [String]) throws -> CommandResult {
            try run(try goalbookBinary(), arguments + ["--db", db], environment: cleanEnvironment(home: home))
        }
        let added = try goalbook(["people", "add", "E100", "--name", "Lin", "--function", "Machine Learning Engineer", "--level", "IC2"])
        #expect(added.status == 0, "\(added.stderr)")
        for format in ["text", "json", "html"] {
            let byPerson = try goalbook(["templates", "print", "--person", "E100", "--format", format])
            let named = try goalbook(["templates", "print", "--function", "Machine Learning Engineer", "--level", "IC2", "--format", format])
            #expect(byPerson.status == 0 && !byPerson.stdoutBytes.isEmpty && byPerson.stdoutBytes == named.stdoutBytes, "\(format)")
        }
        #expect(
            try goalbook(["templates", "print", "--person", "E100", "--framework", "okr"]).stdoutBytes
                == (try fixtureBytes("ladder-ic2-okr.txt", target: "GoalbookCoreTests")))
        let missing = try goalbook(["templates", "print", "--person", "E404"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("Error: person E404 not found"), "\(missing.stderr)")
        let both = try goalbook(["templates", "print", "--person", "E100", "--level", "IC2"])
        #expect(both.status == 64 && both.stderr.hasPrefix("Error: Use --person, or --function and --level, not both."))
        let neither = try goalbook(["canon", "show"])
        #expect(neither.status == 64 && neither.stderr.hasPrefix("Error: Name the frame with --function and --level, or give --person."))
    }

    @Test(arguments: TestEngine.available) func theTemplatePageIsWrittenToAFileOrStandardOutput(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        let page = home.appendingPathComponent("p2.html").path
        let arguments = ["templates", "print", "--db", db, "--function", function, "--level", "P2", "--format", "html"]
        let written = try run(try goalbookBinary(), arguments + ["-o", page], environment: cleanEnvironment(home: home))
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(written.stderr == "Wrote the templates of Data Science & Analytics · AI / Machine Learning Engineering · P2 (html) to \(page).\n")
        let printed = try run(try goalbookBinary(), arguments, environment: cleanEnvironment(home: home))
        #expect(Array(printed.stdout.utf8) == Array(try Data(contentsOf: URL(fileURLWithPath: page))))
        #expect(printed.stdout.hasPrefix("<!DOCTYPE html>") && printed.stdout.contains("<h2>Scorecard</h2>"))
        let okr = try run(try goalbookBinary(), arguments + ["--framework", "okr"], environment: cleanEnvironment(home: home))
        #expect(okr.stdout.contains("<h2>OKRs</h2>") && !okr.stdout.contains("<h2>SMART goals</h2>"))
        #expect(!FileManager.default.fileExists(atPath: page + ".partial"))
    }

    @Test func aCopiedBinaryWorksFromAnotherFolderWithAnEmptyHome() throws {
        let (home, _) = try freshHome()
        let elsewhere = try makeTemporaryFolder("goalbook-elsewhere")
        let copy = elsewhere.appendingPathComponent("goalbook").path
        try FileManager.default.copyItem(atPath: try goalbookBinary(), toPath: copy)
        let workdir = try makeTemporaryFolder("goalbook-cwd")
        let result = try run(
            copy, ["templates", "print", "--function", function, "--level", "P2", "--framework", "scorecard"],
            environment: cleanEnvironment(home: home), in: workdir)
        #expect(result.status == 0)
        #expect(result.stdoutBytes == (try fixtureBytes("seed000-scorecard.txt")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workdir.path).isEmpty, "nothing is written to the current folder")
    }

    @Test(arguments: TestEngine.available) func canonListShowsTheBuiltInFrames(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        let result = try run(try goalbookBinary(), ["canon", "list", "--db", db], environment: cleanEnvironment(home: home))
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                FAMILY                   FUNCTION                          LEVEL TITLE                   RESP DIMS RUBRICS CANON
                Data Science & Analytics AI / Machine Learning Engineering P2    Developing Professional    5    6       2 v1 JFM
                Engineering              Machine Learning Engineer         IC2   -                         39    5       0 v2 Ladder

                """)
    }

    @Test(arguments: TestEngine.available) func canonShowPrintsEveryStatementVerbatim(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        let result = try run(
            try goalbookBinary(), ["canon", "show", "--db", db, "--function", function, "--level", "P2"],
            environment: cleanEnvironment(home: home))
        #expect(result.status == 0)
        #expect(result.stdoutBytes == (try fixtureBytes("canon-show-p2.txt", target: "goalbookTests")))
    }

    @Test(arguments: TestEngine.available) func unknownFunctionIsAnErrorWithCloseMatches(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        let result = try run(
            try goalbookBinary(), ["templates", "print", "--db", db, "--function", "AI / ML Engineering", "--level", "P2"],
            environment: cleanEnvironment(home: home))
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                Error: function 'AI / ML Engineering' not found; did you mean:
                  --function "AI / Machine Learning Engineering" --level P2

                """)
    }

    @Test(arguments: TestEngine.available) func importingABadCanonFileFailsWithFileAndLineAndChangesNothing(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        _ = try run(try goalbookBinary(), ["init", "--db", db], environment: cleanEnvironment(home: home))
        let before = try anyDatabaseDump(db)
        let folder = try makeTemporaryFolder()
        let good = try writeFile(folder, "good.yaml", "source: X\nfamily: Y\nfunctions:\n  - name: Z\n    levels:\n      - code: L1\n")
        let bad = try writeFile(
            folder, "bad.yaml", "source: X\nfamily: Y\nfunctions:\n  - name: Z\n    levels:\n      - code: L1\n        responsibilities: [\"\"]\n")
        let result = try run(try goalbookBinary(), ["canon", "import", "--db", db, good, bad], environment: cleanEnvironment(home: home))
        #expect(result.status == 1)
        #expect(result.stderr == "Error: \(bad):7:28: a responsibility of level L1 is empty\nnothing was written\n")
        #expect(try anyDatabaseDump(db) == before)
    }

    @Test(arguments: TestEngine.available) func importingTwiceSaysUnchangedTheSecondTime(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        let folder = try makeTemporaryFolder()
        let file = try writeFile(
            folder, "c.yaml", "source: X\nfamily: Y\nfunctions:\n  - name: Z\n    levels:\n      - code: L1\n        responsibilities: [Does.]\n")
        let first = try run(try goalbookBinary(), ["canon", "import", "--db", db, file], environment: cleanEnvironment(home: home))
        #expect(first.status == 0)
        #expect(first.stdout == "\(file): imported as canon version 3: 1 new, 0 changed, 0 unchanged frames\n")
        let second = try run(try goalbookBinary(), ["canon", "import", "--db", db, file], environment: cleanEnvironment(home: home))
        #expect(second.stdout == "\(file): unchanged, identical to canon version 3; nothing imported\n")
    }

    @Test func aNewerDatabaseIsRefusedThroughTheBinary() throws {
        let (home, db) = try freshHome()
        _ = try run(try goalbookBinary(), ["init", "--db", db], environment: cleanEnvironment(home: home))
        _ = try run("/usr/bin/sqlite3", [db, "PRAGMA user_version = 77"])
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let result = try run(try goalbookBinary(), ["canon", "list", "--db", db], environment: cleanEnvironment(home: home))
        #expect(result.status == 1)
        #expect(result.stderr.contains("was made by a newer Goalbook (schema version 77"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func versionAndHelpWork() throws {
        let version = try run(try goalbookBinary(), ["--version"])
        #expect(version.stdout == "\(GoalbookVersion.string)\n")
        for command in [["--help"], ["canon", "import", "--help"], ["templates", "print", "--help"], ["init", "--help"]] {
            let help = try run(try goalbookBinary(), command)
            #expect(help.status == 0)
            #expect(help.stdout.hasPrefix("OVERVIEW: "))
        }
    }

    // MARK: - Ladders

    static let ladder =
        "L4 Platform Engineer\nI run the platform.\nScope What I own |\n- The cluster.\n|\nRun\nResponsibility | Key Behaviors |\nUptime | - I "
        + "keep it |up\n|\n"

    @Test(arguments: TestEngine.available) func aLadderImportsWithItsFamilyAndWarnsOfArtefacts(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        let folder = try makeTemporaryFolder()
        let file = try writeFile(folder, "platform.txt", Self.ladder)
        let result = try run(
            try goalbookBinary(), ["canon", "import", "--db", db, "--format", "ladder", "--family", "Infra", file],
            environment: cleanEnvironment(home: home))
        #expect(result.status == 0)
        #expect(result.stderr == "warning: \(file):8:22: stray '|' inside a statement, kept as it is\n")
        let shown = try run(
            try goalbookBinary(), ["templates", "print", "--db", db, "--function", "Platform Engineer", "--level", "L4", "--framework", "okr"],
            environment: cleanEnvironment(home: home))
        #expect(
            shown.stdout == """
                Objective 1: I keep it |up  [source: Run › Uptime (L4)]
                  KR1. From ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩ — tied to: "I keep it |up"
                  KR2. Evidence at this level's scope bar: "The cluster." — ⟨target⟩ by ⟨date⟩

                """)
    }

    @Test(arguments: TestEngine.available) func aLadderWithoutFamilyOrUnderStrictIsRefusedAndChangesNothing(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        _ = try run(try goalbookBinary(), ["init", "--db", db], environment: cleanEnvironment(home: home))
        let before = try anyDatabaseDump(db)
        let folder = try makeTemporaryFolder()
        let file = try writeFile(folder, "platform.txt", Self.ladder)
        let noFamily = try run(try goalbookBinary(), ["canon", "import", "--db", db, file], environment: cleanEnvironment(home: home))
        #expect(noFamily.status == 1)
        #expect(noFamily.stderr == "Error: \(file): a career ladder does not name its family: give it with --family\nnothing was written\n")
        let strict = try run(
            try goalbookBinary(), ["canon", "import", "--db", db, "--family", "Infra", "--strict", file],
            environment: cleanEnvironment(home: home))
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("\(file):8:22: stray '|' inside a statement, kept as it is (an error under --strict)"))
        let broken = try writeFile(folder, "broken.txt", "L4 Platform Engineer\nRun\nResponsibility | Key Behaviors |\nUptime | - I keep it up\n")
        let unterminated = try run(
            try goalbookBinary(), ["canon", "import", "--db", db, "--family", "Infra", broken],
            environment: cleanEnvironment(home: home))
        #expect(unterminated.status == 1)
        #expect(
            unterminated.stderr == "Error: \(broken):4: unterminated cell at the end: the cell of 'Uptime' has no closing '|'\nnothing was written\n")
        #expect(try anyDatabaseDump(db) == before)
    }

    @Test(arguments: TestEngine.available) func aFileOfNoKnownFormatSaysWhichFormatsExist(engine: TestEngine) throws {
        let (home, db) = try freshHome(engine)
        let file = try writeFile(try makeTemporaryFolder(), "notes.txt", "just some notes\n")
        let result = try run(try goalbookBinary(), ["canon", "import", "--db", db, file], environment: cleanEnvironment(home: home))
        #expect(result.status == 1)
        #expect(result.stderr.contains("--format yaml (job-frame YAML, a .yaml or .yml file) or --format ladder"))
    }
}
