import GoalbookCore
import GoalbookTestSupport
import Testing

/// The built-in canon printed through the templates must equal seed 000's print blocks byte for byte.
@Suite struct TemplateRendererGoldenTests {
    static let function = "AI / Machine Learning Engineering"

    func builtInFrame(_ engine: TestEngine) throws -> Frame {
        try CanonService(makeStore(on: engine).store).frame(function: Self.function, level: "P2")
    }

    @Test(arguments: TestEngine.available, Framework.allCases)
    func printBlockEqualsTheSeedBlockByteForByte(engine: TestEngine, framework: Framework) throws {
        let expected = try fixtureBytes("seed000-\(framework.rawValue).txt")
        let actual = TemplateRenderer.printBlock(framework, for: try builtInFrame(engine))
        #expect(Array(actual.utf8) == expected)
    }

    @Test(arguments: TestEngine.available) func allFourBlocksComeInOrderEachAfterItsHeading(engine: TestEngine) throws {
        var expected: [UInt8] = []
        for framework in Framework.allCases {
            if !expected.isEmpty { expected += Array("\n".utf8) }
            expected += Array("\(framework.heading)\n\n".utf8) + (try fixtureBytes("seed000-\(framework.rawValue).txt"))
        }
        #expect(Array(TemplateRenderer.printAll(for: try builtInFrame(engine)).utf8) == expected)
    }

    @Test(arguments: TestEngine.available) func jsonRowsCarryEachFieldsSource(engine: TestEngine) throws {
        let frame = try builtInFrame(engine)
        let rows = TemplateRenderer.rows(.okr, for: frame)
        #expect(rows.count == 5)
        let kr2 = try #require(rows[4].fields.first { $0.name == "KR2" })
        #expect(kr2.text == "Evidence at this level's decision rights bar: \"Routine technical choices within guidance\" — ⟨target⟩ by ⟨date⟩")
        let decisionRights = try #require(frame.statements(.dimension).first { $0.name == "Decision rights" })
        #expect(
            kr2.source
                == TemplateSource(label: "level dimension (Decision rights)", canonVersion: frame.canonVersionId, statementId: decisionRights.id))
        let smart = TemplateRenderer.rows(.smart, for: frame)
        #expect(smart[0].fields.map(\.name) == ["Specific", "Measurable", "Achievable", "Relevant", "Time-bound"])
        #expect(smart[0].fields[1].source == nil, "the Measurable line is a fixed template, not canon")
    }
}
