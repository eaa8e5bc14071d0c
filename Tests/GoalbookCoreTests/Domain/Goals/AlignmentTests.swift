import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Aligned goals, weights and quarter-end scores, checked against the hand-worked figures of
/// ``AlignmentFixture``.
@Suite struct AlignmentTests {
    let fixture = AlignmentFixture.self

    func node(_ trees: [GoalTreeNode], _ goal: Int64) -> GoalTreeNode? {
        for tree in trees {
            if tree.goal == GoalID.format(goal) { return tree }
            if let found = node(tree.children, goal) { return found }
        }
        return nil
    }

    /// A tree as it is now reads only its goals' owners and its team; it is the same tree as the
    /// one cut from the whole organization as of the same instant, for a goal and for each team.
    @Test(arguments: TestEngine.available)
    func aTreeNowReadsOnlyItsPeopleAndMatchesTheWholeOrganizationsCut(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, _, g in
            let trees = AlignmentService(store)
            let asOf = PastView(effective: Timestamp.string(fixture.now))
            for goal in ["top", "kim", "lin"] {
                let now = try trees.tree(g[goal]!, asOf: nil, now: fixture.now)
                let cut = try trees.tree(g[goal]!, asOf: asOf, now: fixture.now)
                #expect(!now.trees.isEmpty && now.trees == cut.trees, "\(goal)")
            }
            for (team, below) in [("E001", false), ("E100", false), ("E100", true), ("E101", false)] {
                let now = try trees.tree(team: team, below: below, quarter: fixture.quarter, asOf: nil, now: fixture.now)
                let cut = try trees.tree(team: team, below: below, quarter: fixture.quarter, asOf: asOf, now: fixture.now)
                #expect(!now.trees.isEmpty && now.trees == cut.trees, "\(team) below: \(below)")
            }
        }
    }

    /// A tree is drawn from goals' lines alone, without the trends, roll-ups and changes of a
    /// report: its figures are still the full report's, tree for tree.
    @Test(arguments: TestEngine.available)
    func aTreeShowsTheFiguresOfTheFullReport(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, _, g in
            let report = try ReportService(store).report(quarter: fixture.quarter, scope: .all, now: fixture.now)
            let chart = OrgChart(report.people.map { (employeeId: $0.employeeId, managerId: $0.managerId) })
            for team in ["E001", "E100"] {
                let members = Set([team] + chart.below(team))
                let full = GoalTree.build(goals: report.goals, people: report.people, roots: GoalTree.teamRoots(report.goals, members: members))
                let drawn = try AlignmentService(store).tree(team: team, quarter: fixture.quarter, asOf: nil, now: fixture.now).trees
                #expect(!drawn.isEmpty && drawn == full, "\(team)")
            }
            let top = try AlignmentService(store).tree(g["top"]!, asOf: nil, now: fixture.now).trees
            #expect(top == GoalTree.build(goals: report.goals, people: report.people, roots: [GoalID.format(g["top"]!)]))
        }
    }

    @Test(arguments: TestEngine.available)
    func rollUpsFollowWeightsLeaveOutMissingProgressAndDroppedGoals(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, _, g in
            let trees = try AlignmentService(store).tree(g["top"]!, asOf: nil, now: fixture.now).trees
            #expect(trees.count == 1)
            let top = try #require(node(trees, g["top"]!))
            #expect(top.children.map(\.goal) == ["ada", "lin"].map { GoalID.format(g[$0]!) })
            #expect(abs(top.rolledUpProgress! - 0.62) < 1e-9)
            #expect(top.alignedCounted == 2 && top.alignedMissing == 0)
            let ada = try #require(node(trees, g["ada"]!))
            #expect(ada.progress == 0.5)
            #expect(abs(ada.rolledUpProgress! - 0.61875) < 1e-9)
            #expect(ada.alignedCounted == 3, "sam, kim and kim2 count; sam2 is dropped")
            #expect(ada.alignedMissing == 1, "kim2 is not filled: missing, not 0")
            #expect(ada.children.count == 4)
            let kim = try #require(node(trees, g["kim"]!))
            #expect(abs(kim.progress! - 0.5625) < 1e-9, "KR1 weighs 3, KR2 1")
            #expect(kim.rolledUpProgress == nil && kim.children.isEmpty)
            let sam2 = try #require(node(trees, g["sam2"]!))
            #expect(sam2.status == .dropped && sam2.progress == 1)

            // The heading `goalbook goals tree G1 --as-of 2026-11-15` prints, so the binary's test compares with the same file.
            let text = GoalTree.text(trees, heading: "Goal tree · 2026Q4 · G1 · as of 2026-11-15T23:59:59.999Z")
            #expect(try goldenMismatch(text, fixture: "goal-tree-g1.txt") == nil)
        }
    }

    @Test(arguments: TestEngine.available) func weightedFiguresAgreeInTheReportAndTheAnalystView(engine: TestEngine) throws {
        let (store, path, _) = try AlignmentFixture.build(on: engine)
        let report = try ReportService(store).report(quarter: fixture.quarter, scope: .all, now: fixture.now)
        let kim = try #require(report.figures.first { $0.employeeId == "E103" })
        #expect(abs(kim.weightedProgress! - 0.5625) < 1e-9, "kim2 has no progress and is left out")
        #expect(kim.weightWarning == "E103 in 2026Q4: goal weights add up to 71, not 100 (G7 has no weight and counts as 1)")
        let sam = try #require(report.figures.first { $0.employeeId == "E102" })
        #expect(sam.weightWarning == "E102 in 2026Q4: goal weights add up to 30, not 100", "the dropped goal does not count")
        // Everyone: each person's own weighted progress, then their mean, so no one's scale swamps
        // another's: top 0.4 (E001), ada 0.5 (E100), lin 0.8 (E101), sam 0.75 (E102, sam2 dropped),
        // kim 0.5625 (E103, kim2 missing). Weighting the goals across people (60 against 1) would give 0.6158.
        let expected = (0.4 + 0.5 + 0.8 + 0.75 + 0.5625) / 5
        #expect(abs(report.total.weightedProgress! - expected) < 1e-9)
        let ada = try #require(report.teams.first { $0.employeeId == "E001" })
        #expect(abs(ada.weightedProgress! - expected) < 1e-9, "E001's subtree is everyone")
        // The analyst view says the same, for the whole tree and for Ada's subtree (Ada 0.5, Sam 0.75, Kim 0.5625).
        let raw = try RawDatabase(path)
        let teamRows = try raw.rows(
            "SELECT team_id, weighted_progress, average_progress FROM team_progress WHERE quarter = '2026Q4' ORDER BY team_id")
        let viewed = Dictionary(uniqueKeysWithValues: teamRows.map { ($0[0]!, Double($0[1]!)!) })
        #expect(abs(viewed["E001"]! - expected) < 1e-9)
        #expect(abs(viewed["E100"]! - (0.5 + 0.75 + 0.5625) / 3) < 1e-9)
        #expect(abs(Double(teamRows.first { $0[0] == "E001" }![2]!)! - report.total.averageProgress!) < 1e-9)
        #expect(abs(report.total.averageProgress! - (0.4 + 0.5 + 0.8 + 0.75 + 0.5625) / 5) < 1e-9)

        let rows = try raw.rows(
            "SELECT person_id, weighted_progress, weights_set, weight_total FROM quarter_progress WHERE quarter = '2026Q4' ORDER BY person_id")
        #expect(rows.count == report.figures.count)
        for row in rows {
            let figures = try #require(report.figures.first { $0.employeeId == row[0] })
            let viewed = row[1].flatMap(Double.init)
            #expect(viewed.map { abs($0 - figures.weightedProgress!) < 1e-9 } ?? (figures.weightedProgress == nil), "\(row)")
        }
        #expect(rows.first { $0[0] == "E103" }.map { "\($0[2]!) \(Double($0[3]!)!)" } == "1 71.0")
        let kimGoal = try raw.strings("SELECT progress FROM goal_current WHERE goal = 'G6'").first?.flatMap { $0 }.flatMap(Double.init)
        #expect(abs(kimGoal! - 0.5625) < 1e-9)
        let listed = GoalText.listTable(try GoalService(store).goals(GoalFilter(person: "E103")))
        #expect(listed.hasSuffix("\nNote: E103 in 2026Q4: goal weights add up to 71, not 100 (G7 has no weight and counts as 1).\n"))
    }

    @Test(arguments: TestEngine.available)
    func aTeamsReportIncludesItsHeadAndLinksToTheHeadAreNotOutside(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, _, g in
            let team = try ReportService(store).report(quarter: fixture.quarter, scope: .team("E001"), now: fixture.now)
            // In manager-tree order: Grace, Ada and the people below Ada (Sam, Kim), then Lin.
            #expect(team.people.map(\.employeeId) == ["E001", "E100", "E102", "E103", "E101"])
            #expect(
                team.goals.map(\.employeeId) == team.people.flatMap { p in team.goals.filter { $0.employeeId == p.employeeId }.map(\.employeeId) })
            #expect(team.teams.map { "\($0.employeeId)\($0.headOnly ? " own" : "")" } == ["E001 own", "E100", "E101"])
            #expect(team.teams.allSatisfy { $0.alignedOutside.isEmpty }, "ada and lin are aligned up to Grace's goal, inside her team")
            #expect(team.total.alignedToNothing == ["G\(g["top"]!)"])
            #expect(team.goals.contains { $0.goalId == "G\(g["top"]!)" })
            let below = try ReportService(store).report(quarter: fixture.quarter, scope: .team("E001", below: true), now: fixture.now)
            #expect(below.people.map(\.employeeId) == ["E100", "E102", "E103", "E101"])
            #expect(
                below.teams.first { $0.employeeId == "E100" }?.alignedOutside == ["G\(g["ada"]!) → G\(g["top"]!) (E001)"],
                "without the head, a link to her goal leaves the report")
        }
    }

    @Test(arguments: TestEngine.available) func theAnalystViewHoldsEveryAncestorDescendantPair(engine: TestEngine) throws {
        let (_, path, _) = try AlignmentFixture.build(on: engine)
        let raw = try RawDatabase(path)
        let under = try raw.strings(
            "SELECT descendant || ':' || depth FROM goal_alignment WHERE ancestor = 'G1' AND depth > 0 ORDER BY depth, descendant")
        #expect(under == ["G2:1", "G3:1", "G4:2", "G5:2", "G6:2", "G7:2"])
        let above = try raw.strings("SELECT ancestor_person_id FROM goal_alignment WHERE descendant = 'G4' ORDER BY depth")
        #expect(above == ["E102", "E100", "E001"])
    }

    @Test(arguments: TestEngine.available) func refusedLinksWeightsAndScoresLeaveTheDatabaseUnchanged(engine: TestEngine) throws {
        let (store, path, g) = try AlignmentFixture.build(on: engine)
        let other = try GoalService(store).add("E100", quarter: Quarter("2027Q1")!, framework: .smart, rows: [1], actor: "grace", now: fixture.now)
            .created[0]
            .goalId
        let draft = try GoalService(store).add("E101", quarter: fixture.quarter, framework: .smart, rows: [1], actor: "grace", now: fixture.now)
            .created[0]
            .goalId
        let dump = try anyDatabaseDump(path)
        let december = ReportFixture.at("2026-12-05T10:00:00Z")
        let cases: [(String, GoalbookError, () throws -> Void)] = [
            (
                "self", .refused("G2 cannot be aligned to itself"),
                { _ = try AlignmentService(store).align(g["ada"]!, to: g["ada"]!, actor: "x", now: fixture.now) }
            ),
            (
                "cycle", .refused("G4 is aligned under G1 (G4 → G2 → G1): aligning G1 to it would make a loop"),
                { _ = try AlignmentService(store).align(g["top"]!, to: g["sam"]!, actor: "x", now: fixture.now) }
            ),
            (
                "other quarter", .refused("G\(other) is a goal of 2027Q1 and G2 of 2026Q4: a goal is aligned to a goal of its own quarter"),
                { _ = try AlignmentService(store).align(g["ada"]!, to: other, actor: "x", now: fixture.now) }
            ),
            (
                "to a dropped goal", .refused("G5 is dropped: align G4 to a goal that still counts"),
                { _ = try AlignmentService(store).align(g["sam"]!, to: g["sam2"]!, actor: "x", now: fixture.now) }
            ),
            (
                "a dropped goal", .refused("G5 is dropped and cannot be changed"),
                { _ = try AlignmentService(store).align(g["sam2"]!, to: nil, actor: "x", now: fixture.now) }
            ),
            (
                "unknown", .notFound(what: "goal G99", suggestions: []),
                { _ = try AlignmentService(store).align(g["sam"]!, to: 99, actor: "x", now: fixture.now) }
            ),
            (
                "weight below 0", .invalidArgument("the weight of G2 cannot be below 0; got -5"),
                { _ = try GoalService(store).set(g["ada"]!, [("weight", "-5")], item: nil, direction: nil, actor: "x", now: fixture.now) }
            ),
            (
                "KR weight below 0", .invalidArgument("the weight of KR2 cannot be below 0; got -0.5"),
                { _ = try GoalService(store).set(g["kim"]!, [("weight", "-0.5")], item: "KR2", direction: nil, actor: "x", now: fixture.now) }
            ),
            (
                "too early",
                .refused("2026Q4 can be scored from 2026-12-01, the first day of its last month, until it is closed; today is 2026-11-15"),
                { _ = try AlignmentService(store).score(g["kim"]!, 0.7, note: nil, actor: "x", now: fixture.now) }
            ),
            (
                "OKR off scale", .invalidArgument("1.5 is off the OKR scale: scores go from 0 to 1 in steps of 0.1"),
                { _ = try AlignmentService(store).score(g["kim"]!, 1.5, note: nil, actor: "x", now: december) }
            ),
            (
                "OKR between steps", .invalidArgument("0.75 is off the OKR scale: scores go from 0 to 1 in steps of 0.1"),
                { _ = try AlignmentService(store).score(g["kim"]!, 0.75, note: nil, actor: "x", now: december) }
            ),
            (
                "rating off scale", .invalidArgument("6 is off the SMART scale: scores go from 1 to 5 in steps of 1"),
                { _ = try AlignmentService(store).score(g["ada"]!, 6, note: nil, actor: "x", now: december) }
            ),
            (
                "rating below", .invalidArgument("0 is off the MBO scale: scores go from 1 to 5 in steps of 1"),
                { _ = try AlignmentService(store).score(g["lin"]!, 0, note: nil, actor: "x", now: december) }
            ),
            (
                "draft", .refused("G\(draft) is a draft: only active and done goals are scored (goalbook goals status G\(draft) active)"),
                { _ = try AlignmentService(store).score(draft, 3, note: nil, actor: "x", now: december) }
            ),
            (
                "close with missing scores",
                .refused(
                    "2026Q4 was not closed: 6 goals have no score: G1 (E001), G2 (E100), G3 (E101), G4 (E102), G6 (E103), G7 (E103) (goalbook "
                        + "goals score G… VALUE, or close without --require-scores)"
                ),
                { _ = try QuarterService(store).close(fixture.quarter, note: nil, requireScores: true, early: true, actor: "x", now: december) }
            ),
        ]
        for (label, error, body) in cases {
            #expect(throws: error, "\(label)") { try body() }
        }
        #expect(try anyDatabaseDump(path) == dump)
    }

    @Test(arguments: TestEngine.available)
    func treesAsOfShowTheLinksThatHeldThen(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, _, g in
            // On 10 November sam moves from ada to lin, and ada's weight goes to 50.
            let moved = ReportFixture.at("2026-11-10T09:00:00Z")
            #expect(
                try AlignmentService(store).align(g["sam"]!, to: g["lin"]!, actor: "grace", now: moved).map { "\($0.field) \($0.old!) → \($0.new!)" }
                    == "aligned_to G2 → G3")
            _ = try GoalService(store).set(g["ada"]!, [("weight", "50")], item: nil, direction: nil, actor: "grace", now: moved)
            let before = try AlignmentService(store).tree(g["top"]!, asOf: PastView(effective: "2026-11-05T23:59:59.999Z"), now: fixture.now).trees
            let after = try AlignmentService(store).tree(g["top"]!, asOf: nil, now: fixture.now).trees
            #expect(node(before, g["ada"]!)!.children.map(\.goal).contains("G4"))
            #expect(node(before, g["lin"]!)!.children.isEmpty)
            #expect(abs(node(before, g["top"]!)!.rolledUpProgress! - 0.62) < 1e-9)
            #expect(node(after, g["lin"]!)!.children.map(\.goal) == ["G4"])
            #expect(!node(after, g["ada"]!)!.children.map(\.goal).contains("G4"))
            // ada now: kim only (kim2 missing) → 0.5625; top: (50 × 0.5 + 40 × 0.8) / 90.
            #expect(abs(node(after, g["ada"]!)!.rolledUpProgress! - 0.5625) < 1e-9)
            #expect(abs(node(after, g["top"]!)!.rolledUpProgress! - (50 * 0.5 + 40 * 0.8) / 90) < 1e-9)
            #expect(abs(node(after, g["lin"]!)!.rolledUpProgress! - 0.75) < 1e-9)
            // Before anything was aligned, the goal stood alone.
            let early = try AlignmentService(store).tree(g["top"]!, asOf: PastView(effective: "2026-10-15T00:00:00.000Z"), now: fixture.now).trees
            #expect(early.first?.children.isEmpty == true && early.first?.rolledUpProgress == nil)
            // A team's trees: everything under Grace is one tree; Ada's team has ada's tree at the top.
            #expect(try AlignmentService(store).tree(team: "E001", quarter: fixture.quarter, asOf: nil, now: fixture.now).trees.map(\.goal) == ["G1"])
            #expect(
                try AlignmentService(store).tree(team: "E100", quarter: fixture.quarter, asOf: nil, now: fixture.now).trees.map(\.goal) == [
                    "G2", "G4",
                ],
                "sam's goal is aligned to lin's, outside Ada's team")
        }
    }

    @Test(arguments: TestEngine.available)
    func carryKeepsLinksWhereBothGoalsComeAlongAndSaysWhichItLost(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, _, g in
            _ = try GoalService(store).setStatus(g["lin"]!, to: .done, note: nil, actor: "grace", now: fixture.now)
            _ = try AlignmentService(store).align(g["kim2"]!, to: g["lin"]!, actor: "grace", now: fixture.now)
            let result = try GoalService(store).carry(
                from: fixture.quarter, to: Quarter("2027Q1")!, team: nil, dryRun: false, actor: "grace",
                now: ReportFixture.at("2026-12-31T10:00:00Z"))
            let next = Dictionary(uniqueKeysWithValues: result.carried.map { ($0.from, $0.to) })
            #expect(result.carried.count == 5, "top, ada, sam, kim, kim2; lin is done, sam2 dropped")
            for (child, parent) in [("ada", "top"), ("sam", "ada"), ("kim", "ada")] {
                let carried = try GoalService(store).goal(next[g[child]!]!)
                #expect(carried.alignedTo == next[g[parent]!], "\(child)")
                #expect(carried.weight == (try GoalService(store).goal(g[child]!)).weight, "\(child) keeps its weight")
            }
            #expect(try GoalService(store).goal(next[g["kim"]!]!).item("KR1")?.weight == 3)
            #expect(try GoalService(store).goal(next[g["kim2"]!]!).alignedTo == nil)
            #expect(result.linksLost == ["G\(next[g["kim2"]!]!) is aligned to nothing (was G7 → G3, and G3 is done, not carried into 2027Q1)"])
            #expect(result.linksKept.count == 3)
        }
    }

    @Test(arguments: TestEngine.available) func scoresFollowTheScaleInTheSettingsAndShowInTheClosedReport(engine: TestEngine) throws {
        let (store, path, g) = try AlignmentFixture.build(on: engine)
        let december = ReportFixture.at("2026-12-05T10:00:00Z")
        let suggestion = try AlignmentService(store).scoreSuggestion(g["kim"]!, now: december)
        #expect(suggestion.suggested == 0.6, "progress 0.5625 rounds to the nearest step of 0.1")
        #expect(try AlignmentService(store).scoreSuggestion(g["lin"]!, now: december).suggested == 4, "1 + 0.8 × 4 = 4.2 → 4")
        #expect(try AlignmentService(store).scoreSuggestion(g["kim2"]!, now: december).suggested == nil)
        #expect(
            try AlignmentService(store).score(g["kim"]!, 0.7, note: "two of three shipped", actor: "grace", now: december).map {
                "\($0.field) \($0.old ?? "∅") → \($0.new!)"
            } == "score ∅ → 0.7")
        // An organization that grades 0-100 in fives changes its settings with plain SQL.
        try RawDatabase(path).execute(
            "UPDATE setting SET value = '100' WHERE key = 'smart_score_max'; UPDATE setting SET value = '0' WHERE key = 'smart_score_min'; UPDATE "
                + "setting SET value = '5' WHERE key = 'smart_score_step'"
        )
        #expect(try AlignmentService(store).score(g["ada"]!, 85, note: nil, actor: "grace", now: december)?.new == "85")
        #expect(throws: GoalbookError.invalidArgument("87 is off the SMART scale: scores go from 0 to 100 in steps of 5")) {
            _ = try AlignmentService(store).score(g["ada"]!, 87, note: nil, actor: "grace", now: december)
        }
        try RawDatabase(path).execute("UPDATE setting SET value = '0' WHERE key = 'mbo_score_step'")
        #expect(
            throws: GoalbookError.refused(
                "the mbo score scale in the settings is not usable (mbo_score_min 1, _max 5, _step 0): it needs min < max and a step above 0 that "
                    + "fits between them"
            )
        ) {
            _ = try AlignmentService(store).score(g["lin"]!, 4, note: nil, actor: "grace", now: december)
        }
        try RawDatabase(path).execute("UPDATE setting SET value = '1' WHERE key = 'mbo_score_step'")
        let lines = try QuarterService(store).scores(fixture.quarter, team: nil, now: december)
        #expect(lines.map(\.goalId) == ["G1", "G2", "G4", "G6", "G7", "G3"], "in the report's order: Lin (E101) after Ada's subtree")
        #expect(lines.first { $0.goalId == "G6" }.map { "\($0.score!) \($0.scoredBy!)" } == "0.7 grace")
        // A team's scores look their scorers up goal by goal: the same as everyone's, for its goals.
        let team = try QuarterService(store).scores(fixture.quarter, team: "E100", now: december)
        #expect(team.map(\.goalId) == ["G2", "G4", "G6", "G7"])
        #expect(
            team.map { "\($0.goalId) \($0.scoredBy ?? "-") \($0.scoredAt ?? "-")" }
                == lines.filter { team.map(\.goalId).contains($0.goalId) }.map { "\($0.goalId) \($0.scoredBy ?? "-") \($0.scoredAt ?? "-")" })
        #expect(team.compactMap(\.scoredBy) == ["grace", "grace"])
        let close = try QuarterService(store).close(fixture.quarter, note: nil, actor: "hr", now: ReportFixture.at("2026-12-31T18:00:00Z"))
        #expect(close.closed && close.unscored == ["G1 (E001)", "G3 (E101)", "G4 (E102)", "G7 (E103)"])
        let many = (1...25).map { "G\($0) (E1)" }
        #expect(
            QuarterCloseResult.list(many, quarter: fixture.quarter).hasSuffix("G19 (E1), G20 (E1), … (25 in all: goalbook quarter scores 2026Q4)"))
        #expect(throws: GoalbookError.self) {
            _ = try AlignmentService(store).score(g["lin"]!, 4, note: nil, actor: "grace", now: ReportFixture.at("2027-01-02T10:00:00Z"))
        }
        let report = ReportRenderer.render(
            try ReportService(store).report(quarter: fixture.quarter, scope: .all, now: ReportFixture.at("2027-01-05T10:00:00Z")), as: .text)
        #expect(report.contains("      weight 70 · score 0.7 · aligned to G2 (E100)\n"))
        #expect(report.contains("      weight 60 · score 85 · aligned to G1 (E001)\n"))
        let log = try GoalService(store).log(g["kim"]!).last
        #expect(log.map { "\($0.command) \($0.field) \($0.new ?? "") \($0.note ?? "")" } == "goals score score 0.7 two of three shipped")
    }
}

/// The documented end of a quarter (score, carry, close) leaves the quarter's figures as they were.
@Suite struct QuarterEndTests {
    let fixture = AlignmentFixture.self

    /// quarter_progress's rows of 2026Q4, each as `column:value` pairs.
    func progressRows(_ path: String) throws -> [String] {
        let columns = [
            "person_id", "goals", "draft", "active", "done", "dropped", "average_progress", "weighted_progress", "weights_set", "weight_total",
            "scored",
        ]
        return try RawDatabase(path).rows(
            "SELECT \(columns.joined(separator: ", ")) FROM quarter_progress WHERE quarter = '2026Q4' ORDER BY person_id"
        ).map { row in zip(columns, row).map { "\($0):\($1 ?? "NULL")" }.joined(separator: " ") }
    }

    /// The JSON report's goals and teams, without what only a carry adds (`carried_to`) or the instant it was made.
    func comparable(_ json: String) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        object["as_of"] = nil
        object["closed"] = nil
        object["goals"] = (object["goals"] as? [[String: Any]])?.map { goal in
            var goal = goal
            goal["carried_to"] = nil
            return NSDictionary(dictionary: goal)
        }
        object["changes"] = (object["changes"] as? [[String: Any]])?.filter { $0["kind"] as? String != "carried" }.map(NSDictionary.init)
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), as: UTF8.self)
    }

    @Test(arguments: TestEngine.available) func scoringCarryingAndClosingLeaveTheQuartersReportAsItWas(engine: TestEngine) throws {
        let (store, path, g) = try AlignmentFixture.build(on: engine)
        let december = ReportFixture.at("2026-12-20T10:00:00Z")
        for (name, score) in [("top", 3.0), ("ada", 3), ("lin", 4), ("sam", 4), ("kim", 0.6)] {
            _ = try AlignmentService(store).score(g[name]!, score, note: nil, actor: "grace", now: december)
        }
        let before = ReportFixture.at("2026-12-31T10:00:00Z")
        let teamBefore = try ReportService(store).report(quarter: fixture.quarter, scope: .team("E001"), now: before)
        let scoresBefore = try QuarterService(store).scores(fixture.quarter, team: nil, now: before)
        let treeBefore = GoalTree.text(try AlignmentService(store).tree(g["top"]!, asOf: nil, now: before).trees, heading: "tree")
        let rowsBefore = try progressRows(path)

        let carry = try GoalService(store).carry(
            from: fixture.quarter, to: Quarter("2027Q1")!, team: nil, dryRun: false, actor: "grace",
            now: ReportFixture.at("2026-12-31T11:00:00Z"))
        #expect(carry.carried.count == 6, "top, ada, lin, sam, kim and kim2 are active; sam2 is dropped")
        // kim2 was carried unscored: --require-scores still sees it, because it is still 2026Q4's goal.
        let close = ReportFixture.at("2026-12-31T12:00:00Z")
        #expect(
            throws: GoalbookError.refused(
                "2026Q4 was not closed: 1 goal has no score: G7 (E103) (goalbook goals score G… VALUE, or close without --require-scores)")
        ) {
            _ = try QuarterService(store).close(fixture.quarter, note: nil, requireScores: true, actor: "hr", now: close)
        }
        _ = try AlignmentService(store).score(g["kim2"]!, 1, note: "nothing shipped", actor: "grace", now: close)
        #expect(try QuarterService(store).close(fixture.quarter, note: nil, requireScores: true, actor: "hr", now: close).closed)

        let later = ReportFixture.at("2027-01-05T10:00:00Z")
        let teamAfter = try ReportService(store).report(quarter: fixture.quarter, scope: .team("E001"), now: later)
        #expect(teamAfter.closed)
        // Before scoring kim2 the figures were the same apart from its score: compare with it given.
        var expected = teamBefore
        expected.goals = expected.goals.map { goal in
            var goal = goal
            if goal.goalId == GoalID.format(g["kim2"]!) { goal.score = 1 }
            return goal
        }
        expected.summary.unscored = expected.summary.unscored?.filter { $0 != GoalID.format(g["kim2"]!) }
        let txtBefore = ReportRenderer.render(expected, as: .text).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
        let txtAfter = ReportRenderer.render(teamAfter, as: .text).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2)
        let carriedLines = txtAfter.filter { $0.contains("carried") }
        #expect(carriedLines.count == 7, "a `carried to` line under each of six goals, and one line for the six carries of one day")
        #expect(Array(txtAfter.filter { !$0.contains("carried") }) == Array(txtBefore), "everything but the carried lines is as it was")
        #expect(txtAfter.contains("      carried to G\(carry.carried[0].to)"))
        #expect(try comparable(ReportRenderer.render(teamAfter, as: .json)) == comparable(ReportRenderer.render(expected, as: .json)))
        #expect(teamAfter.total.averageProgress == teamBefore.total.averageProgress && teamAfter.total.averageProgress != nil)
        #expect(teamAfter.total.weightedProgress == teamBefore.total.weightedProgress)
        #expect(teamAfter.goals.filter { $0.score != nil }.count == 6)
        #expect(teamAfter.total.alignedToNothing == teamBefore.total.alignedToNothing)

        let scoresAfter = try QuarterService(store).scores(fixture.quarter, team: nil, now: later)
        #expect(scoresAfter.count == scoresBefore.count && scoresAfter.count == 6)
        #expect(scoresAfter.filter { $0.score != nil }.count == 6)
        let treeAfter = GoalTree.text(try AlignmentService(store).tree(g["top"]!, asOf: nil, now: later).trees, heading: "tree")
        let treeChanges = zip(treeBefore.split(separator: "\n"), treeAfter.split(separator: "\n")).filter { $0 != $1 }
        #expect(treeChanges.map { String($0.1) } == treeChanges.map { "\($0.0) · score 1" }, "only kim2's score was added")
        #expect(treeChanges.count == 1 && treeChanges[0].1.contains("G7  E103 Kim Sato"))
        let rowsAfter = try progressRows(path)
        #expect(rowsAfter.map { $0.replacingOccurrences(of: "scored:5", with: "") }.count == rowsBefore.count)
        #expect(
            zip(rowsBefore, rowsAfter).filter { $0 != $1 }.map(\.1) == [rowsAfter.first { $0.contains("E103") }!],
            "only E103's row moved: kim2 was scored")
        let raw = try RawDatabase(path)
        #expect(try raw.strings("SELECT sum(carried) FROM quarter_progress WHERE quarter = '2026Q4'") == ["6"])
        #expect(try raw.strings("SELECT carried_to FROM goal_current WHERE goal_id = \(g["top"]!)") == ["G\(carry.carried[0].to)"])
    }

    @Test(arguments: TestEngine.available) func closingOrCarryingBeforeTheLastDaySaysHowManyDaysAreLeft(engine: TestEngine) throws {
        let (store, path, _) = try AlignmentFixture.build(on: engine)
        let dump = try anyDatabaseDump(path)
        let december = ReportFixture.at("2026-12-20T10:00:00Z")
        #expect(
            throws: GoalbookError.refused(
                "2026Q4 ends on 2026-12-31, 11 days from today (2026-12-20): close it on or after its last day, or say --early to do it now")
        ) {
            _ = try QuarterService(store).close(fixture.quarter, note: nil, actor: "hr", now: december)
        }
        #expect(
            throws: GoalbookError.refused(
                "2026Q4 ends on 2026-12-31, 11 days from today (2026-12-20): carry its goals on or after its last day, or say --early to do it now")
        ) {
            _ = try GoalService(store).carry(from: fixture.quarter, to: Quarter("2027Q1")!, team: nil, dryRun: false, actor: "hr", now: december)
        }
        #expect(try anyDatabaseDump(path) == dump)
        #expect(
            try GoalService(store).carry(
                from: fixture.quarter, to: Quarter("2027Q1")!, team: "E100", early: true, dryRun: false, actor: "hr", now: december
            )
            .carried.map(\.employeeId) == ["E100", "E102", "E103", "E103"], "--team includes its head; sam2 is dropped")
        #expect(try QuarterService(store).close(fixture.quarter, note: nil, early: true, actor: "hr", now: december).closed)
    }

    /// A report reads its goals a chunk at a time, in id order, and puts their lines in people's
    /// order. The chunks' size changes nothing in it: not the order, not the owners of aligned
    /// goals read in other chunks, not the weights checked across chunks, not the trends, the
    /// roll-ups or the changes, now and as of a past instant, and not a tree.
    @Test(arguments: TestEngine.available)
    func aReportReadInChunksIsTheReportReadWhole(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, _, g in
            // The head's second goal, made last: read in the last chunk, second in the report.
            let late = try GoalService(store).add("E001", quarter: fixture.quarter, framework: .smart, rows: [2], actor: "grace", now: fixture.now)
                .created[0].goalId
            let past = PastView(effective: "2026-11-03T00:00:00.000Z")
            for scope in [ReportScope.all, .team("E100"), .team("E100", below: true), .person("E103")] {
                for asOf in [nil, past] {
                    let whole = try ReportService(store).report(quarter: fixture.quarter, scope: scope, asOf: asOf, now: fixture.now)
                    for chunk in [1, 2, 3] {
                        let chunked = try ReportService(store, chunk: chunk).report(
                            quarter: fixture.quarter, scope: scope, asOf: asOf, now: fixture.now)
                        #expect(chunked == whole, "\(scope) as of \(asOf?.effective ?? "now"), \(chunk) a chunk")
                    }
                }
            }
            // What the comparisons cover is there, read one goal a chunk.
            let report = try ReportService(store, chunk: 1).report(quarter: fixture.quarter, scope: .all, now: fixture.now)
            #expect(report.goals.prefix(2).map(\.goalId) == [g["top"]!, late].map(GoalID.format))
            #expect(report.goals.first { $0.goalId == GoalID.format(g["sam"]!) }?.alignedToLabel == "\(GoalID.format(g["ada"]!)) (E100)")
            #expect(
                report.figures.first { $0.employeeId == "E103" }?.weightWarning
                    == "E103 in 2026Q4: goal weights add up to 71, not 100 (\(GoalID.format(g["kim2"]!)) has no weight and counts as 1)")
            #expect(report.teams.contains { !$0.weekly.isEmpty } && !report.changes.isEmpty)
        }
    }

    /// A team's report as of an instant finds the team's goals through the history of the people
    /// then in it: it holds what the whole organization's report as of that instant shows for
    /// them, before and after a goal moved between teams, and with a goal moved there and back.
    @Test(arguments: TestEngine.available)
    func aTeamsPastReportHoldsTheGoalsItsPeopleOwnedThen(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, _, g in
            func at(_ text: String) -> Date { ReportFixture.at(text) }
            let service = GoalService(store)
            // Lin's goal goes to Sam (Ada's team), and Kim's second goal to Lin and back to Kim.
            _ = try service.set(g["lin"]!, [("owner", "E102")], item: nil, direction: nil, actor: "grace", now: at("2026-11-20T09:00:00Z"))
            _ = try service.set(g["kim2"]!, [("owner", "E101")], item: nil, direction: nil, actor: "grace", now: at("2026-11-20T10:00:00Z"))
            _ = try service.set(g["kim2"]!, [("owner", "E103")], item: nil, direction: nil, actor: "grace", now: at("2026-11-22T10:00:00Z"))
            let now = at("2026-11-25T12:00:00Z")
            let reports = ReportService(store)
            func ids(_ report: Report) -> Set<String> { Set(report.goals.map(\.goalId)) }
            for instant in ["2026-11-18T00:00:00.000Z", "2026-11-21T00:00:00.000Z", "2026-11-23T00:00:00.000Z"] {
                let past = PastView(effective: instant)
                let everyone = try reports.report(quarter: fixture.quarter, scope: .all, asOf: past, now: now)
                for scope in [ReportScope.team("E100"), .team("E100", below: true), .person("E101"), .person("E103")] {
                    let report = try reports.report(quarter: fixture.quarter, scope: scope, asOf: past, now: now)
                    let members = Set(report.people.map(\.employeeId))
                    let theirs = everyone.goals.filter { members.contains($0.employeeId) }
                    #expect(report.goals.map(\.goalId) == theirs.map(\.goalId), "\(scope) as of \(instant)")
                }
            }
            let lin = GoalID.format(g["lin"]!)
            let kim2 = GoalID.format(g["kim2"]!)
            func goals(_ scope: ReportScope, _ instant: String) throws -> Set<String> {
                ids(try reports.report(quarter: fixture.quarter, scope: scope, asOf: PastView(effective: instant), now: now))
            }
            #expect(try goals(.person("E101"), "2026-11-18T00:00:00.000Z").contains(lin))
            #expect(try !goals(.person("E101"), "2026-11-21T00:00:00.000Z").contains(lin))
            #expect(try goals(.team("E100"), "2026-11-21T00:00:00.000Z").contains(lin))
            #expect(try goals(.person("E101"), "2026-11-21T00:00:00.000Z").contains(kim2))
            #expect(try !goals(.person("E103"), "2026-11-21T00:00:00.000Z").contains(kim2))
            #expect(try goals(.person("E103"), "2026-11-23T00:00:00.000Z").contains(kim2))
        }
    }

    /// A team's and a person's past reports read the team as it was, walked a level at a time
    /// through manager changes: they hold exactly the people (and goals) that everyone's report as
    /// of the same instant places there. Found only by today's managers, Sam under Lin on 11-21
    /// (he is back under Ada now) and Ada under Grace on 11-18 (she is under Lin now) are lost.
    @Test(arguments: TestEngine.available)
    func aPastTeamIsWalkedThroughItsManagerChanges(engine: TestEngine) throws {
        try AlignmentFixture.build(on: engine) { store, path, _ in
            func at(_ text: String) -> Date { ReportFixture.at(text) }
            let ic2 = "Machine Learning Engineer"
            func move(_ id: String, _ name: String, to manager: String, function: String = ic2, level: String = "IC2", _ instant: String) throws {
                _ = try PeopleService(store).write(
                    [PersonInput(employeeId: id, name: name, email: nil, managerId: manager, family: nil, function: function, level: level)],
                    file: "set", mode: .upsert, actor: "hr", command: "people set", now: at(instant))
            }
            try move("E102", "Sam Ortiz", to: "E101", "2026-11-20T09:00:00Z")
            try move("E105", "Noa Berg", to: "E102", "2026-11-20T10:00:00Z")
            try move("E100", "Ada Park", to: "E101", function: "AI / Machine Learning Engineering", level: "P2", "2026-11-22T09:00:00Z")
            try move("E102", "Sam Ortiz", to: "E100", "2026-11-24T09:00:00Z")
            let now = at("2026-11-25T12:00:00Z")
            let reports = ReportService(store)
            let views =
                ["2026-11-18T00:00:00.000Z", "2026-11-21T00:00:00.000Z", "2026-11-23T00:00:00.000Z", "2026-11-25T00:00:00.000Z"]
                .map { PastView(effective: $0) } + [PastView(effective: "2026-11-21T00:00:00.000Z", recorded: "2026-11-20T08:00:00.000Z")]
            var teams: [String: [String]] = [:]
            for past in views {
                let everyone = try reports.report(quarter: fixture.quarter, scope: .all, asOf: past, now: now)
                let chart = OrgChart(everyone.people.map { (employeeId: $0.employeeId, managerId: $0.managerId) })
                for root in ["E001", "E100", "E101", "E102"] {
                    for below in [false, true] {
                        let report = try reports.report(quarter: fixture.quarter, scope: .team(root, below: below), asOf: past, now: now)
                        let members = (below ? [] : [root]) + chart.below(root)
                        let label = "\(root)\(below ? " below" : "") as of \(past.description)"
                        #expect(report.people.map(\.employeeId).sorted() == members.sorted(), "\(label)")
                        let byId = { (a: ReportPerson, b: ReportPerson) in a.employeeId < b.employeeId }
                        #expect(
                            report.people.sorted(by: byId) == everyone.people.filter { members.contains($0.employeeId) }.sorted(by: byId), "\(label)")
                        let theirs = everyone.goals.filter { members.contains($0.employeeId) }.map(\.goalId)
                        #expect(Set(report.goals.map(\.goalId)) == Set(theirs), "\(label)")
                        if !below { teams["\(root) \(past.description)"] = report.people.map(\.employeeId).sorted() }
                    }
                    let one = try reports.report(quarter: fixture.quarter, scope: .person(root), asOf: past, now: now)
                    #expect(one.people == everyone.people.filter { $0.employeeId == root }, "\(root) alone as of \(past.description)")
                }
            }
            // The cases the walk must find through manager changes, not today's managers.
            #expect(teams["E101 2026-11-21T00:00:00.000Z"] == ["E101", "E102", "E105"], "Sam (and Noa below him) under Lin then")
            #expect(teams["E100 2026-11-21T00:00:00.000Z"] == ["E100", "E103"])
            #expect(teams["E001 2026-11-18T00:00:00.000Z"] == ["E001", "E100", "E101", "E102", "E103"], "Ada under Grace then")
            #expect(teams["E101 2026-11-23T00:00:00.000Z"] == ["E100", "E101", "E102", "E103", "E105"])
            #expect(teams["E100 2026-11-25T00:00:00.000Z"] == ["E100", "E102", "E103", "E105"])
            #expect(teams["E101 2026-11-18T00:00:00.000Z"] == ["E101"])
            let recorded = PastView(effective: "2026-11-21T00:00:00.000Z", recorded: "2026-11-20T08:00:00.000Z")
            #expect(teams["E100 \(recorded.description)"] == ["E100", "E102", "E103"], "Sam's move and Noa were not recorded yet")
            // The analyst's query of docs/schema.md finds the same direct reports as the report, each day.
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/schema.md"), encoding: .utf8)
            let start = try #require(text.range(of: "### Example: who reported to E101 at the end of 21 November 2026?"))
            let query = String(text[start.upperBound...].components(separatedBy: "```sql\n")[1].prefix { $0 != "`" })
            let raw = try RawDatabase(path)
            for (day, expected) in [("2026-11-21", ["E102"]), ("2026-11-18", []), ("2026-11-23", ["E100", "E102"]), ("2026-11-25", ["E100"])] {
                #expect(try raw.rows(query.replacingOccurrences(of: "2026-11-21T", with: "\(day)T")).map { $0[0] ?? "-" } == expected, "\(day)")
                let then = try reports.report(quarter: fixture.quarter, scope: .all, asOf: PastView(effective: "\(day)T23:59:59.999Z"), now: now)
                #expect(then.people.filter { $0.managerId == "E101" }.map(\.employeeId).sorted() == expected, "\(day)")
            }
            #expect(throws: GoalbookError.refused("E105 was not in Goalbook yet at 2026-11-18T00:00:00.000Z")) {
                _ = try reports.report(
                    quarter: fixture.quarter, scope: .team("E105"), asOf: PastView(effective: "2026-11-18T00:00:00.000Z"), now: now)
            }
        }
    }
}
