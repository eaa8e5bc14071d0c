import Foundation
import GRDB

extension GoalbookStore {
    /// The unfilled slots of the goals named (one goal, a person's or a team's goals of a quarter),
    /// in order: by person, goal, item, then baseline, target, date. Dropped and carried goals are
    /// left out; `only` keeps one kind of slot.
    public func fillQuestions(_ filter: GoalFilter, goal goalId: Int64?, only: SlotName?) throws -> [FillQuestion] {
        let goals = try goalId.map { [try goal($0)] } ?? goals(filter)
        let fiscal = try settings().fiscalYearStartMonth
        return try read { db in
            var questions: [FillQuestion] = []
            for goal in goals where goal.takesChanges {
                let lines = goal.templateText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let previous = try goal.carriedFrom.map { try Self.goal($0, db: db) }
                let quarter = Quarter(goal.quarter)
                for item in goal.items {
                    for slot in item.slots where slot.value == nil && (only == nil || only == slot.slot) {
                        let placeholder = "⟨\(slot.slot.rawValue)⟩"
                        let line = lines[(item.firstLine - 1)..<min(item.lastLine, lines.count)].first { $0.contains(placeholder) } ?? ""
                        let marked = line.range(of: placeholder).map { line.replacingCharacters(in: $0, with: "[\(placeholder)]") } ?? line
                        let expects: String
                        switch slot.slot {
                        case .date:
                            expects =
                                "an ISO date from \(quarter?.firstDay(fiscalYearStartMonth: fiscal).description ?? goal.quarter) on, e.g. "
                                + "\(quarter?.lastDay(fiscalYearStartMonth: fiscal).description ?? "2026-12-31")"
                        case .baseline, .target:
                            expects =
                                item.unit.map(FillQuestion.expectation(unit:))
                                ?? "a number with an optional unit: 12, 12.5%, 40 ms, 3 features"
                        }
                        questions.append(
                            FillQuestion(
                                goalId: goal.id, employeeId: goal.employeeId, personName: goal.personName,
                                row: goal.framework.rowName(goal.rowNumber), title: goal.title, item: item.name, slot: slot.slot,
                                line: marked, expects: expects,
                                previous: previous?.item(item.name)?.slot(slot.slot)?.value,
                                name: goal.fieldName(item: item.name, slot.slot.rawValue)))
                    }
                }
            }
            return questions
        }
    }

    /// Checks an answer as `goals set` would, together with the earlier answers for the same
    /// goal (a target against the baseline given just before it), writing nothing. Answers for
    /// other goals cannot change the outcome, so they are not replayed. Throws the first problem.
    public func checkFill(_ answer: FillAnswer, after answers: [FillAnswer]) throws {
        let sameGoal = answers.filter { $0.goalId == answer.goalId } + [answer]
        _ = try write(rollback: true) { db in
            try Self.applyFill(sameGoal, history: HistoryWriter(db: db, stamp: "", actor: "", command: "check"), db: db)
        }
    }

    /// Writes every answer in one transaction, with history as `goals set` writes it. Returns the
    /// changes, per goal.
    public func saveFill(_ answers: [FillAnswer], actor: String, now: Date = Date()) throws -> [(goal: Int64, change: GoalChange)] {
        try write { db in
            try Self.applyFill(answers, history: HistoryWriter(db: db, stamp: Timestamp.string(now), actor: actor, command: "goals fill"), db: db)
        }
    }

    private static func applyFill(_ answers: [FillAnswer], history: HistoryWriter, db: Database) throws -> [(goal: Int64, change: GoalChange)] {
        var changes: [(goal: Int64, change: GoalChange)] = []
        var order: [String] = []
        var groups: [String: [FillAnswer]] = [:]
        for answer in answers {
            let key = "\(answer.goalId) \(answer.item)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(answer)
        }
        for key in order {
            let group = groups[key]!
            let made = try setGoal(
                group[0].goalId, group.map { (key: $0.slot.rawValue, value: $0.value) }, item: group[0].item,
                direction: nil, history: history, db: db)
            changes += made.map { (group[0].goalId, $0) }
        }
        return changes
    }
}
