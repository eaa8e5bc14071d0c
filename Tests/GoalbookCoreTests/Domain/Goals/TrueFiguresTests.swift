import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Figures that mean what they say: activating only filled goals, maintain goals with a side and
/// a tolerance, check-ins in the goal's unit, and one correction per check-in.
@Suite struct TrueFiguresTests {
    let q4 = Quarter("2026Q4")!
    let now = ReportFixture.at("2026-11-20T10:00:00Z")

    func org(_ engine: TestEngine) throws -> (any GoalbookEngine, String) {
        let (store, path) = try makeStore(on: engine)
        _ = try PeopleService(store).write(
            [
                PersonInput(
                    employeeId: "E001", name: "Grace", email: nil, managerId: nil, family: nil, function: "AI / Machine Learning Engineering",
                    level: "P2")
            ], file: "test", mode: .add, actor: "hr", command: "people add", now: ReportFixture.at("2026-09-20T09:00:00Z"))
        return (store, path)
    }

    func smart(_ store: any GoalbookEngine, row: Int = 1) throws -> Int64 {
        try GoalService(store).add("E001", quarter: q4, framework: .smart, rows: [row], actor: "mgr", now: ReportFixture.at("2026-10-01T09:00:00Z"))
            .created[
                0
            ].goalId
    }

    @Test(arguments: TestEngine.available) func anEmptyGoalIsNotActivatedSilentlyAndCanGoBackToDraft(engine: TestEngine) throws {
        let (store, path) = try org(engine)
        let id = try smart(store)
        let dump = try anyDatabaseDump(path)
        #expect(
            throws: GoalbookError.refused(
                "G\(id) has 0 of 3 slots filled; unfilled: baseline, target, date. Fill them first (goalbook goals fill G\(id)), or say "
                    + "--unfilled to make it active as it is"
            )
        ) {
            _ = try GoalService(store).setStatus(id, to: .active, note: nil, actor: "mgr", now: now)
        }
        #expect(try anyDatabaseDump(path) == dump)
        _ = try GoalService(store).set(
            id, [("baseline", "1"), ("target", "4"), ("date", "2026-12-20")], item: nil, direction: nil, actor: "mgr", now: now)
        #expect(
            try GoalService(store).setStatus(id, to: .active, note: nil, actor: "mgr", now: now)
                == FieldChange(field: "status", old: "draft", new: "active"))
        #expect(
            try GoalService(store).setStatus(id, to: .draft, note: "rework", actor: "mgr", now: now)
                == FieldChange(field: "status", old: "active", new: "draft"))
        let other = try smart(store, row: 2)
        #expect(
            try GoalService(store).setStatus(other, to: .active, note: nil, unfilled: true, actor: "mgr", now: now)?.new == "active",
            "--unfilled says it is meant"
        )
    }

    @Test(arguments: TestEngine.available) func aMaintainGoalSaysWhichSideIsGoodAndHowFarOffStillCounts(engine: TestEngine) throws {
        let (store, path) = try org(engine)
        let id = try smart(store)
        _ = try GoalService(store).set(id, [("baseline", "99.5%"), ("target", "99.5%")], item: nil, direction: .maintain, actor: "mgr", now: now)
        _ = try CheckInService(store).checkIn(
            id, value: "97%", item: nil, on: Day(iso: "2026-11-10"), note: nil, confidence: nil, corrects: nil, actor: "mgr", now: now)
        func progress() throws -> Double? { try ReportService(store).report(quarter: q4, scope: .person("E001"), now: now).goals[0].progress }
        #expect(try progress() == 0, "97% on a 99.5% SLO is a miss by default")
        let dump = try anyDatabaseDump(path)
        let refusals: [(String, GoalbookError, [(key: String, value: String)])] = [
            ("unit", .invalidArgument("tolerance 0.5 ms must be in the goal's unit (%): give it like 0.5%"), [("tolerance", "0.5 ms")]),
            ("below 0", .invalidArgument("tolerance cannot be below 0; got -1%"), [("tolerance", "-1%")]),
            ("side", .invalidArgument("keep must be at-least, at-most or within; got 'above'"), [("keep", "above")]),
        ]
        for (label, error, values) in refusals {
            #expect(throws: error, "\(label)") { _ = try GoalService(store).set(id, values, item: nil, direction: nil, actor: "mgr", now: now) }
        }
        #expect(try anyDatabaseDump(path) == dump)
        let changes = try GoalService(store).set(id, [("keep", "at-least"), ("tolerance", "3%")], item: nil, direction: nil, actor: "mgr", now: now)
        #expect(changes.map { $0.line(id) } == ["G\(id) keep: ∅ → at-least", "G\(id) tolerance: ∅ → 3%"])
        #expect(try progress() == 1, "at least 99.5% less 3 points")
        let report = try ReportService(store).report(quarter: q4, scope: .person("E001"), now: now)
        #expect(ReportRenderer.render(report, as: .text).contains("99.5% → 97% → 99.5% (maintain, met at 96.5% or more)"))
        // The analyst view agrees, and as-of replays the change.
        let viewed = try RawDatabase(path).rows("SELECT progress, keep, tolerance FROM goal_current WHERE goal_id = \(id)")
        #expect(viewed.map { "\(Double($0[0] ?? "") ?? -1) \($0[1] ?? "∅") \(Double($0[2] ?? "") ?? -1)" } == ["1.0 at_least 3.0"])
        let before = try GoalService(store).goal(id, asOf: PastView(effective: "2026-11-20T09:59:59.999Z"))
        #expect(before.items[0].keep == nil && before.items[0].tolerance == nil)
        let after = try GoalService(store).goal(id, asOf: PastView(effective: "2026-11-20T10:00:00.000Z"))
        #expect(after.items[0].keep == .atLeast && after.items[0].tolerance == 3)
        // An increasing goal has no side to keep.
        let up = try smart(store, row: 2)
        _ = try GoalService(store).set(up, [("baseline", "1"), ("target", "4")], item: nil, direction: nil, actor: "mgr", now: now)
        #expect(
            throws: GoalbookError.invalidArgument("keep and tolerance are for a goal that keeps a value (direction maintain); this goal is increase")
        ) {
            _ = try GoalService(store).set(up, [("keep", "at-most")], item: nil, direction: nil, actor: "mgr", now: now)
        }
    }

    @Test(arguments: TestEngine.available) func aCheckInIsInTheGoalsUnitAndIsCorrectedOnce(engine: TestEngine) throws {
        let (store, path) = try org(engine)
        let id = try smart(store)
        _ = try GoalService(store).set(id, [("baseline", "1"), ("target", "5")], item: nil, direction: nil, actor: "mgr", now: now)
        let dump = try anyDatabaseDump(path)
        func checkIn(_ value: String, corrects: Int64? = nil) throws -> CheckIn {
            try CheckInService(store).checkIn(
                id, value: value, item: nil, on: Day(iso: "2026-11-10"), note: nil, confidence: nil, corrects: corrects, actor: "mgr", now: now)
        }
        #expect(
            throws: GoalbookError.invalidArgument("the check-in 27% has a unit, but G\(id)'s values have none: give it as a plain number, like 27")
        ) {
            _ = try checkIn("27%")
        }
        #expect(
            throws: GoalbookError.invalidArgument("the check-in 3 ms has a unit, but G\(id)'s values have none: give it as a plain number, like 3")
        ) {
            _ = try checkIn("3 ms")
        }
        #expect(try anyDatabaseDump(path) == dump)
        let first = try checkIn("2")
        let fix = try checkIn("3", corrects: first.id)
        #expect(
            throws: GoalbookError.refused(
                "C\(first.id) was corrected already by C\(fix.id): correct that one instead (goalbook checkin G\(id) VALUE --corrects C\(fix.id))")
        ) {
            _ = try checkIn("4", corrects: first.id)
        }
        let again = try checkIn("4", corrects: fix.id)
        #expect(CheckIn.effective(try CheckInService(store).checkins(id)).map(\.id) == [again.id], "only one value counts")
        #expect(try ReportService(store).report(quarter: q4, scope: .person("E001"), now: now).goals[0].items[0].latest?.number == 4)
        // The database refuses a second correction through raw SQL too.
        let raw = try RawDatabase(path)
        #expect(throws: (any Error).self) {
            try raw.execute(
                "INSERT INTO checkin (goal_id, item, value, number, checked_on, corrects_checkin_id, recorded_at, actor) VALUES (\(id), 'main', "
                    + "'9', 9, '2026-11-10', \(first.id), 'x', 'x')"
            )
        }
        #expect(try raw.strings("SELECT value FROM checkin_latest WHERE goal_id = \(id)") == ["4"])
    }
}
