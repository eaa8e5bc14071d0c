import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// The bad-input corpus (Tests/goalbookTests/Fixtures/bad-input) and bad values: every case ends in
/// a clear message, a non-zero exit and an unchanged database, and none crashes.
@Suite struct BadInputTests {
    struct Setup {
        let home: URL
        let db: String
        func callAsFunction(_ arguments: [String]) throws -> CommandResult {
            try run(try goalbookBinary(), arguments + ["--db", db], environment: cleanEnvironment(home: home))
        }
    }

    /// A database with a small team and one filled, active goal G1 of this quarter.
    func setup(_ engine: TestEngine) throws -> Setup {
        let home = try makeTemporaryFolder("goalbook-home")
        let s = Setup(home: home, db: try engine.newDatabase(home: home))
        let csv = try writeFile(
            home, "staff.csv",
            "id,name,email,manager,family,function,level\nE001,Grace,,,,AI / Machine Learning Engineering,P2\nE100,Ada,,E001,,AI / Machine "
                + "Learning Engineering,P2\n"
        )
        _ = try s(["people", "import", csv])
        _ = try s(["goals", "add", "E100", "-p", "this quarter", "--framework", "smart", "--row", "1"])
        _ = try s(["goals", "set", "G1", "baseline=10%", "target=40%"])
        _ = try s(["goals", "status", "G1", "active", "--unfilled"])
        return s
    }

    /// Runs a refused command and checks the outcome every refusal must have.
    /// Exit 1 for refused input; 64 (EX_USAGE) where the argument parser refuses a malformed argument.
    func expectRefused(
        _ s: Setup, _ arguments: [String], mentioning: String, status: Int32 = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try anyDatabaseDump(s.db)
        let result = try s(arguments)
        #expect(result.status == status, "\(arguments): exit \(result.status)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("Error: "), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(mentioning), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
        #expect(try anyDatabaseDump(s.db) == before, "\(arguments) changed the database", sourceLocation: sourceLocation)
    }

    static let corpus: [(file: String, mentions: String)] = [
        ("wrong-columns.csv", "the header has no column email, family"),
        ("bad-quoting.csv", ":2: a quoted field is never closed"),
        ("bom-crlf-unknown-frame.csv", ":2: unknown job frame: function 'Astrology'"),
        ("invalid-utf8.csv", ":2: not valid UTF-8"),
        ("manager-cycle.csv", "manager cycle: E2 → E3 → E2"),
        ("unknown-manager.csv", ":2: unknown manager E9"),
        ("duplicate-id.csv", ":3: duplicate id E1 (first at line 2)"),
        ("missing-id.csv", ":2: missing id"),
        ("nul-in-name.csv", ":2: the name field holds a NUL byte (\\0): remove it"),
        ("empty.csv", ":1: the file is empty"),
        ("broken.yaml", "YAML syntax error"),
        ("wrong-shape.yaml", ":7:27: responsibilities of level L1 must be a list"),
        ("empty-statement.yaml", ":7:28: a responsibility of level L1 is empty"),
        ("alias-loop.yaml", ":3:16: YAML syntax error: found undefined alias"),
        ("not-a-ladder.txt", "cannot tell the canon format"),
        ("ladder-behaviour-first.txt", ":4: a behaviour before any responsibility"),
        ("ladder-unterminated.txt", ":5: unterminated cell at the end"),
    ]

    @Test(arguments: TestEngine.available, corpus)
    func everyFileOfTheCorpusIsRefusedCleanly(engine: TestEngine, bad: (file: String, mentions: String)) throws {
        let (file, mentions) = bad
        let s = try setup(engine)
        let path = fixtureURL("bad-input/\(file)", target: "goalbookTests").path
        let command = file.hasSuffix(".csv") ? ["people", "import", path] : ["canon", "import", "--family", "Eng", path]
        try expectRefused(s, command, mentioning: mentions)
    }

    @Test(arguments: TestEngine.available) func anEmptyNameOrIdIsRefusedNamingTheArgument(engine: TestEngine) throws {
        let s = try setup(engine)
        let before = try anyDatabaseDump(s.db)
        for (arguments, message) in [
            (["E94", "--name", ""], "Error: --name cannot be empty"), (["E94", "--name", " \t"], "Error: --name cannot be empty"),
            (["", "--name", "Ada"], "Error: The employee id cannot be empty."),
        ] {
            let result = try s(["people", "add"] + arguments + ["--function", "AI / Machine Learning Engineering", "--level", "P2"])
            #expect(result.status == 64 && result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        }
        #expect(try anyDatabaseDump(s.db) == before)
    }

    @Test(arguments: TestEngine.available) func hugeAndDeeplyNestedFilesAreRefusedWithoutCrashing(engine: TestEngine) throws {
        let s = try setup(engine)
        let header = "id,name,email,manager,family,function,level\n"
        let huge = try writeFile(
            s.home, "huge-field.csv", header + "E9," + String(repeating: "x", count: 10 * 1024 * 1024) + ",,,,AI / Machine Learning Engineering,P2\n")
        try expectRefused(s, ["people", "import", huge], mentioning: ":2: a field longer than 4096 bytes")
        let deep = try writeFile(s.home, "deep.yaml", "source: X\nfamily: F\nfunctions: " + String(repeating: "[", count: 100_000) + "\n")
        try expectRefused(s, ["canon", "import", deep], mentioning: ":3: nested more than 64 levels deep")
        let wide = try writeFile(s.home, "wide.yaml", "source: X\nfamily: F\nfunctions:\n" + String(repeating: " ", count: 5000) + "- name: F\n")
        try expectRefused(s, ["canon", "import", wide], mentioning: ":4: nested more than 64 levels deep")
        let bigLadder = try writeFile(
            s.home, "big.txt",
            "IC9 Engineer\nWork\nResponsibility | Key Behaviors |\n" + String(repeating: "- a behaviour with no responsibility\n", count: 100_000))
        try expectRefused(s, ["canon", "import", "--family", "Eng", bigLadder], mentioning: ":4: a behaviour before any responsibility")
    }

    @Test(arguments: TestEngine.available) func badValuesAreRefusedCleanly(engine: TestEngine) throws {
        let s = try setup(engine)
        let cases: [([String], String, Int32)] = [
            (["goals", "set", "G1", "target=NaN"], "target must be a plain decimal number", 1),
            (["goals", "set", "G1", "target=1e309"], "target '1e309' is too large", 1),
            (["goals", "set", "G1", "target=--5"], "target must be a plain decimal number", 1),
            (
                ["goals", "set", "G1", "target=0x10"],
                "target must be a plain decimal number, then a unit after a space, like 12, 12.5%, 40 ms, 1.5e3 or 3 features; got '0x10'", 1
            ),
            (["goals", "set", "G1", "baseline=1_000"], "baseline must be a plain decimal number", 1),
            (["goals", "set", "G1", "target=1e"], "got '1e'", 1),
            (["checkin", "G1", "0x1A%"], "must be a plain decimal number", 1),
            (["goals", "set", "G1", "target=40 ms"], "must agree on the unit (% vs ms)", 1),
            (["goals", "set", "G1", "date=2026-02-30"], "date must be an ISO date", 1),
            (["goals", "set", "G1", "date=1999-01-01"], "is before", 1),
            (["checkin", "G1", "5 ms"], "not in the goal's unit (%)", 1),
            (["checkin", "G1", "5%", "--date", "2999-01-01"], "cannot be dated in the future", 1),
            (["checkin", "G1", "5%", "--date", "2026-13-01"], "is not a date", 64),
            (["checkin", "G404", "5%"], "goal G404 not found", 1),
            (["checkin", "G1", "5%", "--corrects", "C999"], "check-in C999 of G1 not found", 1),
            (["goals", "show", "G0"], "is not a goal id", 64),
            (["people", "show", "E404"], "person E404 not found", 1),
            (["people", "set", "E100", "level=P9"], "unknown level 'P9'", 1),
            (["goals", "assign", "--team", "E404", "-p", "this quarter", "--framework", "okr", "--all"], "person E404 not found", 1),
            (["report", "--team", "E404"], "person E404 not found", 1),
            (["goals", "set", "G1", "owner=E404"], "person E404 not found", 1),
        ]
        for (arguments, mention, status) in cases { try expectRefused(s, arguments, mentioning: mention, status: status) }
    }

    @Test(arguments: TestEngine.available) func sqlInNamesAndNotesIsStoredAsTextAndHarmsNothing(engine: TestEngine) throws {
        let s = try setup(engine)
        let name = "Robert'); DROP TABLE person; --"
        #expect(
            try s(["people", "add", "E200", "--name", name, "--manager", "E001", "--function", "AI / Machine Learning Engineering", "--level", "P2"])
                .status == 0)
        #expect(try s(["checkin", "G1", "20%", "--note", "'; DELETE FROM history; --"]).status == 0)
        let stored = try s(["sql", "SELECT name FROM person WHERE employee_id = 'E200'", "--format", "csv"])
        #expect(stored.stdout == "name\n\"Robert'); DROP TABLE person; --\"\n" || stored.stdout == "name\nRobert'); DROP TABLE person; --\n")
        #expect(try s(["sql", "SELECT count(*) AS n FROM history WHERE goal_id = 1", "--format", "csv"]).stdout == "n\n5\n", "nothing deleted")
        #expect(try s(["people", "list"]).stdout.contains("E200"), "the person table is there")
        if engine == .sqlite { #expect(try s(["check"]).status == 0) }
    }

    @Test(arguments: TestEngine.available) func aGoodFileWithABOMAndWindowsLineEndsImports(engine: TestEngine) throws {
        let s = try setup(engine)
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("id,name,email,manager,family,function,level\r\nE300,Zoë,,E001,,Machine Learning Engineer,IC2\r\n".utf8)
        let path = s.home.appendingPathComponent("bom.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try s(["people", "import", path])
        #expect(result.status == 0)
        #expect(try s(["people", "show", "E300"]).stdout.hasPrefix("E300  Zoë\n"))
    }
}

/// An id typed as é (one code point) or as e and a combining accent is one person everywhere.
@Suite struct EmployeeIDNormalizationTests {
    @Test(arguments: TestEngine.available) func anIdIsTheSamePersonInEitherUnicodeFormInEveryCommand(engine: TestEngine) throws {
        let home = try makeTemporaryFolder("goalbook-nfc")
        let db = try engine.newDatabase(home: home)
        func goalbook(_ arguments: [String]) throws -> CommandResult {
            try run(try goalbookBinary(), arguments + ["--db", db], environment: cleanEnvironment(home: home))
        }
        let composed = "R\u{E9}MI"
        let decomposed = "Re\u{301}MI"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let added = try goalbook(["people", "add", decomposed, "--name", "Rémi", "--function", "AI / Machine Learning Engineering", "--level", "P2"])
        #expect(added.status == 0, "\(added.stderr)")
        let again = try goalbook(["people", "add", composed, "--name", "Rémi", "--function", "AI / Machine Learning Engineering", "--level", "P2"])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        for form in [composed, decomposed] {
            #expect(try goalbook(["people", "show", form]).status == 0, "show \(form.unicodeScalars.count) scalars")
            #expect(try goalbook(["people", "set", form, "email=r@example.com"]).status == 0)
            #expect(try goalbook(["report", "--person", form]).status == 0)
        }
        #expect(try goalbook(["goals", "add", decomposed, "-p", "this quarter", "--framework", "smart", "--row", "1"]).status == 0)
        // Stored once, in NFC.
        let hex = engine == .sqlite ? "hex(employee_id)" : "upper(encode(convert_to(employee_id, 'UTF8'), 'hex'))"
        #expect(try shellQuery("SELECT \(hex) FROM person", on: db) == "52C3A94D49\n", "R, é as one code point (C3 A9), M, I")
    }
}

/// A `scheme://` location is never taken for a file path.
@Suite struct DatabaseURLTests {
    @Test func aDatabaseURLIsNeverTakenForAPathAndItsPasswordIsNeverShown() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let commands = [["goals", "list"], ["init"], ["demo"], ["backup", "b.db"]]
        for (location, mentions) in [
            ("postgresql://alice:s3cret@localhost/org", "postgresql://alice:***@localhost/org has a password in it; give it in $PGPASSWORD"),
            ("postgres://localhost/org?password=s3cret", "postgres://localhost/org?password=*** has a password in it"),
            ("sqlite://org.db", "'sqlite://' is no scheme it knows"),
        ] {
            for arguments in commands {
                let result = try run(try goalbookBinary(), arguments + ["--db", location], environment: cleanEnvironment(home: home), in: home)
                #expect(result.status == 1, "\(arguments)")
                #expect(result.stderr.contains(mentions) && !result.stderr.contains("s3cret"), "\(arguments): \(result.stderr)")
            }
            var environment = cleanEnvironment(home: home)
            environment["GOALBOOK_DB"] = location
            #expect(try run(try goalbookBinary(), ["people", "list"], environment: environment, in: home).status == 1)
        }
        // A server that does not answer: a clear error naming it, and nothing made on disk.
        let unreachable = "postgresql://nobody@127.0.0.1:1/org?connect_timeout=5"
        let result = try run(try goalbookBinary(), ["init", "--db", unreachable], environment: cleanEnvironment(home: home), in: home)
        #expect(result.status == 1 && result.stderr.contains("cannot open") && result.stderr.contains("127.0.0.1"), "\(result.stderr)")
        let demo = try run(try goalbookBinary(), ["demo", "--db", unreachable], environment: cleanEnvironment(home: home), in: home)
        #expect(demo.status == 1 && demo.stderr.contains("cannot open") && demo.stderr.contains("127.0.0.1"), "\(demo.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty, "nothing made on disk")
    }
}
