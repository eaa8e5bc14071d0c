import GoalbookCore
import GoalbookTestSupport
import Testing

/// Bad canon YAML is refused with a message that names the file, the line and the problem.
@Suite struct CanonYAMLParserTests {
    func problems(_ yaml: String) -> [String] {
        do {
            _ = try CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "bad.yaml")
            return []
        } catch GoalbookError.badInput(let issues) {
            return issues.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    let good = """
        source: JFM
        family: Fam
        functions:
          - name: Fun
            levels:
              - code: P1
                title: First
                responsibilities: ["Does it."]
        """

    @Test func aGoodFileParsesWithItsStatementsInOrder() throws {
        let document = try CanonYAMLParser.parse(bytes: Array(good.utf8), fileName: "good.yaml")
        #expect(document.source == "JFM")
        #expect(document.frames.map(\.levelCode) == ["P1"])
        #expect(
            document.frames[0].statements == [
                StatementSpec(kind: .responsibility, text: "Does it.", sourceLabel: "JFM responsibility (P1)", line: 8)
            ])
    }

    @Test func yamlSyntaxErrorNamesTheLine() {
        #expect(problems("source: JFM\nfamily: [unclosed\nfunctions: []\n").first?.hasPrefix("bad.yaml:3:") == true)
    }

    @Test func unknownKeyIsAnErrorAtItsLine() {
        let yaml = good.replacingOccurrences(of: "        title: First", with: "        title: First\n        titel: Typo")
        #expect(
            problems(yaml) == [
                "bad.yaml:8:9: unknown key 'titel' in a level of 'Fun'; allowed keys: code, title, responsibilities, dimensions, rubrics"
            ])
    }

    @Test func missingFunctionNameIsAnError() {
        let yaml = good.replacingOccurrences(of: "  - name: Fun\n    levels:", with: "  - levels:")
        #expect(problems(yaml) == ["bad.yaml:4:5: a function has no name"])
    }

    @Test func missingLevelCodeIsAnError() {
        let yaml = good.replacingOccurrences(of: "- code: P1\n        title: First", with: "- title: First")
        #expect(problems(yaml) == ["bad.yaml:6:9: a level of 'Fun' has no code"])
    }

    @Test func duplicateLevelCodeIsAnError() {
        let yaml = good + "\n      - code: P1\n        title: Again\n"
        #expect(problems(yaml) == ["bad.yaml:9:9: duplicate level code 'P1' in function 'Fun' (first at line 6)"])
    }

    @Test func emptyStatementIsAnError() {
        let yaml = good.replacingOccurrences(of: #"["Does it."]"#, with: #"["Does it.", ""]"#)
        #expect(problems(yaml) == [#"bad.yaml:8:40: a responsibility of level P1 is empty"#])
    }

    @Test func missingSourceAndFamilyAreErrors() {
        #expect(problems("functions: []\n") == ["bad.yaml:1:1: the canon file has no source", "bad.yaml:1:1: the canon file has no family"])
    }

    @Test func aDimensionWithoutABarIsAnError() {
        let yaml = good + "\n        dimensions:\n          - name: Scope\n"
        #expect(problems(yaml) == ["bad.yaml:10:13: dimension 'Scope' of level P1 has no bar"])
    }

    @Test func duplicateKeyIsAnError() {
        let yaml = "source: JFM\nsource: JFM2\nfamily: F\n"
        #expect(problems(yaml).count == 1)
        #expect(problems(yaml).first?.hasPrefix("bad.yaml:") == true)
        #expect(problems(yaml).first?.contains("duplicate") == true)
    }

    @Test func invalidUTF8IsAnErrorNamingTheLine() {
        var bytes = Array("source: JFM\nfamily: F".utf8)
        bytes.append(0xFF)
        #expect(
            throws: GoalbookError.badInput([InputIssue(file: "x.yaml", line: 2, message: "the file is not valid UTF-8 (first bad byte at offset 21)")]
            )
        ) {
            try CanonYAMLParser.parse(bytes: bytes, fileName: "x.yaml")
        }
    }

    @Test func emptyFileIsAnError() {
        #expect(problems("") == ["bad.yaml:1: the file is empty: expected a canon mapping with source, family and functions"])
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() {
        let yaml = good.replacingOccurrences(of: "        title: First", with: "        title: \"\"\n        extra: 1")
        #expect(problems(yaml).count == 2)
    }

    @Test func anUnusedRubricIsKeptAndWarned() throws {
        let yaml = good + "\n        rubrics:\n          knowledge application: Typo in the name.\n"
        let document = try CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "w.yaml")
        #expect(document.frames[0].statements.last?.text == "Typo in the name.")
        #expect(
            document.warnings.map(\.description) == [
                "w.yaml:10:11: rubric 'knowledge application' is kept but no template cites it (templates cite complexity/problem-solving and "
                    + "knowledge-application)"
            ])
    }

    @Test func quotesStarsAndAmpersandsInsidePlainTextAreText() throws {
        let yaml = good.replacingOccurrences(
            of: #"responsibilities: ["Does it."]"#,
            with: """
                responsibilities:
                          - Owns the ML lifecycle* and R&D "spikes", it's said # not a comment#
                          - 'Quoted: "inner" [brackets] {braces} & *stars*'
                """)
        let document = try CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "t.yaml")
        #expect(
            document.frames[0].statements.map(\.text) == [
                "Owns the ML lifecycle* and R&D \"spikes\", it's said", #"Quoted: "inner" [brackets] {braces} & *stars*"#,
            ])
    }

    @Test func anchorsAndAliasesAreRefusedWithLineAndColumn() {
        #expect(
            problems(good + "\n        dimensions: &d\n          - {name: S, bar: B}\n") == [
                "bad.yaml:9:21: YAML anchors and aliases (&d and *d) are not part of the canon format; write the text out"
            ])
        // An alias bomb is refused at its first anchor, before anything it repeats is read.
        let layers = (1...8).map {
            "l\($0): &l\($0) [" + Array(repeating: $0 == 1 ? "\"lol\"" : "*l\($0 - 1)", count: 9).joined(separator: ",") + "]"
        }
        #expect(
            problems("source: X\nfamily: F\n" + layers.joined(separator: "\n") + "\nfunctions: *l8\n") == [
                "bad.yaml:3:5: YAML anchors and aliases (&l1 and *l1) are not part of the canon format; write the text out"
            ])
    }

    @Test func starsAmpersandsAndBracketsInTextAreText() throws {
        // Valid YAML that a scan of the bytes took for anchors and aliases.
        let yaml = #"""
            source: JFM
            family: Fam
            functions:
              - name: Fun
                levels:
                  - code: P1
                    responsibilities:
                      - Writes code, *tests* and docs
                      - Uses [*nix] tools
                      - "Says \"yes\", &then ships"

            """#
        #expect(problems(yaml) == [])
        let document = try CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "t.yaml")
        #expect(
            document.frames[0].statements.filter { $0.kind == .responsibility }.map(\.text)
                == ["Writes code, *tests* and docs", "Uses [*nix] tools", "Says \"yes\", &then ships"])
    }

    @Test func textIsKeptExactlyIncludingSpacesAndNFD() throws {
        let decomposed = "Cafe\u{0301} — keeps  two spaces and a trailing one "
        let yaml = good.replacingOccurrences(of: #""Does it.""#, with: "\"\(decomposed)\"")
        let document = try CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "t.yaml")
        #expect(Array(document.frames[0].statements[0].text.utf8) == Array(decomposed.utf8))
    }
}
