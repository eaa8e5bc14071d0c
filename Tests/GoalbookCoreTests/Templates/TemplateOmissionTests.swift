import GoalbookCore
import GoalbookTestSupport
import Testing

/// Rows are omitted, never invented: frames with missing fields print fewer lines, and nothing else.
@Suite struct TemplateOmissionTests {
    /// Imports a one-frame YAML file and returns its frame.
    func frame(_ engine: TestEngine, _ level: String, family: String = "Test Family", function: String = "Testing") throws -> Frame {
        let (store, _) = try makeStore(on: engine)
        let yaml = "source: TST\nfamily: \(family)\nfunctions:\n  - name: \(function)\n    levels:\n" + level
        let document = try CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "test.yaml")
        _ = try CanonService(store).importCanon([document], actor: "tester")
        return try CanonService(store).frame(function: function, level: "L1")
    }

    @Test(arguments: TestEngine.available) func fewerDimensionsThanResponsibilitiesLeavesLaterObjectivesWithoutKR2(engine: TestEngine) throws {
        let f = try frame(
            engine,
            """
                  - code: L1
                    title: One
                    responsibilities: [First thing., Second thing., Third thing.]
                    dimensions:
                      - {name: Scope, bar: Small}

            """)
        #expect(
            TemplateRenderer.printBlock(.okr, for: f) == """
                Objective 1: First thing.  [source: TST responsibility (L1)]
                  KR1. From ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩ — tied to: "First thing."
                  KR2. Evidence at this level's scope bar: "Small" — ⟨target⟩ by ⟨date⟩

                Objective 2: Second thing.  [source: TST responsibility (L1)]
                  KR1. From ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩ — tied to: "Second thing."

                Objective 3: Third thing.  [source: TST responsibility (L1)]
                  KR1. From ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩ — tied to: "Third thing."

                """)
        #expect(
            TemplateRenderer.printBlock(.scorecard, for: f) == """
                Internal process
                  - "First thing."  →  ⟨target⟩ by ⟨date⟩   [source: TST responsibility (L1)]
                  - "Second thing."  →  ⟨target⟩ by ⟨date⟩   [source: TST responsibility (L1)]
                  - "Third thing."  →  ⟨target⟩ by ⟨date⟩   [source: TST responsibility (L1)]

                Role calibration
                  - Meets the scope bar: "Small"  →  ⟨target⟩ by ⟨date⟩   [source: level dimension (Scope)]

                """)
    }

    @Test(arguments: TestEngine.available) func noRubricsRemovesAchievableAndStandardLines(engine: TestEngine) throws {
        let f = try frame(
            engine,
            """
                  - code: L1
                    title: One
                    responsibilities: [Only thing.]

            """)
        #expect(
            TemplateRenderer.printBlock(.smart, for: f) == """
                1. Only thing.  [source: TST responsibility (L1)]
                   Specific:    Deliver: "Only thing."
                   Measurable:  Move the metric this drives from ⟨baseline⟩ to ⟨target⟩ by ⟨date⟩.
                   Relevant:    Advances the Test Family · Testing mandate for a L1 — One.
                   Time-bound:  ⟨date⟩

                """)
        #expect(
            TemplateRenderer.printBlock(.mbo, for: f) == """
                1. Area: Only thing.  [source: TST responsibility (L1) — reused, no distinct responsibility content]
                   Target:   ⟨target⟩   Due: ⟨date⟩

                """)
    }

    @Test(arguments: TestEngine.available) func onlyOneRubricKeepsOnlyTheLineItBacks(engine: TestEngine) throws {
        let f = try frame(
            engine,
            """
                  - code: L1
                    title: One
                    responsibilities: [Only thing.]
                    rubrics:
                      knowledge-application: Knows things.

            """)
        #expect(!TemplateRenderer.printBlock(.smart, for: f).contains("Achievable"))
        #expect(
            TemplateRenderer.printBlock(.mbo, for: f).contains(
                "   Standard: Consistent with this level's tst knowledge-application rubric: \"Knows things.\"\n"))
    }

    @Test(arguments: TestEngine.available) func noDimensionsMeansNoKR2AndNoRoleCalibration(engine: TestEngine) throws {
        let f = try frame(
            engine,
            """
                  - code: L1
                    title: One
                    responsibilities: [Only thing.]
                    dimensions: []

            """)
        #expect(!TemplateRenderer.printBlock(.okr, for: f).contains("KR2"))
        #expect(
            TemplateRenderer.printBlock(.scorecard, for: f) == """
                Internal process
                  - "Only thing."  →  ⟨target⟩ by ⟨date⟩   [source: TST responsibility (L1)]

                """)
    }

    @Test(arguments: TestEngine.available) func noResponsibilitiesLeavesOnlyRoleCalibration(engine: TestEngine) throws {
        let f = try frame(
            engine,
            """
                  - code: L1
                    title: One
                    dimensions:
                      - {name: Decision Rights, bar: Some}

            """)
        #expect(TemplateRenderer.printBlock(.smart, for: f) == "")
        #expect(TemplateRenderer.printBlock(.okr, for: f) == "")
        #expect(
            TemplateRenderer.printAll(for: f) == """
                Scorecard

                Role calibration
                  - Meets the decision rights bar: "Some"  →  ⟨target⟩ by ⟨date⟩   [source: level dimension (Decision Rights)]

                """)
    }

    @Test(arguments: TestEngine.available) func noTitleRemovesTheRelevantLine(engine: TestEngine) throws {
        let f = try frame(
            engine,
            """
                  - code: L1
                    responsibilities: [Only thing.]

            """)
        #expect(!TemplateRenderer.printBlock(.smart, for: f).contains("Relevant"))
        #expect(TemplateRenderer.printBlock(.smart, for: f).contains("   Time-bound:  ⟨date⟩\n"))
    }

    @Test(arguments: TestEngine.available) func quotesAndNonASCIIPunctuationPassThroughUntouched(engine: TestEngine) throws {
        let statement = #"Ships “v2” of the 'core' API — with “smart quotes”, ‘single’ ones, “nested "straight" quotes”… · → • and naïve café ✓"#
        let f = try frame(
            engine,
            """
                  - code: L1
                    title: Ünïcode — Level
                    responsibilities:
                      - '\(statement.replacingOccurrences(of: "'", with: "''"))'

            """, family: "R&D · Labs", function: "Café / Ops")
        #expect(f.statements(.responsibility).first?.text == statement)
        let smart = TemplateRenderer.printBlock(.smart, for: f)
        #expect(smart.contains("Deliver: \"\(statement)\"\n"))
        #expect(smart.contains("   Relevant:    Advances the R&D · Labs · Café / Ops mandate for a L1 — Ünïcode — Level.\n"))
    }
}
