import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Canon imports are versioned, idempotent for identical bytes, and append-only.
@Suite struct CanonImportTests {
    static let v1 = """
        source: ACME
        version: "2026.1"
        family: Eng
        functions:
          - name: Backend
            levels:
              - code: E1
                title: Junior
                responsibilities: ["Writes code."]
              - code: E2
                title: Mid
                responsibilities: ["Designs code."]
        """

    func document(_ yaml: String, name: String = "acme.yaml") throws -> CanonDocument {
        try CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: name)
    }

    @Test(arguments: TestEngine.available) func identicalBytesChangeNothingAndSaySo(engine: TestEngine) throws {
        let (store, path) = try makeStore(on: engine)
        let first = try CanonService(store).importCanon([document(Self.v1)], actor: "a")
        #expect(first.map(\.status) == [.imported])
        #expect(first[0].framesAdded == 2)
        let dump = try anyDatabaseDump(path)
        let second = try CanonService(store).importCanon([document(Self.v1, name: "renamed.yaml")], actor: "b")
        #expect(
            second == [
                CanonImportOutcome(
                    fileName: "renamed.yaml", status: .unchanged, canonVersionId: first[0].canonVersionId,
                    framesAdded: 0, framesChanged: 0, framesUnchanged: 2)
            ])
        #expect(try anyDatabaseDump(path) == dump)
    }

    @Test(arguments: TestEngine.available) func changedBytesMakeANewVersionAndKeepTheOldStatements(engine: TestEngine) throws {
        let (store, path) = try makeStore(on: engine)
        _ = try CanonService(store).importCanon([document(Self.v1)], actor: "a")
        let before = try CanonService(store).frame(function: "Backend", level: "E1")
        let v2 = Self.v1.replacingOccurrences(of: "Writes code.", with: "Writes tested code.")
        let outcome = try CanonService(store).importCanon([document(v2)], actor: "a")
        #expect(outcome[0].framesChanged == 1)
        #expect(outcome[0].framesUnchanged == 1)
        let after = try CanonService(store).frame(function: "Backend", level: "E1")
        #expect(after.frameId == before.frameId)
        #expect(after.frameVersionId != before.frameVersionId)
        #expect(after.statements(.responsibility).map(\.text) == ["Writes tested code."])
        // E2 did not change, so it keeps its version; the old E1 statement is still stored.
        #expect(try CanonService(store).frame(function: "Backend", level: "E2").canonVersionId == before.canonVersionId)
        let old = try RawDatabase(path).strings("SELECT text FROM frame_statement WHERE statement_id = \(before.statements[0].id)")
        #expect(old == ["Writes code."])
    }

    @Test(arguments: TestEngine.available) func canonRowsCannotBeEditedOrDeletedEvenWithRawSQL(engine: TestEngine) throws {
        let (_, path) = try makeStore(on: engine)
        let raw = try RawDatabase(path)
        for sql in [
            "UPDATE frame_statement SET text = 'x'", "DELETE FROM frame_statement", "UPDATE canon_version SET source = 'x'",
            "DELETE FROM canon_version", "DELETE FROM frame_version", "UPDATE frame SET family = 'x'",
        ] {
            #expect(throws: (any Error).self, "\(sql) was allowed") { try raw.execute(sql) }
        }
        #expect(try raw.strings("SELECT count(*) FROM frame_statement") != ["0"])
    }

    @Test func oneBadFileAmongSeveralImportsNothing() throws {
        let folder = try makeTemporaryFolder()
        let good = try writeFile(folder, "good.yaml", Self.v1)
        let bad = try writeFile(folder, "bad.yaml", "source: X\nfamily: Y\nfunctions:\n  - name: Z\n    levls: []\n")
        #expect(
            throws: GoalbookError.badInput([
                InputIssue(
                    file: bad, line: 5, column: 5,
                    message: "unknown key 'levls' in a function; allowed keys: name, levels")
            ])
        ) {
            _ = try CanonFiles.read([good, bad], format: nil, family: nil, strict: false)
        }
    }

    @Test(arguments: TestEngine.available) func unknownNamesListCloseMatches(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        _ = try CanonService(store).importCanon([document(Self.v1)], actor: "a")
        #expect(
            throws: GoalbookError.notFound(
                what: "function 'Backend Engineering'",
                suggestions: [
                    "--function \"Backend\" --level E1", "--function \"Backend\" --level E2",
                    "--function \"AI / Machine Learning Engineering\" --level P2",  // shares the word "Engineering"
                ])
        ) {
            _ = try CanonService(store).frame(function: "Backend Engineering", level: "E1")
        }
        #expect(throws: GoalbookError.notFound(what: "level 'E3' of function 'Backend'", suggestions: ["E1", "E2"])) {
            _ = try CanonService(store).frame(function: "Backend", level: "E3")
        }
    }

    @Test(arguments: TestEngine.available) func aFunctionInTwoFamiliesNeedsTheFamily(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        _ = try CanonService(store).importCanon(
            [document(Self.v1), document(Self.v1.replacingOccurrences(of: "family: Eng", with: "family: Ops"), name: "ops.yaml")], actor: "a")
        #expect(throws: GoalbookError.invalidArgument("function 'Backend' level E1 exists in several families (Eng, Ops); name one with --family")) {
            _ = try CanonService(store).frame(function: "Backend", level: "E1")
        }
        #expect(try CanonService(store).frame(function: "Backend", level: "E1", family: "Ops").family == "Ops")
    }
}
