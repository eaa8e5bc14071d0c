import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Goals made from templates: typed slots, lifecycle, history that cannot be lost, as-of, carry.
@Suite struct GoalTests {
    static let fn = "AI / Machine Learning Engineering"
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)  // 2026-09-21T14:13:20Z

    func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    /// A store with E001 managing E100 (P2 frame) and E101 (IC2 ladder frame).
    func org(_ engine: TestEngine) throws -> (any GoalbookEngine, String) {
        let (store, path) = try makeStore(on: engine)
        let people = [
            PersonInput(employeeId: "E001", name: "Grace", email: nil, managerId: nil, family: nil, function: Self.fn, level: "P2"),
            PersonInput(employeeId: "E100", name: "Ada", email: nil, managerId: "E001", family: nil, function: Self.fn, level: "P2"),
            PersonInput(
                employeeId: "E101", name: "Lin", email: nil, managerId: "E001", family: nil, function: "Machine Learning Engineer", level: "IC2"),
        ]
        _ = try PeopleService(store).write(people, file: "test", mode: .add, actor: "hr", command: "people add", now: t0)
        return (store, path)
    }

    let q4 = Quarter("2026Q4")!

    @Test(arguments: TestEngine.available) func aGoalKeepsTheRenderedTemplateTextAndItsCanonLink(engine: TestEngine) throws {
        let (store, _) = try org(engine)
        let created = try GoalService(store).add("E100", quarter: q4, framework: .okr, rows: [2], actor: "mgr", now: at(1))
        let goal = try GoalService(store).goal(try #require(created.created.first).goalId)
        let frame = try CanonService(store).frame(function: Self.fn, level: "P2")
        let row = TemplateRenderer.rows(.okr, for: frame)[1]
        #expect(goal.templateText == row.printLines.joined(separator: "\n"))
        #expect(goal.statementId == row.source.statementId)
        #expect(goal.canonVersionId == frame.canonVersionId)
        #expect(goal.status == .draft)
        #expect(goal.items.map(\.name) == ["KR1", "KR2"])
        #expect(goal.unfilledSlots == ["KR1.baseline", "KR1.target", "KR1.date", "KR2.target", "KR2.date"])
        #expect(goal.filledText == goal.templateText, "nothing looks filled that is not")
    }

    @Test(arguments: TestEngine.available) func filledSlotsTakeThePlaceOfTheirPlaceholders(engine: TestEngine) throws {
        let (store, _) = try org(engine)
        let id = try GoalService(store).add("E100", quarter: q4, framework: .okr, rows: [1], actor: "mgr").created[0].goalId
        _ = try GoalService(store).set(
            id, [("baseline", "12%"), ("target", "40%"), ("date", "2026-12-15")], item: "KR1", direction: nil, actor: "mgr")
        let goal = try GoalService(store).goal(id)
        #expect(goal.filledText.split(separator: "\n")[1].hasPrefix("  KR1. From 12% to 40% by 2026-12-15 — tied to: \"Performs data preprocessing"))
        #expect(goal.filledText.split(separator: "\n")[2].hasSuffix("— ⟨target⟩ by ⟨date⟩"))
        #expect(goal.item("KR1")?.direction == .increase)
    }

    @Test(arguments: TestEngine.available) func badValuesAreRefusedNamingTheSlotAndChangeNothing(engine: TestEngine) throws {
        let (store, path) = try org(engine)
        let id = try GoalService(store).add("E100", quarter: q4, framework: .okr, rows: [1], actor: "mgr").created[0].goalId
        _ = try GoalService(store).set(id, [("baseline", "12%")], item: "KR1", direction: nil, actor: "mgr")
        let dump = try anyDatabaseDump(path)
        let cases: [([(String, String)], String?, GoalbookError)] = [
            ([("target", "40%")], nil, .invalidArgument("G\(id) has a target in KR1 and KR2: name one with --item")),
            ([("target", "40 ms")], "KR1", .invalidArgument("KR1 baseline 12% and target 40 ms must agree on the unit (% vs ms)")),
            (
                [("target", "12%")], "KR1",
                .invalidArgument("KR1 baseline and target are both 12%: a goal that keeps a value needs --direction maintain")
            ),
            ([("date", "2026-09-30")], "KR1", .invalidArgument("KR1.date 2026-09-30 is before 2026Q4 starts (2026-10-01)")),
            ([("date", "2026-02-30")], "KR1", .invalidArgument("KR1.date must be an ISO date like 2026-12-31; got '2026-02-30'")),
            ([("baseline", "1")], "KR2", .invalidArgument("KR2 of G\(id) has no baseline (its slots: target, date)")),
            (
                [("colour", "3")], "KR1",
                .invalidArgument("unknown field 'colour': a goal has baseline, target, date, keep, tolerance, weight and owner")
            ),
            ([("weight", "-3")], "KR1", .invalidArgument("the weight of KR1 cannot be below 0; got -3")),
            ([("weight", "heavy")], nil, .invalidArgument("the weight of G\(id) must be a number of 0 or more, like 30 or 2.5; got 'heavy'")),
            ([("KR3.target", "3")], nil, .invalidArgument("G\(id) has no item KR3; its items are KR1, KR2")),
            ([("target", "40%"), ("date", "soon")], "KR1", .invalidArgument("KR1.date must be an ISO date like 2026-12-31; got 'soon'")),
        ]
        for (assignments, item, error) in cases {
            #expect(throws: error) {
                _ = try GoalService(store).set(id, assignments.map { (key: $0.0, value: $0.1) }, item: item, direction: nil, actor: "mgr")
            }
        }
        #expect(try anyDatabaseDump(path) == dump, "a refused command writes nothing, not even the valid part")
    }

    @Test(arguments: TestEngine.available) func directionFollowsBaselineToTargetAndMaintainMustBeSaid(engine: TestEngine) throws {
        let (store, _) = try org(engine)
        let id = try GoalService(store).add("E100", quarter: q4, framework: .smart, rows: [1], actor: "mgr").created[0].goalId
        _ = try GoalService(store).set(id, [("baseline", "40 ms"), ("target", "25ms")], item: nil, direction: nil, actor: "mgr")
        #expect(try GoalService(store).goal(id).item("main")?.direction == .decrease)
        _ = try GoalService(store).set(id, [("target", "40 ms")], item: nil, direction: .maintain, actor: "mgr")
        #expect(try GoalService(store).goal(id).item("main")?.direction == .maintain)
        #expect(throws: GoalbookError.invalidArgument("--direction increase contradicts baseline 40 ms → target 10 ms, which is decrease")) {
            _ = try GoalService(store).set(id, [("target", "10 ms")], item: nil, direction: .increase, actor: "mgr")
        }
    }

    @Test(arguments: TestEngine.available) func statusFollowsTheLifecycleAndIsRecordedWithItsNote(engine: TestEngine) throws {
        let (store, _) = try org(engine)
        let id = try GoalService(store).add("E100", quarter: q4, framework: .mbo, rows: [1], actor: "mgr").created[0].goalId
        #expect(throws: GoalbookError.refused("G\(id) is draft and cannot become done (it can become active)")) {
            _ = try GoalService(store).setStatus(id, to: .done, note: nil, actor: "mgr")
        }
        _ = try GoalService(store).setStatus(id, to: .active, note: "agreed", unfilled: true, actor: "mgr")
        #expect(
            throws: GoalbookError.refused(
                "G\(id) is active and cannot become carried (it can become done or dropped or draft); goals are carried by goalbook goals carry")
        ) {
            _ = try GoalService(store).setStatus(id, to: .carried, note: nil, actor: "mgr")
        }
        _ = try GoalService(store).setStatus(id, to: .dropped, note: "reorg", actor: "mgr")
        #expect(throws: GoalbookError.refused("G\(id) is dropped and cannot become active (dropped is final)")) {
            _ = try GoalService(store).setStatus(id, to: .active, note: nil, unfilled: true, actor: "mgr")
        }
        #expect(throws: GoalbookError.refused("G\(id) is dropped and cannot be changed")) {
            _ = try GoalService(store).set(id, [("target", "3")], item: nil, direction: nil, actor: "mgr")
        }
        let log = try GoalService(store).log(id).map { "\($0.field) \($0.old ?? "∅")→\($0.new ?? "∅") \($0.note ?? "")" }
        #expect(log == ["created ∅→draft ", "status draft→active agreed", "status active→dropped reorg"])
    }

    @Test(arguments: TestEngine.available) func assignGivesEachPersonBelowTheManagerTheirOwnFrameAndSkipsWhatExists(engine: TestEngine) throws {
        let (store, path) = try org(engine)
        let dump = try anyDatabaseDump(path)
        let withHead = try GoalService(store).assign(team: "E001", quarter: q4, framework: .okr, rows: [1], dryRun: true, actor: "mgr")
        #expect(withHead.map(\.employeeId) == ["E001", "E100", "E101"], "a team includes its head")
        let plan = try GoalService(store).assign(team: "E001", below: true, quarter: q4, framework: .okr, rows: [1], dryRun: true, actor: "mgr")
        #expect(try anyDatabaseDump(path) == dump, "a dry run writes nothing")
        #expect(plan.map(\.employeeId) == ["E100", "E101"])
        #expect(plan[1].created.first?.title == "I act with urgency and deliver high-quality work that will add the most value")
        let first = try GoalService(store).assign(team: "E001", below: true, quarter: q4, framework: .okr, rows: nil, dryRun: false, actor: "mgr")
        #expect(first.map { $0.created.count } == [5, 39])
        _ = try PeopleService(store).leave("E101", on: Day(iso: "2026-09-30")!, actor: "hr")
        let again = try GoalService(store).assign(team: "E001", below: true, quarter: q4, framework: .okr, rows: nil, dryRun: false, actor: "mgr")
        #expect(again.map(\.employeeId) == ["E100"], "people who left before the quarter get no goals")
        #expect(again[0].created.isEmpty && again[0].existing.count == 5)
        #expect(throws: GoalbookError.refused("E100 already has G1 for OKR objective 1 in 2026Q4; nothing was created")) {
            _ = try GoalService(store).add("E100", quarter: q4, framework: .okr, rows: [1, 2], actor: "mgr")
        }
        #expect(
            throws: GoalbookError.invalidArgument(
                "row 6 does not exist: the OKRs template of Data Science & Analytics · AI / Machine Learning Engineering · P2 (E100's frame) has "
                    + "rows 1–5"
            )
        ) {
            _ = try GoalService(store).add("E100", quarter: Quarter("2027Q1")!, framework: .okr, rows: [6], actor: "mgr")
        }
    }

    @Test(arguments: TestEngine.available) func asOfRebuildsEachPointOfAGoalsLife(engine: TestEngine) throws {
        let (store, _) = try org(engine)
        let id = try GoalService(store).add("E100", quarter: q4, framework: .smart, rows: [1], actor: "mgr", now: at(10)).created[0].goalId
        _ = try GoalService(store).set(id, [("baseline", "10"), ("target", "20")], item: nil, direction: nil, actor: "mgr", now: at(20))
        _ = try GoalService(store).setStatus(id, to: .active, note: nil, unfilled: true, actor: "mgr", now: at(30))
        _ = try GoalService(store).set(id, [("target", "30")], item: nil, direction: nil, actor: "boss", now: at(40))
        _ = try GoalService(store).set(id, [("owner", "E101")], item: nil, direction: nil, actor: "hr", now: at(50))
        _ = try GoalService(store).setStatus(id, to: .dropped, note: nil, actor: "mgr", now: at(60))
        func state(_ seconds: Double) throws -> String {
            let g = try GoalService(store).goal(id, asOf: PastView(effective: Timestamp.string(at(seconds))))
            return
                "\(g.employeeId) \(g.status.rawValue) \(g.item("main")!.slot(.baseline)!.value ?? "∅")→\(g.item("main")!.slot(.target)!.value ?? "∅")"
        }
        #expect(throws: GoalbookError.self) { _ = try GoalService(store).goal(id, asOf: PastView(effective: Timestamp.string(at(5)))) }
        #expect(try state(10) == "E100 draft ∅→∅")
        #expect(try state(25) == "E100 draft 10→20")
        #expect(try state(35) == "E100 active 10→20")
        #expect(try state(45) == "E100 active 10→30")
        #expect(try state(55) == "E101 active 10→30")
        #expect(try state(65) == "E101 dropped 10→30")
        let listed = try GoalService(store).goals(GoalFilter(quarter: q4, asOf: PastView(effective: Timestamp.string(at(35)))))
        #expect(listed.map { "\($0.displayId) \($0.status.rawValue)" } == ["G\(id) active"])
        #expect(
            try GoalService(store).goals(GoalFilter(asOf: PastView(effective: Timestamp.string(at(5))))).isEmpty,
            "goals created later are not listed as of before")
        #expect(try GoalService(store).goals(GoalFilter(status: .active, asOf: PastView(effective: Timestamp.string(at(35))))).count == 1)
        #expect(try GoalService(store).goals(GoalFilter(status: .active)).isEmpty)
    }

    @Test(arguments: TestEngine.available) func historyCannotBeEditedOrDeletedWithRawSQL(engine: TestEngine) throws {
        let (store, path) = try org(engine)
        _ = try GoalService(store).add("E100", quarter: q4, framework: .smart, rows: [1], actor: "mgr")
        let raw = try RawDatabase(path)
        for sql in [
            "UPDATE history SET new_value = 'forged'", "DELETE FROM history", "DELETE FROM goal",
            "UPDATE goal SET template_text = 'rewritten'", "DELETE FROM goal_slot", "DELETE FROM person",
        ] {
            #expect(throws: Error.self, "\(sql) was allowed") { try raw.execute(sql) }
        }
        #expect(try raw.strings("SELECT new_value FROM history WHERE field = 'created' AND goal_id IS NOT NULL") == ["draft"])
    }

    @Test(arguments: TestEngine.available) func reimportingAChangedCanonLeavesGoalsAsTheyWereAndSaysSo(engine: TestEngine) throws {
        let (store, _) = try org(engine)
        let id = try GoalService(store).add("E100", quarter: q4, framework: .okr, rows: [1], actor: "mgr").created[0].goalId
        let before = try GoalService(store).goal(id)
        #expect(try GoalService(store).canonMovedOn(before) == nil)
        var yaml = String(decoding: Resources.builtInCanon.first { $0.name.hasSuffix(".yaml") }!.bytes, as: UTF8.self)
        yaml = yaml.replacingOccurrences(
            of: "handling missing values and engineering features under guidance.",
            with: "handling missing values and engineering features.")
        _ = try CanonService(store).importCanon([CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "v2.yaml")], actor: "hr")
        let after = try GoalService(store).goal(id)
        #expect(after == before)
        let moved = try #require(try GoalService(store).canonMovedOn(after))
        #expect(moved.statementChanged)
        #expect(moved.canonVersion != before.canonVersionId)
        let fresh = try GoalService(store).add("E100", quarter: Quarter("2027Q1")!, framework: .okr, rows: [1], actor: "mgr").created[0]
        #expect(fresh.title.hasSuffix("engineering features."), "new goals come from the new canon")
    }

    @Test(arguments: TestEngine.available) func carryMovesActiveGoalsOnWithTheirLastValueAsBaseline(engine: TestEngine) throws {
        let (store, path) = try org(engine)
        let lastDay = ReportFixture.at("2026-12-31T18:00:00Z")
        let ids = try GoalService(store).add("E100", quarter: q4, framework: .smart, rows: [1, 2], actor: "mgr").created.map(\.goalId)
        _ = try GoalService(store).set(
            ids[0], [("baseline", "10%"), ("target", "50%"), ("date", "2026-12-01")], item: nil, direction: nil, actor: "mgr")
        _ = try GoalService(store).setStatus(ids[0], to: .active, note: nil, unfilled: true, actor: "mgr")
        let dump = try anyDatabaseDump(path)
        #expect(
            throws: GoalbookError.refused(
                "2026Q4 ends on 2026-12-31, 1 day from today (2026-12-30): carry its goals on or after its last day, or say --early to do it now")
        ) {
            _ = try GoalService(store).carry(
                from: q4, to: Quarter("2027Q1")!, team: nil, dryRun: true, actor: "mgr", now: ReportFixture.at("2026-12-30T12:00:00Z"))
        }
        let dry = try GoalService(store).carry(from: q4, to: Quarter("2027Q1")!, team: nil, dryRun: true, actor: "mgr", now: lastDay)
        #expect(dry.carried.count == 1)
        #expect(try anyDatabaseDump(path) == dump)
        let result = try GoalService(store).carry(from: q4, to: Quarter("2027Q1")!, team: "E001", dryRun: false, actor: "mgr", now: lastDay)
        let carried = try #require(result.carried.first)
        #expect(carried.from == ids[0])
        let old = try GoalService(store).goal(ids[0])
        let new = try GoalService(store).goal(carried.to)
        #expect(old.status == .active && old.carriedTo == carried.to, "the old goal keeps its status and says where it went")
        #expect(new.status == .active && new.carriedFrom == ids[0] && new.quarter == "2027Q1")
        #expect(new.templateText == old.templateText)
        #expect(new.item("main")?.slots.map { $0.value ?? "∅" } == ["10%", "50%", "∅"], "the old date lies before the new quarter")
        #expect(try GoalService(store).goal(ids[1]).status == .draft, "drafts are not carried")
        #expect(
            throws: GoalbookError.refused("G\(ids[0]) was carried to G\(carried.to) and cannot be changed; change G\(carried.to), which continues it")
        ) {
            _ = try GoalService(store).set(ids[0], [("target", "60%")], item: nil, direction: nil, actor: "mgr")
        }
        let twice = try GoalService(store).carry(from: q4, to: Quarter("2027Q2")!, team: nil, dryRun: false, actor: "mgr", now: lastDay)
        #expect(twice.carried.isEmpty && twice.skipped.map(\.reason) == ["already carried to G\(carried.to)"])
        #expect(try GoalService(store).carry(from: q4, to: Quarter("2027Q1")!, team: nil, dryRun: false, actor: "mgr", now: lastDay).carried.isEmpty)
        #expect(try GoalService(store).log(ids[0]).last.map { "\($0.field) \($0.new ?? "")" } == "carried_to G\(carried.to)")
    }

    /// More people than one slice of statements (10,000): every person gets their goals, with
    /// keys in person order, items, slots and one history row each, and the progress line ends at
    /// the whole team.
    @Test(arguments: TestEngine.available) func assignToMoreThanOneSliceOfPeopleMakesEveryGoalOnce(engine: TestEngine) throws {
        let (store, path) = try makeStore(on: engine)
        let people =
            [PersonInput(employeeId: "E0", name: "Head", email: nil, managerId: nil, family: nil, function: Self.fn, level: "P2")]
            + (1...10_002).map {
                PersonInput(employeeId: "E\($0)", name: "Person \($0)", email: nil, managerId: "E0", family: nil, function: Self.fn, level: "P2")
            }
        _ = try PeopleService(store).write(people, file: "test", mode: .add, actor: "hr", command: "people add", now: t0)
        var shown: [String] = []
        let meter = ProgressMeter("Assigning") { shown.append($0) }
        let made = try GoalService(store).assign(
            team: "E0", below: true, quarter: q4, framework: .smart, rows: [1, 2], dryRun: false, actor: "mgr", progress: meter)
        meter.finish()
        #expect(made.count == 10_002 && made.allSatisfy { $0.created.count == 2 && $0.existing.isEmpty })
        #expect(shown.contains { $0.hasPrefix("\rAssigning  10,002/10,002  100%") }, "\(shown)")
        let raw = try RawDatabase(path)
        #expect(
            try raw.rows(
                """
                SELECT count(*), count(DISTINCT person_id), min(goal_id), max(goal_id),
                       (SELECT count(*) FROM goal AS a JOIN goal AS b ON b.goal_id = a.goal_id + 1
                        WHERE (b.person_id, b.row_number) <= (a.person_id, a.row_number)),
                       (SELECT count(*) FROM history WHERE field = 'created' AND goal_id IS NOT NULL),
                       (SELECT count(DISTINCT goal_id) FROM goal_item), (SELECT count(DISTINCT goal_id) FROM goal_slot)
                FROM goal
                """) == [["20004", "10002", "1", "20004", "0", "20004", "20004", "20004"]],
            "keys follow person and row with no gap; every goal has its history row, items and slots")
        let again = try GoalService(store).assign(team: "E0", below: true, quarter: q4, framework: .smart, rows: [1, 2], dryRun: false, actor: "mgr")
        #expect(again.allSatisfy { $0.created.isEmpty && $0.existing.count == 2 }, "a second assign finds them all")
    }
}
