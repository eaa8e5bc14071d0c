import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The quarterly report on a fixed organization: hand-computed figures, goldens in every format,
/// as-of, and closed quarters.
@Suite struct ReportTests {
    @Test(arguments: TestEngine.available)
    func figuresMatchAHandComputation(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, goals in
            // The people below E001, without E001: the team as earlier versions read --team.
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .team("E001", below: true), now: ReportFixture.now)
            func goal(_ name: String) throws -> ReportGoal { try #require(report.goals.first { $0.goalId == "G\(goals[name]!)" }) }
            // KR1: 10% → 30% of 60% = 0.4; KR2: 0 → 1 of 3 = 1/3; objective = mean = 0.3667.
            let okr = try goal("ada-okr")
            #expect(abs(okr.progress! - (0.4 + 1.0 / 3) / 2) < 1e-9)
            // Due 12-15: 45 of 75 days gone = 0.6; 0.3667 ≥ 0.6 × 0.6 = 0.36 but < 0.54: at risk.
            #expect(abs(okr.expected - 0.6) < 1e-9)
            #expect(okr.track == .atRisk)
            // 200 → 160 (the correction, not 170) of 100 ms = 0.4; due 12-31: 45/91 gone → expected 0.4945; 0.4 ≥ 0.445? no → at risk.
            let smart = try goal("ada-smart")
            #expect(abs(smart.progress! - 0.4) < 1e-9)
            #expect(smart.items[0].latest?.description == "160 ms")
            #expect(smart.track == .atRisk)
            #expect(try goal("lin-mbo").progress == 0.8)
            #expect(try goal("lin-mbo").track == .onTrack)
            #expect(try goal("sam-okr").track == .notFilled && goal("sam-okr").progress == nil)
            #expect(try goal("sam-okr").unfilled == ["KR1.baseline", "KR1.target", "KR1.date", "KR2.target", "KR2.date"])
            #expect(try goal("sam-smart").progress == 1)
            #expect(try goal("kim-card").track == .dropped)
            // Roll-ups per direct report's subtree.
            #expect(report.teams.map(\.employeeId) == ["E100", "E101", "E104"])
            let ada = report.teams[0]
            #expect((ada.people, ada.peopleWithGoals, ada.goals) == (3, 3, 5))
            #expect(ada.goalsByStatus == ["active": 3, "draft": 1, "dropped": 1])
            #expect(report.teams[2].peopleWithoutGoals == ["E104"])
            #expect(report.total.people == 5)
            #expect(report.changes.contains { $0.kind == "KR1 target moved" && $0.old == "50%" && $0.new == "60%" && $0.actor == "boss" })
            #expect(report.changes.contains { $0.kind == "dropped" && $0.note == "Kim is leaving" })
        }
    }

    /// The changes a report lists, and no others: goals added, targets moved (not first set), and
    /// goals made done, dropped or carried (not made active), in the order they took effect.
    @Test(arguments: TestEngine.available)
    func aReportListsTheChangesItNamesInTheOrderTheyTookEffect(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, goals in
            _ = try GoalService(store).setStatus(
                goals["sam-smart"]!, to: .done, note: "kept all quarter", actor: "grace", now: ReportFixture.at("2026-11-14T09:00:00Z"))
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .all, now: ReportFixture.now)
            func id(_ name: String) -> String { "G\(goals[name]!)" }
            #expect(
                report.changes.map { "\($0.goalId) \($0.kind)" } == [
                    "\(id("ada-okr")) added", "\(id("ada-smart")) added", "\(id("lin-mbo")) added", "\(id("sam-okr")) added",
                    "\(id("sam-smart")) added", "\(id("kim-card")) added", "\(id("kim-card")) dropped", "\(id("ada-okr")) KR1 target moved",
                    "\(id("sam-smart")) done",
                ])
        }
    }

    /// Check-ins read for many goals come goal by goal, oldest first in each (by date, then id), on
    /// both engines, though they are stored item by item: Ada's OKR has KR1 on 20 October and
    /// 5 November and KR2 on 1 November, and a correction of Ada's SMART check-in.
    @Test(arguments: TestEngine.available)
    func checkInsOfManyGoalsComeGoalByGoalOldestFirst(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, goals in
            let ids = [goals["ada-smart"]!, goals["ada-okr"]!, goals["lin-mbo"]!]
            let read = try store.reading { try $0.checkins(ofGoals: ids, recordedBy: nil, through: Day(iso: "2026-12-31")!) }
            #expect(
                read.map { "\($0.goalId) \($0.item) \($0.checkedOn)" } == [
                    "\(goals["ada-okr"]!) KR1 2026-10-20", "\(goals["ada-okr"]!) KR2 2026-11-01", "\(goals["ada-okr"]!) KR1 2026-11-05",
                    "\(goals["ada-smart"]!) main 2026-11-01", "\(goals["ada-smart"]!) main 2026-11-01", "\(goals["lin-mbo"]!) main 2026-11-12",
                ])
            #expect(read.filter { $0.goalId == goals["ada-smart"]! }.map(\.corrects) == [nil, read.first { $0.goalId == goals["ada-smart"]! }?.id])
        }
    }

    /// A team's report as it is now reads only the team's people; it is the same report, byte
    /// for byte, as the one cut from the whole organization as of the same instant. A manager
    /// cycle made by hand in SQL does not make it (or an assign) loop.
    @Test(arguments: TestEngine.available)
    func aTeamReportReadsOnlyTheTeamAndMatchesTheWholeOrganizationsCut(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, location, _ in
            let reports = ReportService(store)
            let asOf = PastView(effective: Timestamp.string(ReportFixture.now))
            for scope in [ReportScope.team("E001"), .team("E001", below: true), .team("E100")] {
                let team = try reports.report(quarter: ReportFixture.quarter, scope: scope, now: ReportFixture.now)
                let cut = try reports.report(quarter: ReportFixture.quarter, scope: scope, asOf: asOf, now: ReportFixture.now)
                #expect(!team.goals.isEmpty)
                #expect(ReportRenderer.render(team, as: .json) == ReportRenderer.render(cut, as: .json), "\(scope)")
            }
            // E001 → E100 → E001.
            try RawDatabase(location).execute(
                "UPDATE person SET manager_person_id = (SELECT person_id FROM person WHERE employee_id = 'E100') WHERE employee_id = 'E001'")
            let looped = try reports.report(quarter: ReportFixture.quarter, scope: .team("E100"), now: ReportFixture.now)
            #expect(looped.people.map(\.employeeId).sorted() == ["E001", "E100", "E101", "E102", "E103", "E104"].sorted())
            let plan = try GoalService(store).assign(
                team: "E100", quarter: ReportFixture.quarter, framework: .okr, rows: [1], dryRun: true, actor: "t")
            #expect(Set(plan.map(\.employeeId)).count == plan.count, "each person once")
        }
    }

    /// The summary is a count of the rows below it: each track's goals are the goals with that
    /// track, the goals behind are the at-risk and off-track ones, furthest first, and the stale
    /// and unfilled figures agree with plain SQL over goal_current.
    @Test(arguments: TestEngine.available)
    func theSummaryCountsTheRowsBelowIt(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, location, _ in
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .team("E001"), now: ReportFixture.now)
            let summary = report.summary
            #expect(summary.tracks.map(\.track) == Track.summaryOrder, "every track, in order")
            #expect(summary.tracks.reduce(0) { $0 + $1.goals.count } == report.goals.count)
            for line in summary.tracks { #expect(line.goals == report.goals.filter { $0.track == line.track }.map(\.goalId), "\(line.track)") }
            #expect(summary.trackCounts.map(\.count) == [2, 2, 0, 1, 0, 0, 1])
            // G1: 60% expected, 36.7% done: 23.3 points behind; G2: 49.5% against 40%: 9.5 behind.
            #expect(summary.behind.map(\.goalId) == ["G1", "G2"])
            #expect(Set(summary.behind.map(\.goalId)) == Set(report.goals.filter { $0.track == .atRisk || $0.track == .offTrack }.map(\.goalId)))
            #expect(abs(summary.behind[0].behind - (0.6 - (0.4 + 1.0 / 3) / 2)) < 1e-9)
            #expect(summary.behind.map { "\($0.lastCheckin ?? "none")" } == ["2026-11-05", "2026-11-01"])
            #expect(summary.unfilledSlots == report.goals.filter { $0.status != .dropped }.reduce(0) { $0 + $1.unfilled.count })
            #expect(summary.unscored == nil && summary.scoresDueFrom == "2026-12-17", "14 days before 2026-12-31")

            // The same from the analyst's views: the team's goals, their empty slots, and the
            // active goals whose newest check-in is 14 days or more before 2026-11-15.
            let raw = try RawDatabase(location)
            let team =
                "FROM goal_current AS g JOIN org_tree AS t ON t.descendant_id = g.person_id AND t.ancestor_id = 'E001' WHERE g.quarter = '2026Q4'"
            #expect(try raw.strings("SELECT count(*) \(team)") == ["\(report.goals.count)"])
            #expect(try raw.strings("SELECT sum(g.slots_total - g.slots_filled) \(team) AND g.status <> 'dropped'") == ["\(summary.unfilledSlots)"])
            #expect(
                try raw.strings("SELECT count(DISTINCT g.goal_id) \(team) AND g.status <> 'dropped' AND g.slots_filled < g.slots_total")
                    == ["\(summary.unfilledGoals.count)"])
            let stale = try raw.strings(
                "SELECT g.goal \(team) AND g.status = 'active' AND (g.last_checkin IS NULL OR g.last_checkin <= '2026-11-01') ORDER BY g.goal_id")
            #expect(stale.compactMap { $0 } == summary.stale.map(\.goalId))
            #expect(summary.stale.map { "\($0.goalId) \($0.days ?? -1)" } == ["G2 14"])

            // Near the quarter's end, the goals still to score are named.
            let late = try ReportService(store).report(
                quarter: ReportFixture.quarter, scope: .team("E001"), now: ReportFixture.at("2026-12-20T12:00:00Z"))
            #expect(late.summary.unscored == late.goals.filter { $0.status.isScored && $0.score == nil }.map(\.goalId))
            #expect(late.summary.unscored == ["G1", "G2", "G5", "G3"], "in report order: Ada, Sam (below Ada), then Lin")
        }
    }

    /// Trends end where the figures are: a goal's last point is its progress, a subtree's last
    /// weekly point its average progress; a goal's points are its check-in days, and a week's
    /// point counts only the goals made by then.
    @Test(arguments: TestEngine.available)
    func trendsEndAtTheReportsFigures(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, goals in
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .team("E001"), now: ReportFixture.now)
            for goal in report.goals where !goal.trend.isEmpty {
                #expect(goal.trend.last?.progress == goal.progress, "\(goal.goalId)")
                #expect(goal.trend.map(\.day) == goal.trend.map(\.day).sorted())
            }
            for team in report.teams + [report.total] {
                #expect(
                    team.weekly.last.map { abs($0.progress - (team.averageProgress ?? -1)) < 1e-12 } ?? (team.averageProgress == nil),
                    "\(team.employeeId)")
                #expect(team.weekly.allSatisfy { $0.day <= report.reportDate })
            }
            // Sundays of 2026Q4 up to 2026-11-15 (itself a Sunday): 10-04, 10-11, …, 11-15.
            #expect(
                report.total.weekly.map(\.day) == ["2026-10-04", "2026-10-11", "2026-10-18", "2026-10-25", "2026-11-01", "2026-11-08", "2026-11-15"])
            // KR1 10% → 60%: 20% on 10-20, 30% on 11-05; KR2 0 → 3: 1 on 11-01. The objective is the
            // mean of its key results: (0.2 + 0) / 2 = 0.1, then (0.2 + 1/3) / 2, then (0.4 + 1/3) / 2.
            let okr = try #require(report.goals.first { $0.goalId == "G\(goals["ada-okr"]!)" })
            #expect(okr.trend.map(\.day) == ["2026-10-20", "2026-11-01", "2026-11-05"])
            let expected = [0.1, (0.2 + 1.0 / 3) / 2, (0.4 + 1.0 / 3) / 2]
            #expect(zip(okr.trend.map(\.progress), expected).allSatisfy { abs($0 - $1) < 1e-9 }, "\(okr.trend)")
            #expect(ReportTrend.sparkline([0, 0.5, 1]) == "▁▅█")
        }
    }

    /// `goals list` shows each goal's progress and track, and they are the report's.
    @Test(arguments: TestEngine.available)
    func goalsListShowsTheReportsProgressAndTrack(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, _ in
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .all, now: ReportFixture.now)
            let listed = try GoalService(store).goalsWithStanding(GoalFilter(quarter: ReportFixture.quarter), now: ReportFixture.now)
            let inReport = Dictionary(uniqueKeysWithValues: report.goals.map { ($0.goalId, $0) })
            #expect(listed.count == report.goals.count)
            for (goal, standing) in listed {
                let line = try #require(inReport[goal.displayId])
                #expect(standing == GoalStanding(progress: line.progress, track: line.track), "\(goal.displayId)")
            }
            let table = GoalText.listTable(listed.map(\.goal), standing: listed.map(\.standing))
            #expect(table.hasPrefix("ID PERSON QUARTER FRAMEWORK ROW STATUS  PROGRESS TRACK      FILLED WEIGHT"))
            #expect(table.contains("\nG1 E100   2026Q4  okr         1 active       37% at risk    4/5 "), "\(table)")
            #expect(table.contains("\nG4 E102   2026Q4  okr         2 draft          - not filled 0/5 "), "\(table)")
        }
    }

    /// The same goldens on every engine: a report's bytes do not depend on where its rows are kept.
    @Test(arguments: TestEngine.available, ReportFormat.allCases)
    func goldenReportInEachFormat(engine: TestEngine, format: ReportFormat) throws {
        try ReportFixture.build(on: engine) { store, _, _ in
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .team("E001"), now: ReportFixture.now)
            let mismatch = try goldenMismatch(ReportRenderer.render(report, as: format), fixture: "report-team-e001.\(format.fileExtension)")
            #expect(mismatch == nil, "\(engine)")
        }
    }

    @Test(arguments: TestEngine.available)
    func asOfShowsTheOrganizationAsItWasThen(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, goals in
            _ = try PeopleService(store).write(
                [
                    PersonInput(
                        employeeId: "E102", name: "Sam Ortiz-Lee", email: nil, managerId: "E001", family: nil,
                        function: "Machine Learning Engineer", level: "IC2")
                ],
                file: "set", mode: .update, actor: "hr", command: "people set", now: ReportFixture.at("2026-11-20T09:00:00Z"))
            let then = try ReportService(store).report(
                quarter: ReportFixture.quarter, scope: .team("E001"), asOf: try PastView(effective: AsOf.bound("2026-11-01")), now: ReportFixture.now)
            let okr = try #require(then.goals.first { $0.goalId == "G\(goals["ada-okr"]!)" })
            #expect(okr.items[0].target?.description == "50%", "the target was raised on 11-10")
            #expect(okr.items[0].latest?.description == "20%")
            #expect(then.goals.first { $0.goalId == "G\(goals["kim-card"]!)" }?.status == .active)
            #expect(then.reportDate == "2026-11-01")
            #expect(then.people.first { $0.employeeId == "E102" }.map { "\($0.name) \($0.managerId ?? "-")" } == "Sam Ortiz E100")
            #expect(then.teams.first { $0.employeeId == "E100" }?.people == 3, "E102 was still in Ada's subtree")
            let now = try ReportService(store).report(
                quarter: ReportFixture.quarter, scope: .team("E001"), now: ReportFixture.at("2026-11-21T09:00:00Z"))
            #expect(now.teams.first { $0.employeeId == "E100" }?.people == 2)
        }
    }

    @Test(arguments: TestEngine.available)
    func peopleWhoLeftMidQuarterStayAndThoseWhoLeftBeforeAreGone(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, _ in
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .all, now: ReportFixture.now)
            #expect(report.people.first { $0.employeeId == "E103" }?.leftOn == "2026-11-10")
            let next = try ReportService(store).report(quarter: Quarter("2027Q1")!, scope: .all, now: ReportFixture.at("2027-01-15T09:00:00Z"))
            #expect(!next.people.contains { $0.employeeId == "E103" })
        }
    }

    @Test(arguments: TestEngine.available)
    func aClosedQuartersReportNeverChangesAndItsGoalsTakeNoWrites(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, goals in
            #expect(
                try QuarterService(store).close(ReportFixture.quarter, note: "end of Q4", actor: "hr", now: ReportFixture.at("2026-12-31T18:00:00Z"))
                    .closed)
            let render = { (now: Date) in
                ReportRenderer.render(try ReportService(store).report(quarter: ReportFixture.quarter, scope: .team("E001"), now: now), as: .json)
            }
            let first = try render(ReportFixture.at("2027-01-02T09:00:00Z"))
            #expect(first.contains("\"closed\": true"))
            // Writes elsewhere: a person renamed and moved, another quarter's goal, a canon import.
            _ = try PeopleService(store).write(
                [
                    PersonInput(
                        employeeId: "E100", name: "Ada Park-Lee", email: nil, managerId: "E104", family: nil,
                        function: "AI / Machine Learning Engineering", level: "P2")
                ],
                file: "set", mode: .update, actor: "hr", command: "people set", now: ReportFixture.at("2027-01-03T09:00:00Z"))
            _ = try GoalService(store).add(
                "E100", quarter: Quarter("2027Q1")!, framework: .okr, rows: [1], actor: "grace", now: ReportFixture.at("2027-01-03T09:00:00Z"))
            #expect(try render(ReportFixture.at("2027-02-01T09:00:00Z")) == first)
            let id = goals["ada-okr"]!
            let closed =
                "2026Q4 was closed on 2026-12-31T18:00:00.000Z: its goals and check-ins take no more changes (goalbook quarter reopen 2026Q4 --note … "
                + "to change that)"
            #expect(throws: GoalbookError.refused(closed)) {
                _ = try GoalService(store).set(id, [("target", "70%")], item: "KR1", direction: nil, actor: "x")
            }
            #expect(throws: GoalbookError.refused(closed)) { _ = try GoalService(store).setStatus(id, to: .done, note: nil, actor: "x") }
            #expect(throws: GoalbookError.refused(closed)) {
                _ = try CheckInService(store).checkIn(
                    id, value: "40%", item: "KR1", on: Day(iso: "2026-12-30"), note: nil, confidence: nil, corrects: nil,
                    actor: "x", now: ReportFixture.at("2027-01-03T09:00:00Z"))
            }
            #expect(throws: GoalbookError.refused(closed)) {
                _ = try GoalService(store).add("E101", quarter: ReportFixture.quarter, framework: .okr, rows: [1], actor: "x")
            }
            try QuarterService(store).reopen(ReportFixture.quarter, note: "late check-in", actor: "hr", now: ReportFixture.at("2027-01-04T09:00:00Z"))
            _ = try GoalService(store).setStatus(id, to: .done, note: nil, actor: "grace", now: ReportFixture.at("2027-01-04T09:05:00Z"))
            #expect(try QuarterService(store).closedAt(ReportFixture.quarter) == nil)
        }
    }

    @Test(arguments: TestEngine.available) func checkInsAreCheckedAndAppendOnly(engine: TestEngine) throws {
        let (store, path, goals) = try ReportFixture.build(on: engine)
        let id = goals["ada-smart"]!
        let now = ReportFixture.now
        let cases: [(String, Day?, GoalbookError)] = [
            ("150%", nil, .invalidArgument("the check-in 150% is not in the goal's unit (ms): give it like 150 ms")),
            ("150 ms", Day(iso: "2026-11-16"), .invalidArgument("a check-in cannot be dated in the future (2026-11-16 is after today, 2026-11-15)")),
            (
                "150 ms", Day(iso: "2026-09-30"),
                .invalidArgument("a check-in of G\(id) must be dated inside 2026Q4 (2026-10-01 to 2026-12-31); got 2026-09-30")
            ),
            (
                "fast", nil,
                .invalidArgument(
                    "the check-in must be a plain decimal number, then a unit after a space, like 12, 12.5%, 40 ms, 1.5e3 or 3 features; got 'fast'")
            ),
        ]
        let before = try anyDatabaseDump(path)
        for (value, day, error) in cases {
            #expect(throws: error) {
                _ = try CheckInService(store).checkIn(
                    id, value: value, item: nil, on: day, note: nil, confidence: nil, corrects: nil, actor: "x", now: now)
            }
        }
        #expect(throws: GoalbookError.invalidArgument("G\(goals["ada-okr"]!) has KR1 and KR2: name one with --item")) {
            _ = try CheckInService(store).checkIn(
                goals["ada-okr"]!, value: "1", item: nil, on: nil, note: nil, confidence: nil, corrects: nil, actor: "x", now: now)
        }
        #expect(throws: GoalbookError.invalidArgument("confidence must be a whole number from 0 to 10; got 11")) {
            _ = try CheckInService(store).checkIn(
                id, value: "150 ms", item: nil, on: nil, note: nil, confidence: 11, corrects: nil, actor: "x", now: now)
        }
        #expect(try anyDatabaseDump(path) == before)
        let raw = try RawDatabase(path)
        #expect(throws: Error.self) { try raw.execute("UPDATE checkin SET value = '1 ms'") }
        #expect(throws: Error.self) { try raw.execute("DELETE FROM checkin") }
    }

    @Test(arguments: TestEngine.available)
    func theHTMLPageIsWellFormedSelfContainedAndHasEveryGoal(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, goals in
            let html = ReportRenderer.render(
                try ReportService(store).report(quarter: ReportFixture.quarter, scope: .all, now: ReportFixture.now), as: .html)
            let document = try XMLDocument(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8), options: [])
            #expect(document.rootElement()?.name == "html")
            for id in goals.values { #expect(html.contains("id=\"G\(id)\""), "G\(id) missing") }
            #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://") && !html.contains("src="))
            #expect(html.contains("@page { size: A4"))
        }
    }
}

/// How changes read in the human formats.
@Suite struct ReportChangeLinesTests {
    func change(_ at: String, _ actor: String, _ goal: Int, _ person: String, _ kind: String = "added") -> ReportChange {
        ReportChange(changedAt: at, actor: actor, goalId: "G\(goal)", employeeId: person, kind: kind, old: nil, new: nil, note: nil)
    }

    @Test func goalsOnePersonAddedOrCarriedOnOneDayReadAsOneLineAndEveryLineStartsWithItsDay() {
        var carried = (10...12).map { change("2026-12-31T11:00:0\($0 - 10).000Z", "grace", $0, $0 < 12 ? "E100" : "E101", "carried") }
        for index in carried.indices { carried[index].new = "G\(20 + index)" }
        let changes =
            (1...7).map { change("2026-10-02T09:00:0\($0).000Z", "grace", $0, $0 < 4 ? "E100" : "E101") }
            + [change("2026-10-02T10:00:00.000Z", "boss", 8, "E102"), change("2026-10-03T09:00:00.000Z", "grace", 9, "E100", "dropped")]
            + [change("2026-10-03T09:30:00.000Z", "grace", 9, "E100", "dropped")] + carried
        #expect(
            ReportRenderer.changeLines(changes) == [
                "2026-10-02  grace  added 7 goals for 2 people: G1 (E100), G2 (E100), G3 (E100), G4 (E101), G5 (E101), …",
                "2026-10-02  boss  G8 (E102)  added",
                "2026-10-03  grace  G9 (E100)  dropped",
                "2026-10-03  grace  G9 (E100)  dropped",
                "2026-12-31  grace  carried 3 goals for 2 people: G10 → G20 (E100), G11 → G21 (E100), G12 → G22 (E101)",
            ])
    }
}

/// The csv report has a row per key result, and every format carries the latest confidence and note.
@Suite struct ReportColumnsTests {
    @Test(arguments: TestEngine.available)
    func csvHasARowPerItemAndEveryFormatShowsTheLatestConfidenceAndNote(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, _, goals in
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .team("E001"), now: ReportFixture.now)
            let okr = "G\(goals["ada-okr"]!)"
            let mbo = "G\(goals["lin-mbo"]!)"
            var reader = CSVReader(bytes: Array(ReportRenderer.render(report, as: .csv).utf8), file: "report.csv")
            let header = try #require(try reader.next()).fields
            var rows: [[String: String]] = []
            while let record = try reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields))) }
            #expect(rows.count == report.goals.reduce(0) { $0 + max(1, $1.items.count) }, "one row per item")
            let okrRows = rows.filter { $0["goal_id"] == okr }
            #expect(okrRows.map { $0["item"]! } == ["KR1", "KR2"])
            #expect(okrRows.map { $0["target"]! } == ["60", "3"], "KR2 is no longer lost")
            #expect(okrRows.map { $0["item_progress"]! } == ["0.4", "0.3333"])
            #expect(okrRows.map { $0["progress"]! } == ["0.3667", "0.3667"], "the goal's columns repeat")
            #expect(okrRows.map { $0["confidence"]! } == ["5", "7"], "each key result's own latest confidence")
            #expect(okrRows.map { $0["note"]! } == ["labelling is slower than planned", ""])
            #expect(rows.first { $0["goal_id"] == mbo }?["note"] == "fifth feature\nin review", "the note's exact text")

            let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportRenderer.render(report, as: .json).utf8)) as? [String: Any])
            let jsonGoals = try #require(json["goals"] as? [[String: Any]])
            let okrItems = try #require(jsonGoals.first { $0["goal_id"] as? String == okr }?["items"] as? [[String: Any]])
            #expect(okrItems.map { $0["item"] as? String } == ["KR1", "KR2"])
            #expect(okrItems.map { $0["confidence"] as? Int } == [5, 7])
            #expect(jsonGoals.first { $0["goal_id"] as? String == mbo }?["note"] as? String == "fifth feature\nin review")

            for format in [ReportFormat.text, .md, .html] {
                let text = ReportRenderer.render(report, as: format)
                #expect(text.contains("confidence 5/10 (down from 7, 2026-11-05) · note 2026-11-05: labelling is slower than planned"), "\(format)")
                #expect(text.contains("note 2026-11-12: fifth feature⏎in review"), "\(format): a line break in a note never starts a line")
            }
        }
    }

    /// A goal's items come in the order of their lines, whatever their names. goal_item's key
    /// orders them by name, and the reads join it by the goals' ids with no ORDER BY, so the order
    /// is the code's to keep: now, as of a past instant, and in the report.
    @Test(arguments: TestEngine.available)
    func aGoalsItemsComeInLineOrderWhateverTheirNames(engine: TestEngine) throws {
        try ReportFixture.build(on: engine) { store, path, goals in
            let goal = goals["ada-okr"]!
            // An item added by hand in SQL, named to sort first but on a line after the others.
            try shellQuery("INSERT INTO goal_item (goal_id, item, first_line, last_line) VALUES (\(goal), 'A0', 99, 99)", on: path)
            let service = GoalService(store)
            #expect(try service.goal(goal).items.map(\.name) == ["KR1", "KR2", "A0"])
            let past = PastView(effective: Timestamp.string(ReportFixture.now))
            #expect(try service.goal(goal, asOf: past).items.map(\.name) == ["KR1", "KR2", "A0"])
            let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .person("E100"), now: ReportFixture.now)
            #expect(try #require(report.goals.first { $0.goalId == "G\(goal)" }).items.map(\.item) == ["KR1", "KR2", "A0"])
        }
    }
}
