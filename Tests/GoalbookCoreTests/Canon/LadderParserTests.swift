import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Career-ladder documents: seed 003 and ladders of the same form written here.
@Suite struct LadderParserTests {
    func parse(_ text: String, family: String? = "Eng", file: String = "l.txt") throws -> CanonDocument {
        try LadderParser.parse(bytes: Array(text.utf8), fileName: file, family: family)
    }

    func problems(_ text: String, family: String? = "Eng") -> [String] {
        do {
            _ = try parse(text, family: family)
            return []
        } catch GoalbookError.badInput(let issues) {
            return issues.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    func seed() throws -> CanonDocument {
        try LadderParser.parse(bytes: fixtureBytes("seed003-ic2-mle.txt"), fileName: "seed003.txt", family: "Engineering")
    }

    // MARK: - Seed 003

    @Test func seedMapsOntoOneFrameWithFiveAreasAndFourteenResponsibilities() throws {
        let document = try seed()
        #expect(document.format == .ladder)
        let frame = try #require(document.frames.first)
        #expect(document.frames.count == 1)
        #expect((frame.family, frame.function, frame.levelCode) == ("Engineering", "Machine Learning Engineer", "IC2"))
        #expect(frame.levelTitle == nil)
        let behaviours = frame.statements.filter { $0.kind == .responsibility }
        var order: [String] = []
        var counts: [String: Int] = [:]
        for b in behaviours {
            let key = "\(b.area ?? "") › \(b.name ?? "")"
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        #expect(Set(behaviours.compactMap(\.area)).count == 5)
        #expect(
            order == [
                "Results › Impact", "Results › Ownership", "Results › Decision Making", "Direction › Agility", "Direction › Innovation",
                "Talent › Personal growth", "Talent › Hiring", "Talent › Talent Development", "Culture › Collaboration",
                "Culture › Organizational Health", "Culture › Communication", "Craft › ML Fluency", "Craft › ML Design", "Craft › Code Fluency",
            ])
        #expect(order.map { counts[$0]! } == [4, 4, 1, 2, 2, 3, 2, 3, 2, 3, 3, 3, 3, 4])
        #expect(behaviours.first?.sourceLabel == "Results › Impact (IC2)")
        #expect(behaviours.first { $0.text.hasPrefix("I’m open") }?.line == 26)
    }

    @Test func seedSummaryTableBecomesDimensionBarsWithDescriptions() throws {
        let frame = try #require(try seed().frames.first)
        let bars = frame.statements.filter { $0.kind == .dimension }
        #expect(bars.map(\.name) == ["Scope", "Scope", "Collaborative Reach", "Impact Levers", "Impact Levers"])
        #expect(
            bars.map(\.description) == [
                "Area of ownership and level of autonomy / ambiguity", "Area of ownership and level of autonomy / ambiguity",
                "Organizational reach and extent of influence",
                "Technical levers typically exercised to achieve business impact", "Technical levers typically exercised to achieve business impact",
            ])
        #expect(bars[1].text == "I independently define the right solutions or use |existing approaches to solve defined problems.")
        #expect(bars[3].text == "Craft - I am increasingly mastering my craft and leverage it for higher impact (e.g. software design)")
        #expect(bars.map(\.line) == [4, 5, 6, 7, 8])
    }

    @Test func seedStrayBarIsKeptAndWarnedWithLineAndColumn() throws {
        #expect(try seed().warnings.map(\.description) == ["seed003.txt:5:53: stray '|' inside a statement, kept as it is"])
    }

    @Test func seedSummaryParagraphFootnoteAndTitlesAreKept() throws {
        let statements = try #require(try seed().frames.first).statements
        func texts(_ kind: StatementKind) -> [String] { statements.filter { $0.kind == kind }.map(\.text) }
        #expect(
            texts(.summary) == ["I am prolific at delivering resilient and sustainable software projects from design to implementation and rollout"])
        #expect(texts(.title) == ["IC2 Machine Learning Engineer", "IC2 Machine Learning Engineer"])
        #expect(texts(.paragraph).count == 1)
        #expect(statements.first { $0.kind == .paragraph }?.area == "Craft")
        #expect(texts(.footnote).first?.hasPrefix("* ML development lifecycle refers to") == true)
    }

    /// Every line of the document, less its structural markers, is found verbatim among what was
    /// stored: a statement's text, an area, a responsibility name, or a dimension's name and description.
    @Test func noTextOfTheSeedIsLost() throws {
        let statements = try #require(try seed().frames.first).statements
        var stored = Set(statements.map(\.text))
        stored.formUnion(statements.compactMap(\.area))
        stored.formUnion(statements.compactMap(\.name))
        stored.formUnion(statements.compactMap { s in s.description.map { "\(s.name ?? "") \($0)" } })
        stored.insert("Responsibility")
        stored.insert("Key Behaviors")
        let text = try fixtureText("seed003-ic2-mle.txt")
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Structural markers: `|` at a line's start or end, a leading `- `, a `Name | ` prefix, header cells.
            var body = Substring(line)
            if body.hasPrefix("| ") { body = body.dropFirst(2) } else if body == "|" { continue }
            if body.hasSuffix(" |") { body = body.dropLast(2) }
            var pieces: [Substring]
            if number == 2 || number == 10 || body.hasPrefix("Responsibility | ") {
                pieces = body.components(separatedBy: " | ").map { Substring($0) }
            } else if let range = body.range(of: " | - "), !body.hasPrefix("- ") {
                pieces = [body[..<range.lowerBound], body[range.upperBound...]]
            } else {
                pieces = [body.hasPrefix("- ") ? body.dropFirst(2) : body]
            }
            for piece in pieces where !piece.isEmpty {
                #expect(stored.contains(String(piece)), "line \(number + 1): '\(piece)' was not stored")
            }
        }
    }

    @Test(arguments: TestEngine.available, Framework.allCases)
    func seedTemplatesMatchTheirGoldens(engine: TestEngine, framework: Framework) throws {
        let (store, _) = try makeStore(on: engine)
        let frame = try CanonService(store).frame(function: "Machine Learning Engineer", level: "IC2", family: "Engineering")
        let mismatch = try goldenMismatch(TemplateRenderer.printBlock(framework, for: frame), fixture: "ladder-ic2-\(framework.rawValue).txt")
        #expect(mismatch == nil)
    }

    @Test func theBuiltInLadderIsSeed003ByteForByte() throws {
        let builtIn = try #require(Resources.builtInCanon.first { $0.name == "ic2-machine-learning-engineer.txt" })
        #expect(Array(builtIn.bytes) == (try fixtureBytes("seed003-ic2-mle.txt")))
        for file in Resources.builtInCanon where file.name.hasSuffix(".txt") {
            #expect(Resources.builtInLadderFamilies[file.name] != nil, "built-in ladder \(file.name) has no family")
        }
    }

    // MARK: - Ladders of the same form, other shapes

    static let twoColumns = """
        L3 Data Engineer
        I keep pipelines flowing.
        Scope Where I work | Technical Skills Depth of expertise |
        - Own a pipeline.
        | - SQL “window” functions
        - Streaming — at least once |
        Delivery
        Responsibility | Key Behaviours |
        Pipelines | - I ship pipelines on time.
        - I write runbooks
        |
        On-call | - I take my turn. |
        Growth
        I learn continuously.
        I teach what I learn.
        Responsibility | Key Behaviours |
        Learning | - I read papers
        |

        """

    @Test func aLadderWithOtherColumnsAreasAndParagraphsImports() throws {
        let document = try parse(Self.twoColumns)
        #expect(document.warnings == [])
        let frame = try #require(document.frames.first)
        #expect((frame.function, frame.levelCode) == ("Data Engineer", "L3"))
        let dims = frame.statements.filter { $0.kind == .dimension }
        #expect(
            dims.map { "\($0.name!)|\($0.description ?? "-")|\($0.text)" } == [
                "Scope|Where I work|Own a pipeline.",
                "Technical Skills|Depth of expertise|SQL “window” functions",
                "Technical Skills|Depth of expertise|Streaming — at least once",
            ])
        let behaviours = frame.statements.filter { $0.kind == .responsibility }
        #expect(
            behaviours.map { "\($0.sourceLabel): \($0.text)" } == [
                "Delivery › Pipelines (L3): I ship pipelines on time.",
                "Delivery › Pipelines (L3): I write runbooks",
                "Delivery › On-call (L3): I take my turn.",
                "Growth › Learning (L3): I read papers",
            ])
        #expect(frame.statements.filter { $0.kind == .paragraph }.map(\.text) == ["I learn continuously.", "I teach what I learn."])
    }

    @Test func windowsLineEndsAreStructureNotText() throws {
        let crlf = Self.twoColumns.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try parse(crlf).frames == (try parse(Self.twoColumns)).frames)
    }

    @Test func aLadderWithoutSummaryOrSummaryTableHasNoDimensions() throws {
        let document = try parse("E5 Staff Engineer\nImpact\nResponsibility | Key Behaviors |\nReach | - I lead.\n|\n")
        let frame = try #require(document.frames.first)
        #expect(frame.statements.map(\.kind) == [.title, .responsibility])
    }

    @Test func artefactsAreKeptAndWarned() throws {
        let text = """
            E1 Engineer
            Scope What I own | Reach Who I touch |
            - Small things.
            |
            |
            Work
            Responsibility | Key Behaviors |
            Build | - I build.
            -
            - I test | sometimes
            |
            Empty |
            |
            Review | - I review |
            """
        let document = try parse(text)
        #expect(
            document.warnings.map(\.description) == [
                "l.txt:2: the summary column 'Reach' has no bullets",
                "l.txt:9: empty bullet, nothing to keep",
                "l.txt:10:10: stray '|' inside a statement, kept as it is",
                "l.txt:12: responsibility 'Empty' has no behaviours (a cell with no bullets)",
                "l.txt:14: the last line has no line end: it may be truncated; kept as it is",
            ])
        let behaviours = try #require(document.frames.first).statements.filter { $0.kind == .responsibility }
        #expect(behaviours.map(\.text) == ["I build.", "I test | sometimes", "I review"])
    }

    @Test func behavioursMayStartOnTheLineAfterTheirNameAndSummaryBulletsMayWrap() throws {
        let text = """
            E3 Engineer
            Scope Where I work |
            - Owns a service end to end, including
            its on-call rotation.
            |
            Delivery
            Responsibility | Key Behaviors |
            Shipping |
            - I ship weekly.
            - I write it down.
            |

            """
        let document = try parse(text)
        let frame = try #require(document.frames.first)
        #expect(frame.statements.filter { $0.kind == .dimension }.map(\.text) == ["Owns a service end to end, including", "its on-call rotation."])
        #expect(
            frame.statements.filter { $0.kind == .responsibility }.map { "\($0.name!): \($0.text)" } == [
                "Shipping: I ship weekly.", "Shipping: I write it down.",
            ])
        #expect(document.warnings.map(\.description) == ["l.txt:4: a line in a cell that is not a '- ' bullet, kept as one statement"])
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let folder = try makeTemporaryFolder()
        let path = try writeFile(folder, "s.txt", "E1 Engineer\nWork\nResponsibility | Key Behaviors |\nBuild | - I build | often\n|\n")
        #expect(try CanonFiles.read([path], format: nil, family: "Eng", strict: false).first?.warnings.count == 1)
        #expect(
            throws: GoalbookError.badInput([
                InputIssue(
                    file: path, line: 4, column: 19,
                    message: "stray '|' inside a statement, kept as it is (an error under --strict)")
            ])
        ) {
            _ = try CanonFiles.read([path], format: nil, family: "Eng", strict: true)
        }
    }

    // MARK: - Not a ladder

    @Test func missingFamilyIsAnError() {
        #expect(problems(Self.twoColumns, family: nil) == ["l.txt: a career ladder does not name its family: give it with --family"])
    }

    @Test func noTitleLineIsAnError() {
        #expect(
            problems("- I do things\nResponsibility | Key Behaviors |\n") == [
                "l.txt:1: no title line: a career ladder starts with '<level code> <function>', e.g. 'IC2 Machine Learning Engineer'"
                    + " (a level code is letters and digits, like IC2 or P3); this line begins '- I do things'"
            ])
    }

    @Test func aLadderWithoutItsTitleIsRefusedNotReadAsLevelI() {
        // Seed 003 with its first line lost: the summary sentence is no '<level code> <function>'.
        #expect(
            problems("I am prolific at delivering on my commitments\nResults\nResponsibility | Key Behaviors |\nImpact | - I act.\n|\n") == [
                "l.txt:1: no title line: a career ladder starts with '<level code> <function>', e.g. 'IC2 Machine Learning Engineer'"
                    + " (a level code is letters and digits, like IC2 or P3); this line begins 'I am prolific at delivering on my commit'"
            ])
        #expect(LadderParser.isLevelCode("IC2") && LadderParser.isLevelCode("L10") && LadderParser.isLevelCode("SWE-3"))
        #expect(!LadderParser.isLevelCode("I") && !LadderParser.isLevelCode("Senior") && !LadderParser.isLevelCode("42"))
    }

    // MARK: - Every byte of a statement

    func behaviours(_ document: CanonDocument) -> [String] {
        document.frames[0].statements.filter { $0.kind == .responsibility }.map { "\($0.name ?? ""): \($0.text)" }
    }

    @Test func aByteOrderMarkAndCRLFLineEndsAreNoPartOfTheText() throws {
        let document = try parse("\u{FEFF}IC2 Engineer\r\nWork\r\nResponsibility | Key Behaviors |\r\nBuild | - I build.\r\n|\r\n")
        #expect(document.frames[0].levelCode == "IC2" && document.frames[0].function == "Engineer")
        #expect(behaviours(document) == ["Build: I build."])
        #expect(document.warnings.isEmpty)
    }

    @Test func trailingBlanksAndTabsAreKeptAndWarnedOf() throws {
        let document = try parse("IC2 Engineer\nWork\nResponsibility | Key Behaviors |\nBuild | - I build. \n- I test.\t\n- I ship. |\n")
        #expect(behaviours(document) == ["Build: I build. ", "Build: I test.\t", "Build: I ship."], "blanks before a closing | are structural")
        #expect(
            document.warnings.map(\.description) == [
                "l.txt:4:19: a statement ends in a blank, kept as it is",
                "l.txt:5:10: a statement ends in a tab, kept as it is",
            ])
    }

    @Test func aWrappedLineWithABarStaysInItsCell() throws {
        let text =
            "IC2 Engineer\nWork\nResponsibility | Key Behaviors |\nBuild | - I build tools that\nuse A | B pipelines\n- I test.\n|\nShip | - I "
            + "ship.\n|\n"
        let document = try parse(text)
        #expect(
            behaviours(document) == ["Build: I build tools that", "Build: use A | B pipelines", "Build: I test.", "Ship: I ship."],
            "'use A | B pipelines' is no responsibility named 'use A'")
        #expect(
            document.warnings.map(\.description) == [
                "l.txt:5: a line in a cell that is not a '- ' bullet, kept as one statement",
                "l.txt:5:7: stray '|' inside a statement, kept as it is",
            ])
    }

    @Test func aMarkdownStarLineInsideAnOpenCellIsKeptWithAWarning() throws {
        let text = """
            IC2 Engineer
            Scope Area | Reach Who |
            - one team
            * and its on-call
            | - my team
            |
            Work
            Responsibility | Key Behaviors |
            Build | - I build.
            * with tests
            - I ship.
            |
            * a footnote

            """
        let document = try parse(text)
        #expect(document.frames[0].statements.filter { $0.kind == .dimension }.map(\.text) == ["one team", "* and its on-call", "my team"])
        #expect(behaviours(document) == ["Build: I build.", "Build: * with tests", "Build: I ship."])
        #expect(document.frames[0].statements.filter { $0.kind == .footnote }.map(\.text) == ["* a footnote"])
        #expect(
            document.warnings.map(\.description) == [
                "l.txt:4: a line in a cell that is not a '- ' bullet, kept as one statement",
                "l.txt:10: a line in a cell that is not a '- ' bullet, kept as one statement",
            ])
    }

    @Test func noTableHeaderIsAnError() {
        #expect(
            problems("IC2 Engineer\nJust prose.\n") == [
                "l.txt: no 'Responsibility | Key Behaviors |' header: this is not a career ladder (or give --format yaml)"
            ])
    }

    @Test func aBehaviourBeforeAnyResponsibilityIsAnError() {
        #expect(
            problems("IC2 Engineer\nWork\nResponsibility | Key Behaviors |\n- I float.\n|\n") == [
                "l.txt:4: a behaviour before any responsibility: rows start with '<Responsibility> | - <behaviour>'"
            ])
    }

    @Test func anUnterminatedCellAtTheEndIsAnError() {
        #expect(
            problems("IC2 Engineer\nWork\nResponsibility | Key Behaviors |\nBuild | - I build.\n- I test.\n") == [
                "l.txt:5: unterminated cell at the end: the cell of 'Build' has no closing '|'"
            ])
    }

    @Test func aHeaderWithNoAreaNameIsAnError() {
        #expect(
            problems("IC2 Engineer\nScope X |\n- a\n|\nResponsibility | Key Behaviors |\nB | - b\n|\n") == [
                "l.txt:5: a 'Responsibility | Key Behaviors |' header with no area name before it"
            ])
    }

    @Test func detectionUsesTheNameThenTheContent() throws {
        #expect(try CanonParser.detect(bytes: Array(Self.twoColumns.utf8), fileName: "x.txt") == .ladder)
        #expect(try CanonParser.detect(bytes: Array(Self.twoColumns.utf8), fileName: "x.YML") == .yaml)
        #expect(throws: GoalbookError.self) { try CanonParser.detect(bytes: Array("hello".utf8), fileName: "notes.txt") }
    }
}
