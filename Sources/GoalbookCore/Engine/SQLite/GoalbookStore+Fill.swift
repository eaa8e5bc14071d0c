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

}
