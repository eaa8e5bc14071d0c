import Foundation
import GoalbookCore
import Testing

/// The rules of goal writes, decided with no database: each test builds a goal in memory, asks a
/// rule for its plan, and checks what it would write, record and print, or why it refuses.
@Suite struct GoalPlanTests {
    static let open = GoalContext(quarterClosedAt: nil, settings: ProgressSettings())

    /// A 2026Q4 goal of E100's: one `main` item (SMART) or two key results (OKR), unfilled.
    static func goal(_ framework: Framework = .smart, id: Int64 = 42, status: GoalStatus = .draft) -> Goal {
        let names = framework == .okr ? ["KR1", "KR2"] : ["main"]
        let items = names.enumerated().map { index, name in
            GoalItem(
                name: name, firstLine: index + 1, lastLine: index + 1, direction: nil,
                slots: (framework == .okr ? [SlotName.baseline, .target] : SlotName.allCases).map { GoalSlot(slot: $0) })
        }
        return Goal(
            id: id, employeeId: "E100", personName: "Ada Park", quarter: "2026Q4", framework: framework, rowNumber: 1, frameId: 1,
            frameVersionId: 1, canonVersionId: 1, statementId: 1, title: "Ship it", templateText: "", status: status,
            createdAt: "2026-10-01T09:00:00Z", createdBy: "hr", items: items, templateId: 1)
    }

    static func set(_ goal: Goal, _ pairs: [(String, String)], item: String? = nil, direction: Direction? = nil, context: GoalContext = open)
        throws -> GoalPlan
    {
        try GoalPlan.set(goal, pairs.map { (key: $0.0, value: $0.1) }, item: item, direction: direction, context: context) { id in
            guard id.hasPrefix("E") else { throw GoalbookError.notFound(what: "person \(id)", suggestions: []) }
        }
    }

    /// The message a refused plan gives, or nil when it was not refused.
    static func refusal(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? GoalbookError)?.errorDescription ?? "\(error)"
        }
    }

    // MARK: - goals set

    @Test func baselineAndTargetFillTheSlotsDeriveTheDirectionAndRecordEachInOrder() throws {
        let plan = try Self.set(Self.goal(), [("baseline", "12%"), ("target", "40 %"), ("date", "2026-12-15")])
        #expect(
            plan.writes == [
                .slot(item: "main", GoalSlot(slot: .baseline, value: "12%", number: 12, unit: "%")),
                .slot(item: "main", GoalSlot(slot: .target, value: "40%", number: 40, unit: "%")),
                .slot(item: "main", GoalSlot(slot: .date, value: "2026-12-15")),
                .direction(item: "main", .increase),
            ])
        #expect(plan.history.map(\.field) == ["baseline", "target", "date", "direction"])
        #expect(plan.history.allSatisfy { $0.person == "E100" && $0.item == "main" })
        #expect(
            plan.changes.map { $0.line(42) } == [
                "G42 baseline: ∅ → 12%", "G42 target: ∅ → 40%", "G42 date: ∅ → 2026-12-15", "G42 direction: ∅ → increase",
            ])
        #expect(plan.goal.item("main")?.direction == .increase && plan.goal.item("main")?.slot(.target)?.number == 40)
    }

    @Test func unitsMustAgreeAndEqualValuesNeedMaintain() throws {
        #expect(
            Self.refusal { try Self.set(Self.goal(), [("baseline", "12%"), ("target", "40 ms")]) }
                == "baseline 12% and target 40 ms must agree on the unit (% vs ms)")
        #expect(
            Self.refusal { try Self.set(Self.goal(), [("baseline", "5"), ("target", "5")]) }
                == "baseline and target are both 5: a goal that keeps a value needs --direction maintain")
        let kept = try Self.set(Self.goal(), [("baseline", "5"), ("target", "5"), ("keep", "at-least")], direction: .maintain)
        #expect(kept.goal.item("main")?.direction == .maintain && kept.goal.item("main")?.keep == .atLeast)
        #expect(
            Self.refusal { try Self.set(Self.goal(), [("baseline", "1"), ("target", "5")], direction: .decrease) }
                == "--direction decrease contradicts baseline 1 → target 5, which is increase")
    }

    @Test func anUnchangedValueWritesNothingAndAnEmptyValueEmptiesTheSlot() throws {
        let filled = try Self.set(Self.goal(), [("target", "40%")]).goal
        #expect(try Self.set(filled, [("target", "40%")]).isEmpty)
        let emptied = try Self.set(filled, [("target", "")])
        #expect(emptied.writes == [.slot(item: "main", GoalSlot(slot: .target))])
        #expect(emptied.changes.map { $0.line(42) } == ["G42 target: 40% → ∅"])
    }

    @Test func datesAreISODatesFromTheQuarterStartInTheFiscalYear() throws {
        #expect(
            Self.refusal { try Self.set(Self.goal(), [("date", "15/12/2026")]) } == "date must be an ISO date like 2026-12-31; got '15/12/2026'")
        #expect(Self.refusal { try Self.set(Self.goal(), [("date", "2026-09-30")]) } == "date 2026-09-30 is before 2026Q4 starts (2026-10-01)")
        var fiscal = ProgressSettings()
        fiscal.fiscalYearStartMonth = 4  // 2026Q4 is January to March 2027
        let context = GoalContext(quarterClosedAt: nil, settings: fiscal)
        #expect(
            Self.refusal { try Self.set(Self.goal(), [("date", "2026-12-15")], context: context) }
                == "date 2026-12-15 is before 2026Q4 starts (2027-01-01)")
    }

    @Test func keysNameTheirItemAndAmbiguousKeysAskForOne() throws {
        let okr = Self.goal(.okr)
        #expect(Self.refusal { try Self.set(okr, [("target", "3")]) } == "G42 has a target in KR1 and KR2: name one with --item")
        let plan = try Self.set(okr, [("kr2.target", "3"), ("KR2.baseline", "1")])
        #expect(plan.history.map { "\($0.item ?? "").\($0.field)" } == ["KR2.baseline", "KR2.target", "KR2.direction"])
        #expect(Self.refusal { try Self.set(okr, [("KR3.target", "3")]) } == "G42 has no item KR3; its items are KR1, KR2")
        #expect(Self.refusal { try Self.set(okr, [("KR1.target", "3")], item: "KR2") } == "KR1.target names KR1, but --item says KR2")
        #expect(
            Self.refusal { try Self.set(okr, [("colour", "red")]) }
                == "unknown field 'colour': a goal has baseline, target, date, keep, tolerance, weight and owner")
    }

    @Test func weightsAreTheGoalsOrAKeyResultsAndNeverBelowZero() throws {
        let goalWeight = try Self.set(Self.goal(), [("weight", "30")])
        #expect(goalWeight.writes == [.weight(30)] && goalWeight.changes.map { $0.line(42) } == ["G42 weight: ∅ → 30"])
        let krWeight = try Self.set(Self.goal(.okr), [("weight", "2")], item: "KR1")
        #expect(krWeight.writes == [.itemWeight(item: "KR1", 2)] && krWeight.history.first?.item == "KR1")
        #expect(
            Self.refusal { try Self.set(Self.goal(), [("weight", "2")], item: "KR1") }
                == "G42 has no item KR1; its items are main")
        #expect(Self.refusal { try Self.set(Self.goal(), [("weight", "-5")]) } != nil)
    }

    @Test func anOwnerMustExistAndTheOwnersRowIsTheirsWhileTheRestStayWithWhoItWas() throws {
        #expect(Self.refusal { try Self.set(Self.goal(), [("owner", "X9")]) } == "person X9 not found")
        let plan = try Self.set(Self.goal(), [("owner", "E200"), ("target", "4")])
        #expect(plan.writes.first == .owner("E200") && plan.goal.employeeId == "E200")
        #expect(plan.history.map(\.person) == ["E200", "E100"], "the owner row is the new owner's; the target row stays with who it was")
        #expect(try Self.set(Self.goal(), [("owner", "E100")]).isEmpty, "the same owner changes nothing")
    }

    @Test func finishedGoalsAndClosedQuartersRefuseEveryChange() {
        var carried = Self.goal(status: .active)
        carried.carriedTo = 77
        #expect(
            Self.refusal { try Self.set(carried, [("target", "4")]) }
                == "G42 was carried to G77 and cannot be changed; change G77, which continues it")
        #expect(Self.refusal { try Self.set(Self.goal(status: .dropped), [("target", "4")]) } == "G42 is dropped and cannot be changed")
        let closed = GoalContext(quarterClosedAt: "2027-01-02T10:00:00Z", settings: ProgressSettings())
        #expect(
            Self.refusal { try Self.set(Self.goal(), [("target", "4")], context: closed) }
                == "2026Q4 was closed on 2027-01-02T10:00:00Z: its goals and check-ins take no more changes "
                + "(goalbook quarter reopen 2026Q4 --note … to change that)")
    }

    // MARK: - goals status, and plans that follow each other

    @Test func aGoalBecomesActiveOnceItsSlotsAreFilledOrWhenUnfilledIsSaid() throws {
        let draft = Self.goal()
        #expect(
            Self.refusal { try GoalPlan.status(draft, to: .active, note: nil, unfilled: false, context: Self.open) }?
                .hasPrefix("G42 has 0 of 3 slots filled; unfilled: baseline, target, date.") == true)
        let forced = try GoalPlan.status(draft, to: .active, note: "agreed", unfilled: true, context: Self.open)
        #expect(forced.writes == [.status(.active)] && forced.history.first?.note == "agreed")
        // Fill, then activate: the second plan starts where the first left the goal.
        let filled = try Self.set(draft, [("baseline", "1"), ("target", "4"), ("date", "2026-12-01")])
        let both = filled.then(try GoalPlan.status(filled.goal, to: .active, note: nil, unfilled: false, context: Self.open))
        #expect(both.changes.map(\.field) == ["baseline", "target", "date", "direction", "status"])
        #expect(both.goal.status == .active)
        #expect(try GoalPlan.status(both.goal, to: .active, note: nil, unfilled: false, context: Self.open).isEmpty)
        #expect(
            Self.refusal { try GoalPlan.status(Self.goal(status: .done), to: .active, note: nil, unfilled: false, context: Self.open) }
                == "G42 is done and cannot become active (done is final)")
    }

    // MARK: - goals align

    @Test func alignmentRefusesLoopsOtherQuartersAndGoalsThatNoLongerCount() throws {
        // G1 → G2 → G3: aligning G3 to G1 would close a loop.
        let goals: [Int64: Goal] = [
            1: {
                var g = Self.goal(id: 1)
                g.alignedTo = 2
                return g
            }(),
            2: {
                var g = Self.goal(id: 2)
                g.alignedTo = 3
                return g
            }(),
            3: Self.goal(id: 3),
            4: {
                var g = Self.goal(id: 4)
                g.quarter = "2027Q1"
                return g
            }(),
            5: Self.goal(id: 5, status: .dropped),
        ]
        func align(_ id: Int64, to target: Int64?) throws -> GoalPlan {
            try GoalPlan.align(
                goals[id] ?? Self.goal(id: id), to: target, context: Self.open,
                find: { id in
                    guard let goal = goals[id] else { throw GoalbookError.notFound(what: "goal G\(id)", suggestions: []) }
                    return goal
                },
                alignedTo: { goals[$0]?.alignedTo })
        }
        #expect(Self.refusal { try align(3, to: 1) } == "G1 is aligned under G3 (G1 → G2 → G3): aligning G3 to it would make a loop")
        #expect(Self.refusal { try align(3, to: 3) } == "G3 cannot be aligned to itself")
        #expect(
            Self.refusal { try align(3, to: 4) } == "G4 is a goal of 2027Q1 and G3 of 2026Q4: a goal is aligned to a goal of its own quarter")
        #expect(Self.refusal { try align(3, to: 5) } == "G5 is dropped: align G3 to a goal that still counts")
        #expect(Self.refusal { try align(3, to: 9) } == "goal G9 not found")
        let plan = try align(2, to: nil)
        #expect(plan.writes == [.alignedTo(nil)] && plan.changes.map { $0.line(2) } == ["G2 aligned_to: G3 → ∅"])
        #expect(try align(1, to: 2).isEmpty)
    }

    // MARK: - goals score

    @Test func scoresOpenInTheQuartersLastMonthAndSnapToTheScale() throws {
        let active = Self.goal(.okr, status: .active)
        #expect(
            Self.refusal { try GoalPlan.score(active, 0.7, note: nil, today: Day(iso: "2026-11-30")!, context: Self.open) }
                == "2026Q4 can be scored from 2026-12-01, the first day of its last month, until it is closed; today is 2026-11-30")
        let december = Day(iso: "2026-12-04")!
        #expect(Self.refusal { try GoalPlan.score(active, 2, note: nil, today: december, context: Self.open) }?.hasPrefix("2 is off the") == true)
        let plan = try GoalPlan.score(active, 0.7, note: nil, today: december, context: Self.open)
        #expect(plan.writes == [.score(0.7)] && plan.history.first?.new == "0.7")
        #expect(
            Self.refusal { try GoalPlan.score(Self.goal(), 0.7, note: nil, today: december, context: Self.open) }
                == "G42 is a draft: only active and done goals are scored (goalbook goals status G42 active)")
    }

    // MARK: - check-ins

    @Test func aCheckInIsInTheGoalsUnitInsideTheQuarterAndNeverInTheFuture() throws {
        let filled = try Self.set(Self.goal(), [("baseline", "10%"), ("target", "40%")]).goal
        let today = Day(iso: "2026-11-15")!
        func plan(_ value: String, on day: Day? = nil, corrects: Int64? = nil) throws -> NewCheckIn {
            try NewCheckIn.plan(
                filled, value: value, item: nil, on: day, note: nil, confidence: 7, corrects: corrects, today: today, context: Self.open,
                find: { _ in nil })
        }
        let checkIn = try plan("25%")
        #expect(checkIn.item == "main" && checkIn.measure == Measure(number: 25, unit: "%") && checkIn.day == today)
        #expect(
            Self.refusal { try plan("25") }
                == "the check-in 25 is not in the goal's unit (%): give it like 25%")
        #expect(
            Self.refusal { try plan("25%", on: Day(iso: "2026-11-16")) }
                == "a check-in cannot be dated in the future (2026-11-16 is after today, 2026-11-15)")
        #expect(
            Self.refusal { try plan("25%", on: Day(iso: "2026-09-30")) }
                == "a check-in of G42 must be dated inside 2026Q4 (2026-10-01 to 2026-12-31); got 2026-09-30")
        #expect(Self.refusal { try plan("25%", corrects: 5) } == "check-in C5 of G42 not found")
        #expect(
            Self.refusal { try NewCheckIn.checkConfidence(11) } == "confidence must be a whole number from 0 to 10; got 11")
    }

    @Test func aCorrectionKeepsItsItemAndDateAndReplacesACheckInOnce() throws {
        let filled = try Self.set(Self.goal(.okr), [("KR2.baseline", "1"), ("KR2.target", "5")]).goal
        let original = CheckIn(
            id: 5, goalId: 42, item: "KR2", value: "2", number: 2, unit: nil, checkedOn: "2026-10-20", confidence: nil, note: nil,
            corrects: nil, recordedAt: "2026-10-20T09:00:00Z", actor: "E001")
        func correct(correctedBy: Int64?) throws -> NewCheckIn {
            try NewCheckIn.plan(
                filled, value: "3", item: nil, on: nil, note: nil, confidence: nil, corrects: 5, today: Day(iso: "2026-11-15")!,
                context: Self.open, find: { $0 == 5 ? (original, correctedBy) : nil })
        }
        let correction = try correct(correctedBy: nil)
        #expect(correction.item == "KR2" && correction.day.description == "2026-10-20" && correction.corrects == 5)
        #expect(
            Self.refusal { try correct(correctedBy: 8) }
                == "C5 was corrected already by C8: correct that one instead (goalbook checkin G42 VALUE --corrects C8)")
    }

    // MARK: - goals carry

    @Test func aCarriedGoalStartsFromItsLatestCheckInAndKeepsOnlyADateInsideTheNewQuarter() throws {
        var old = try Self.set(Self.goal(status: .active), [("baseline", "10%"), ("target", "40%"), ("date", "2026-12-15"), ("weight", "30")]).goal
        old.items[0].keep = nil
        let latest = GoalSlot(slot: .baseline, value: "25%", number: 25, unit: "%")
        let carried = CarriedGoal.plan(old, into: Quarter("2027Q1")!, startingOn: Day(iso: "2027-01-01")!) { $0 == "main" ? latest : nil }
        #expect(carried.items[0].slots == [latest, GoalSlot(slot: .target, value: "40%", number: 40, unit: "%"), GoalSlot(slot: .date)])
        #expect(carried.baselines == ["main": "25%"])
        #expect(
            carried.history.map { "\($0.item ?? "-") \($0.field) \($0.new ?? "∅")" } == [
                "- created active", "- weight 30", "main direction increase", "main baseline 25%", "main target 40%",
            ])
        #expect(carried.history.first?.note == "carried from G42" && carried.history.allSatisfy { $0.person == "E100" && $0.old == nil })
        let kept = CarriedGoal.plan(old, into: Quarter("2027Q1")!, startingOn: Day(iso: "2026-12-01")!) { _ in nil }
        #expect(kept.items[0].slots[2].value == "2026-12-15" && kept.baselines == ["main": "10%"], "no check-in: the old baseline")
        let record = GoalPlan.carried(old, to: 77, into: Quarter("2027Q1")!)
        #expect(
            record.writes.isEmpty
                && record.history == [
                    PlannedHistory(person: "E100", item: nil, field: "carried_to", old: nil, new: "G77", note: "carried into 2027Q1")
                ])
    }
}
