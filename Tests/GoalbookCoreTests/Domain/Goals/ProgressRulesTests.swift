import GoalbookCore
import Testing

/// Progress and on-track rules at their edges.
@Suite struct ProgressRulesTests {
    let settings = ProgressSettings()

    func item(_ baseline: String?, _ target: String?, direction: Direction? = nil, hasBaseline: Bool = true, due: String? = nil) throws -> GoalItem {
        var slots: [GoalSlot] = []
        if hasBaseline {
            let b = try baseline.map { try Measure.parse($0, what: "b") }
            slots.append(GoalSlot(slot: .baseline, value: b?.description, number: b?.number, unit: b?.unit))
        }
        let t = try target.map { try Measure.parse($0, what: "t") }
        slots.append(GoalSlot(slot: .target, value: t?.description, number: t?.number, unit: t?.unit))
        slots.append(GoalSlot(slot: .date, value: due))
        return GoalItem(name: "main", firstLine: 1, lastLine: 1, direction: direction, slots: slots)
    }

    func checkins(_ values: [(String, String)]) throws -> [CheckIn] {
        try values.enumerated().map { index, pair in
            let m = try Measure.parse(pair.1, what: "c")
            return CheckIn(
                id: Int64(index + 1), goalId: 1, item: "main", value: m.description, number: m.number, unit: m.unit,
                checkedOn: pair.0, confidence: nil, note: nil, corrects: nil, recordedAt: "", actor: "t")
        }
    }

    @Test func increaseDecreaseOvershootAndBackwards() throws {
        let up = try item("10%", "50%", direction: .increase)
        #expect(ProgressRules.item(up, checkins: try checkins([("2026-10-10", "30%")]), settings: settings).raw == 0.5)
        let over = ProgressRules.item(up, checkins: try checkins([("2026-10-10", "62%")]), settings: settings)
        #expect(over.raw == 1.3 && over.clamped == 1)
        let back = ProgressRules.item(up, checkins: try checkins([("2026-10-10", "2%")]), settings: settings)
        #expect(back.raw == -0.2 && back.clamped == 0)
        let down = try item("250 ms", "150 ms", direction: .decrease)
        #expect(ProgressRules.item(down, checkins: try checkins([("2026-10-10", "200 ms")]), settings: settings).raw == 0.5)
        #expect(ProgressRules.item(down, checkins: try checkins([("2026-10-10", "260 ms")]), settings: settings).clamped == 0)
    }

    @Test func theLatestDatedCheckInCountsAndCorrectionsReplaceWhatTheyCorrect() throws {
        let up = try item("0", "10")
        var list = try checkins([("2026-10-20", "6"), ("2026-10-10", "9"), ("2026-10-20", "5")])
        #expect(ProgressRules.item(up, checkins: list, settings: settings).latest?.number == 5, "same day: the one recorded last")
        list[2].corrects = 1
        #expect(CheckIn.effective(list).map(\.id) == [2, 3])
        list.append(try checkins([("2026-10-20", "4")])[0])
        list[3].id = 4
        list[3].corrects = 3
        #expect(ProgressRules.item(up, checkins: list, settings: settings).latest?.number == 4)
    }

    @Test func maintainGoalsAreMetOnTheirSideWithinTheirToleranceInTheirOwnUnit() throws {
        var slo = try item("99.5%", "99.5%", direction: .maintain)
        func met(_ value: String) throws -> Double? {
            ProgressRules.item(slo, checkins: try checkins([("2026-10-10", value)]), settings: settings).raw
        }
        // By default a maintain goal is met on its target exactly: a 2.5-point miss on an SLO is a miss.
        #expect(try met("97%") == 0)
        #expect(try met("99.5%") == 1)
        #expect(try met("99.6%") == 0, "within, with no tolerance: above is off too")
        #expect(ProgressRules.item(slo, checkins: [], settings: settings).raw == 1, "no check-in: still at the baseline it keeps")
        slo.keep = .atLeast
        #expect(try met("99.6%") == 1 && met("99.5%") == 1)
        #expect(try met("99.4%") == 0)
        slo.tolerance = 0.2
        #expect(try met("99.3%") == 1, "at least 99.5% less 0.2 points")
        #expect(try met("99.29%") == 0)
        #expect(try met("97%") == 0)
        var latency = try item("40 ms", "40 ms", direction: .maintain)
        latency.keep = .atMost
        latency.tolerance = 5
        #expect(ProgressRules.item(latency, checkins: try checkins([("2026-10-10", "12 ms")]), settings: settings).raw == 1)
        #expect(ProgressRules.item(latency, checkins: try checkins([("2026-10-10", "45 ms")]), settings: settings).raw == 1)
        #expect(ProgressRules.item(latency, checkins: try checkins([("2026-10-10", "45.5 ms")]), settings: settings).raw == 0)
        latency.keep = .within
        #expect(ProgressRules.item(latency, checkins: try checkins([("2026-10-10", "34 ms")]), settings: settings).raw == 0)
        #expect(ProgressRules.item(latency, checkins: try checkins([("2026-10-10", "35 ms")]), settings: settings).raw == 1)
        #expect(latency.keepRule == "met within 40 ms ± 5 ms")
        slo.tolerance = nil
        #expect(slo.keepRule == "met at 99.5% or more")
        slo.keep = nil
        #expect(slo.keepRule == "met at exactly 99.5%")
    }

    @Test func aCheckInCorrectedTwiceInAnOldFileCountsOnlyTheLaterCorrection() throws {
        let up = try item("0", "10")
        var list = try checkins([("2026-10-10", "3"), ("2026-10-12", "7"), ("2026-10-12", "8")])
        list[1].corrects = 1
        list[2].corrects = 1
        #expect(CheckIn.effective(list).map(\.id) == [3], "C2 and C3 both correct C1: only C3 counts")
        #expect(ProgressRules.item(up, checkins: list, settings: settings).latest?.number == 8)
    }

    @Test func noCheckInsMeansZeroAndUnfilledMeansNoProgressAtAll() throws {
        #expect(ProgressRules.item(try item("10", "20"), checkins: [], settings: settings).raw == 0)
        #expect(ProgressRules.item(try item(nil, "20"), checkins: [], settings: settings).raw == nil)
        #expect(ProgressRules.item(try item("10", nil), checkins: [], settings: settings).raw == nil)
        let kr2 = ProgressRules.item(try item(nil, "4", hasBaseline: false), checkins: try checkins([("2026-10-10", "1")]), settings: settings)
        #expect(kr2.raw == 0.25, "an item without a baseline slot counts from 0")
        #expect(ProgressRules.goal([]).raw == nil)
        #expect(
            ProgressRules.goal([kr2, ProgressRules.item(try item(nil, "20"), checkins: [], settings: settings)]).raw == 0.25,
            "an objective averages the key results that have progress")
    }

    @Test func trackComparesWithTheLinearExpectation() {
        let q = Quarter("2026Q4")!
        let mid = ProgressRules.expected(on: Day(iso: "2026-11-15")!, quarter: q, due: nil, settings: settings)
        #expect(abs(mid - 45.0 / 91.0) < 1e-9)
        #expect(ProgressRules.expected(on: Day(iso: "2026-12-20")!, quarter: q, due: Day(iso: "2026-12-01")!, settings: settings) == 1)
        #expect(ProgressRules.track(status: .active, progress: 0.45, expected: 0.5, settings: settings) == .onTrack)
        #expect(ProgressRules.track(status: .active, progress: 0.44, expected: 0.5, settings: settings) == .atRisk)
        #expect(ProgressRules.track(status: .active, progress: 0.30, expected: 0.5, settings: settings) == .atRisk)
        #expect(ProgressRules.track(status: .active, progress: 0.29, expected: 0.5, settings: settings) == .offTrack)
        #expect(ProgressRules.track(status: .active, progress: nil, expected: 0.5, settings: settings) == .notFilled)
        #expect(ProgressRules.track(status: .done, progress: 0.2, expected: 0.5, settings: settings) == .done)
    }
}
