import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Canon stays exactly the canon: line breaks kept and never printed as rows of their own, the
/// same ladder under another family, and limits that fail fast.
@Suite struct CanonFidelityTests {
    static let withBreaks = """
        source: ACME
        family: Ops
        functions:
          - name: SRE
            levels:
              - code: L3
                title: Engineer
                responsibilities:
                  - "Keeps the service up.\\n2. Objective-looking fragment"
                  - "Runs incidents.\\r\\nWrites postmortems."
                dimensions:
                  - name: Scope
                    bar: "One service\\u2028and its runbook"

        """

    @Test(arguments: TestEngine.available) func aLineBreakInAStatementIsKeptWarnedOfAndPrintedIndentedUnderItsField(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        let document = try CanonParser.parse(bytes: Array(Self.withBreaks.utf8), fileName: "ops.yaml", format: nil, family: nil)
        #expect(
            document.warnings.map(\.description) == [
                "ops.yaml:9: a statement holds a line break (U+000A line feed): kept as it is; templates print the rest of it indented under its "
                    + "field",
                "ops.yaml:10: a statement holds a line break (U+000A line feed, U+000D carriage return): kept as it is; templates print the rest "
                    + "of it indented under its field",
                "ops.yaml:13: a statement holds a line break (U+2028 line separator): kept as it is; templates print the rest of it indented "
                    + "under its field",
            ])
        _ = try CanonService(store).importCanon([document], actor: "hr")
        let frame = try CanonService(store).frame(function: "SRE", level: "L3")
        #expect(
            frame.statements(.responsibility).map(\.text) == [
                "Keeps the service up.\n2. Objective-looking fragment", "Runs incidents.\r\nWrites postmortems.",
            ],
            "stored byte for byte")
        let okr = TemplateRenderer.printBlock(.okr, for: frame)
        #expect(
            okr == """
                Objective 1: Keeps the service up.
                             2. Objective-looking fragment  [source: ACME responsibility (L3)]
                  KR1. From ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩ — tied to: "Keeps the service up.
                       2. Objective-looking fragment"
                  KR2. Evidence at this level's scope bar: "One service
                       and its runbook" — ⟨target⟩ by ⟨date⟩

                Objective 2: Runs incidents.
                             Writes postmortems.  [source: ACME responsibility (L3)]
                  KR1. From ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩ — tied to: "Runs incidents.
                       Writes postmortems."

                """)
        // No printed line that is not the start of a row or a field begins at the left margin.
        for framework in Framework.allCases {
            for line in TemplateRenderer.printBlock(framework, for: frame).split(separator: "\n") where !line.hasPrefix(" ") {
                #expect(
                    line.hasPrefix("Objective ") || line.first?.isNumber == true || ["Internal process", "Role calibration"].contains(line),
                    "\(framework): \(line)")
            }
        }
        // A goal's key results still find their own lines, so values land where they belong.
        let row = TemplateRenderer.rows(.okr, for: frame)[0]
        #expect(
            row.items.map { "\($0.name) \($0.firstLine)-\($0.lastLine) \($0.slots)" } == [
                "KR1 3-4 [\"baseline\", \"target\", \"date\"]", "KR2 5-6 [\"target\", \"date\"]",
            ])
        _ = try PeopleService(store).write(
            [PersonInput(employeeId: "E1", name: "Ada", email: nil, managerId: nil, family: nil, function: "SRE", level: "L3")],
            file: "t", mode: .add, actor: "hr", command: "people add")
        let id = try GoalService(store).add("E1", quarter: Quarter("2026Q4")!, framework: .okr, rows: [1], actor: "m").created[0].goalId
        _ = try GoalService(store).set(id, [("KR2.target", "5"), ("KR1.baseline", "1"), ("KR1.target", "3")], item: nil, direction: nil, actor: "m")
        #expect(
            try GoalService(store).goal(id).filledText.split(separator: "\n").map(String.init) == [
                "Objective 1: Keeps the service up.", "             2. Objective-looking fragment  [source: ACME responsibility (L3)]",
                "  KR1. From 1 to 3 by ⟨date⟩ — tied to: \"Keeps the service up.", "       2. Objective-looking fragment\"",
                "  KR2. Evidence at this level's scope bar: \"One service", "       and its runbook\" — 5 by ⟨date⟩",
            ])
    }

    @Test(arguments: TestEngine.available) func theSameLadderUnderAnotherFamilyIsAnotherFrameNotANoOp(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        let bytes = try fixtureBytes("seed003-ic2-mle.txt")
        let research = try LadderParser.parse(bytes: bytes, fileName: "ic2.txt", family: "Research")
        let outcome = try CanonService(store).importCanon([research], actor: "hr")
        #expect(outcome.map(\.status) == [.imported] && outcome[0].framesAdded == 1, "the built-in ladder has these bytes under Engineering")
        #expect(try CanonService(store).frame(function: "Machine Learning Engineer", level: "IC2", family: "Research").family == "Research")
        #expect(try CanonService(store).importCanon([research], actor: "hr").map(\.status) == [.unchanged], "and again, it is unchanged")
    }

    @Test func aHugeCanonFileIsRefusedAtOnceNamingTheLimit() throws {
        let folder = try makeTemporaryFolder()
        let path = folder.appendingPathComponent("huge.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(count: CanonFiles.maximumBytes + 1)))
        #expect(
            throws: GoalbookError.badInput([
                InputIssue(
                    file: path, line: nil,
                    message: "the file is 4 MiB: canon files are read up to 4 MiB (a job-architecture file is usually a few KiB); nothing was read")
            ])
        ) {
            _ = try CanonFiles.read([path], format: nil, family: nil, strict: false)
        }
    }

    @Test func aNulByteInAStatementIsRefused() throws {
        let yaml = "source: A\nfamily: F\nfunctions:\n  - name: G\n    levels:\n      - code: L1\n        responsibilities: [\"Cuts\\0here\"]\n"
        #expect(throws: GoalbookError.badInput([InputIssue(file: "f.yaml", line: 7, message: "a statement holds a NUL byte (\\0): remove it")])) {
            _ = try CanonParser.parse(bytes: Array(yaml.utf8), fileName: "f.yaml", format: nil, family: nil)
        }
    }
}
