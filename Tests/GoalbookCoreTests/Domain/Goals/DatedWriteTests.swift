import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// A team that adopts Goalbook mid-quarter dates its writes back (`--date`): history keeps when
/// each change took effect and when it was recorded, `--as-of` reads the first and
/// `--as-recorded` the second.
@Suite struct DatedWriteTests {
    static let fn = "AI / Machine Learning Engineering"
    /// The day the team types everything in: 2026-12-01T10:00:00Z.
    let typedIn = Date(timeIntervalSince1970: 1_796_119_200)
    let q4 = Quarter("2026Q4")!

    func day(_ text: String) -> Day { Day(iso: text)! }
    func bound(_ text: String) throws -> String { try AsOf.bound(text) }

    /// Grace (E001) and Ada (E100) from 2 October, Ada's SMART goal set on 5 October and made
    /// active, a check-in dated 20 October, all typed in on 1 December; then, on 1 December
    /// itself, the target moves from 20 to 30.
    func adopted(_ engine: TestEngine) throws -> (store: any GoalbookEngine, path: String, goal: Int64) {
        let (store, path) = try makeStore(on: engine)
        let people = [
            PersonInput(employeeId: "E001", name: "Grace", email: nil, managerId: nil, family: nil, function: Self.fn, level: "P2"),
            PersonInput(employeeId: "E100", name: "Ada", email: nil, managerId: "E001", family: nil, function: Self.fn, level: "P2"),
        ]
        _ = try PeopleService(store).write(
            people, file: "staff.csv", mode: .upsert, actor: "hr", command: "people import", now: typedIn, dated: day("2026-10-02"))
        let created = try GoalService(store).add(
            "E100", quarter: q4, framework: .smart, rows: [1], actor: "grace", now: typedIn.addingTimeInterval(1), dated: day("2026-10-02"))
        let goal = try #require(created.created.first).goalId
        _ = try GoalService(store).set(
            goal, [("baseline", "10"), ("target", "20"), ("date", "2026-12-31")], item: nil, direction: nil, actor: "grace",
            now: typedIn.addingTimeInterval(2), dated: day("2026-10-05"))
        _ = try GoalService(store).setStatus(
            goal, to: .active, note: nil, actor: "grace", now: typedIn.addingTimeInterval(3), dated: day("2026-10-05"))
        _ = try CheckInService(store).checkIn(
            goal, value: "15", item: nil, on: day("2026-10-20"), note: nil, confidence: nil, corrects: nil, actor: "ada",
            now: typedIn.addingTimeInterval(4))
        _ = try GoalService(store).set(goal, [("target", "30")], item: nil, direction: nil, actor: "grace", now: typedIn.addingTimeInterval(5))
        return (store, path, goal)
    }

    @Test(arguments: TestEngine.available) func historyKeepsWhenAChangeTookEffectAndWhenItWasRecorded(engine: TestEngine) throws {
        let (store, path, goal) = try adopted(engine)
        let rows = try RawDatabase(path).rows(
            "SELECT command, field, changed_at, recorded_at FROM history WHERE goal_id = \(goal) OR goal_id IS NULL ORDER BY history_id")
        #expect(
            rows.map { $0.map { $0 ?? "∅" }.joined(separator: " ") } == [
                "people import created 2026-10-02T10:00:00.000Z 2026-12-01T10:00:00.000Z",
                "people import created 2026-10-02T10:00:00.000Z 2026-12-01T10:00:00.000Z",
                "goals add created 2026-10-02T10:00:01.000Z 2026-12-01T10:00:01.000Z",
                "goals set baseline 2026-10-05T10:00:02.000Z 2026-12-01T10:00:02.000Z",
                "goals set target 2026-10-05T10:00:02.000Z 2026-12-01T10:00:02.000Z",
                "goals set date 2026-10-05T10:00:02.000Z 2026-12-01T10:00:02.000Z",
                "goals set direction 2026-10-05T10:00:02.000Z 2026-12-01T10:00:02.000Z",
                "goals status status 2026-10-05T10:00:03.000Z 2026-12-01T10:00:03.000Z",
                "goals set target 2026-12-01T10:00:05.000Z 2026-12-01T10:00:05.000Z",
            ])
        // The rows themselves take effect then too, and the analyst's view shows both times.
        #expect(
            try RawDatabase(path).strings("SELECT created_at FROM person ORDER BY employee_id") == [
                "2026-10-02T10:00:00.000Z", "2026-10-02T10:00:00.000Z",
            ])
        #expect(try RawDatabase(path).strings("SELECT created_at FROM goal") == ["2026-10-02T10:00:01.000Z"])
        #expect(
            try RawDatabase(path).rows("SELECT field, changed_at, recorded_at FROM goal_history WHERE field = 'target' ORDER BY history_id")
                .map { $0.map { $0 ?? "∅" }.joined(separator: " ") } == [
                    "target 2026-10-05T10:00:02.000Z 2026-12-01T10:00:02.000Z",
                    "target 2026-12-01T10:00:05.000Z 2026-12-01T10:00:05.000Z",
                ])
        // The log says which changes were dated back.
        let log = try GoalService(store).log(goal)
        #expect(
            log.map(\.recordedAt) == Array(repeating: "2026-12-01T10:00:01.000Z", count: 1) + Array(repeating: "2026-12-01T10:00:02.000Z", count: 4)
                + ["2026-12-01T10:00:03.000Z", nil])
        #expect(GoalText.log(log).contains("2026-10-05T10:00:03.000Z (recorded 2026-12-01) grace goals status"))
    }

    @Test(arguments: TestEngine.available) func asOfReadsWhenThingsTookEffectAndAsRecordedWhatGoalbookKnew(engine: TestEngine) throws {
        let (store, _, goal) = try adopted(engine)
        let goals = GoalService(store)
        // As of 3 October the goal was a draft; as of 10 October it was active, 10 → 20.
        let early = try goals.goal(goal, asOf: PastView(effective: try bound("2026-10-03")))
        #expect(early.status == .draft && early.items[0].slot(.target)?.value == nil)
        let october = try goals.goal(goal, asOf: PastView(effective: try bound("2026-10-10")))
        #expect(october.status == .active && october.items[0].slot(.target)?.value == "20")
        // Nothing of it had been recorded by 30 November.
        #expect(throws: GoalbookError.self) {
            _ = try goals.goal(goal, asOf: PastView(effective: try bound("2026-10-10"), recorded: try bound("2026-11-30")))
        }
        // Recorded by the end of 1 December, 10 October reads the same as without the bound.
        #expect(try goals.goal(goal, asOf: PastView(effective: try bound("2026-10-10"), recorded: try bound("2026-12-01"))) == october)

        // The report as of 31 October: Ada's goal active, 10 → 15 → 20, from the check-in dated 20 October.
        let reports = ReportService(store)
        let then = try reports.report(quarter: q4, scope: .all, asOf: PastView(effective: try bound("2026-10-31")), now: typedIn)
        #expect(then.people.map(\.employeeId) == ["E001", "E100"])
        let row = try #require(then.goals.first)
        #expect(then.goals.count == 1 && row.status == .active && row.progress == 0.5)
        #expect(row.items.first?.target?.number == 20)
        #expect(then.asRecorded == nil)
        // As Goalbook had it on 30 November: nobody, no goals; the header says which view it is.
        let known = try reports.report(
            quarter: q4, scope: .all, asOf: try PastView.parse(asOf: "2026-10-31", asRecorded: "2026-11-30"), now: typedIn)
        #expect(known.people.isEmpty && known.goals.isEmpty && known.summary.tracks.allSatisfy(\.goals.isEmpty))
        #expect(ReportRenderer.render(known, as: .text).contains("As of 2026-10-31T23:59:59.999Z, as recorded by 2026-11-30T23:59:59.999Z;"))
        #expect(ReportRenderer.render(known, as: .json).contains("\"as_recorded\": \"2026-11-30T23:59:59.999Z\""))
        // --as-recorded alone is also the effective bound: on 1 December at 10:00:04, before the target moved.
        let printed = try reports.report(
            quarter: q4, scope: .all, asOf: try PastView.parse(asOf: nil, asRecorded: "2026-12-01T10:00:04"), now: typedIn)
        #expect(printed.goals.first?.items.first?.target?.number == 20)
        #expect(try reports.report(quarter: q4, scope: .all, now: typedIn).goals.first?.items.first?.target?.number == 30)
    }

    @Test(arguments: TestEngine.available) func aChangeWrittenOutOfTimeOrderIsReplayedByWhenItTookEffect(engine: TestEngine) throws {
        // Goalbook refuses a dated write before a goal's last change, so its own rows of one goal are
        // written in time order. A row put in by hand (a history brought over from another tool) can
        // come later and take effect earlier: the target 15 below, written last, took effect on
        // 4 October, before the target 20 of 5 October.
        let (store, path, goal) = try adopted(engine)
        try RawDatabase(path).execute(
            """
            INSERT INTO history (changed_at, recorded_at, actor, command, person_id, goal_id, item, field, old_value, new_value)
            SELECT '2026-10-04T09:00:00.000Z', '2026-12-01T11:00:00.000Z', 'import', 'import', person_id, goal_id, item, field, NULL, '15'
            FROM history WHERE goal_id = \(goal) AND field = 'target' AND new_value = '20'
            """)
        let goals = GoalService(store)
        let target = { (day: String) in try goals.goal(goal, asOf: PastView(effective: try self.bound(day))).items[0].slot(.target)?.value }
        #expect(try target("2026-10-04") == "15")
        #expect(try target("2026-10-10") == "20")
        #expect(try target("2026-12-02") == "30")
        let filter = GoalFilter(team: "E001", asOf: PastView(effective: try bound("2026-10-10")))
        #expect(try goals.goals(filter).map { $0.items[0].slot(.target)?.value } == ["20"])
        let report = try ReportService(store).report(quarter: q4, scope: .all, asOf: PastView(effective: try bound("2026-10-10")), now: typedIn)
        #expect(report.goals.first?.items.first?.target?.number == 20)
    }

    @Test(arguments: TestEngine.available) func aDatedWriteThatWouldContradictHistoryIsRefusedAndChangesNothing(engine: TestEngine) throws {
        let (store, path, goal) = try adopted(engine)
        let dump = try anyDatabaseDump(path)
        let goals = GoalService(store)
        let later = typedIn.addingTimeInterval(60)
        func refused(_ expected: String, _ body: () throws -> Void) {
            do {
                try body()
                Issue.record("not refused: \(expected)")
            } catch {
                #expect((error as? GoalbookError)?.errorDescription?.contains(expected) == true, "\(error)")
            }
        }
        refused("--date 2026-12-02 is in the future (today is 2026-12-01, UTC)") {
            _ = try goals.set(goal, [("target", "40")], item: nil, direction: nil, actor: "grace", now: later, dated: day("2026-12-02"))
        }
        refused("--date 2026-11-15 comes before G\(goal)'s last change (at 2026-12-01T10:00:05.000Z)") {
            _ = try goals.set(goal, [("target", "40")], item: nil, direction: nil, actor: "grace", now: later, dated: day("2026-11-15"))
        }
        refused("--date 2026-09-30 is outside 2026Q4 (2026-10-01 to 2026-12-31), the quarter of G\(goal)") {
            _ = try goals.setStatus(goal, to: .done, note: nil, actor: "grace", now: later, dated: day("2026-09-30"))
        }
        // Lin joins today; a goal of hers cannot take effect in October, alone or in a team.
        _ = try PeopleService(store).write(
            [PersonInput(employeeId: "E101", name: "Lin", email: nil, managerId: "E001", family: nil, function: Self.fn, level: "P2")],
            file: "people add", mode: .add, actor: "hr", command: "people add", now: later)
        let withLin = try anyDatabaseDump(path)
        refused("E101 was added at 2026-12-01T10:01:00.000Z, after --date 2026-10-02: a goal cannot take effect before its owner") {
            _ = try goals.assign(
                team: "E001", quarter: q4, framework: .okr, rows: [1], dryRun: false, actor: "grace", now: later.addingTimeInterval(1),
                dated: day("2026-10-02"))
        }
        refused("E102's manager E101 was added at 2026-12-01T10:01:00.000Z, after --date 2026-10-02") {
            _ = try PeopleService(store).write(
                [PersonInput(employeeId: "E102", name: "Kim", email: nil, managerId: "E101", family: nil, function: Self.fn, level: "P2")],
                file: "people add", mode: .add, actor: "hr", command: "people add", now: later.addingTimeInterval(1), dated: day("2026-10-02"))
        }
        refused("--date 2026-10-01 comes before E100's last change (at 2026-10-02T10:00:00.000Z)") {
            _ = try PeopleService(store).write(
                [PersonInput(employeeId: "E100", name: "Ada L.", email: nil, managerId: "E001", family: nil, function: Self.fn, level: "P2")],
                file: "people set", mode: .update, actor: "hr", command: "people set", now: later.addingTimeInterval(1), dated: day("2026-10-01"))
        }
        // A staff file, more rows than are looked up one by one, is checked by scanning: the same answers.
        let many = (0..<PeoplePlan.namedLimit).map {
            PersonInput(employeeId: "N\($0)", name: "N \($0)", email: nil, managerId: "E001", family: nil, function: Self.fn, level: "P2")
        }
        refused("E102's manager E101 was added at 2026-12-01T10:01:00.000Z, after --date 2026-10-02") {
            _ = try PeopleService(store).write(
                many + [PersonInput(employeeId: "E102", name: "Kim", email: nil, managerId: "E101", family: nil, function: Self.fn, level: "P2")],
                file: "staff.csv", mode: .upsert, actor: "hr", command: "people import", now: later.addingTimeInterval(1), dated: day("2026-10-02"))
        }
        refused("--date 2026-10-01 comes before E100's last change (at 2026-10-02T10:00:00.000Z)") {
            _ = try PeopleService(store).write(
                [PersonInput(employeeId: "E100", name: "Ada L.", email: nil, managerId: "E001", family: nil, function: Self.fn, level: "P2")] + many,
                file: "staff.csv", mode: .upsert, actor: "hr", command: "people import", now: later.addingTimeInterval(1), dated: day("2026-10-01"))
        }
        #expect(try anyDatabaseDump(path) == withLin)
        // A day in a closed quarter takes no writes: Q3 closes, and a person dated into it is refused.
        _ = try QuarterService(store).close(Quarter("2026Q3")!, note: nil, actor: "hr", now: later)
        refused("--date 2026-09-15 falls in 2026Q3, which was closed at 2026-12-01T10:01:00.000Z") {
            _ = try PeopleService(store).write(
                [PersonInput(employeeId: "E103", name: "Sam", email: nil, managerId: nil, family: nil, function: Self.fn, level: "P2")],
                file: "people add", mode: .add, actor: "hr", command: "people add", now: later.addingTimeInterval(2), dated: day("2026-09-15"))
        }
        #expect(dump != withLin)
        // The database itself refuses a row recorded before it took effect.
        #expect(throws: (any Error).self) {
            try RawDatabase(path).execute(
                "INSERT INTO history (changed_at, recorded_at, actor, command, field) VALUES ('2026-12-02T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'x', 'x', 'quarter')"
            )
        }
    }
}

extension DatedWriteTests {
    /// The `sql` blocks of docs/schema.md's worked example, in order.
    static func documentedQueries() throws -> [String] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/schema.md"), encoding: .utf8)
        let start = try #require(text.range(of: "### Example: adopting on 1 December, dated back to October"))
        let section = text[start.upperBound...]
        let end = section.range(of: "\n#")?.lowerBound ?? section.endIndex
        return section[..<end].components(separatedBy: "```sql\n").dropFirst().map { String($0.prefix { $0 != "`" }) }
    }

    @Test(arguments: TestEngine.available) func theWorkedExampleInTheSchemaDocAnswersAsItSays(engine: TestEngine) throws {
        let (_, path, goal) = try adopted(engine)
        #expect(goal == 1, "the example names G1")
        let queries = try Self.documentedQueries()
        try #require(queries.count == 3)
        let raw = try RawDatabase(path)
        #expect(try raw.rows(queries[0]) == [["20"]])
        #expect(try raw.rows(queries[1]).isEmpty)
        #expect(
            try raw.rows(queries[2]).map { $0.map { $0 ?? "∅" }.joined(separator: " ") } == [
                "G1 created draft 2026-10-02 2026-12-01", "G1 baseline 10 2026-10-05 2026-12-01", "G1 target 20 2026-10-05 2026-12-01",
                "G1 date 2026-12-31 2026-10-05 2026-12-01", "G1 direction increase 2026-10-05 2026-12-01", "G1 status active 2026-10-05 2026-12-01",
            ])
    }
}
