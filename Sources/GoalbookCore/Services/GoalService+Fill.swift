import Foundation

/// `goals fill`: the unfilled slots, one question each, checked as `goals set` checks them.
extension GoalService {
    /// The unfilled slots of the goals named (one goal, a person's or a team's goals of a quarter),
    /// in order; `only` keeps one kind of slot.
    public func fillQuestions(_ filter: GoalFilter, goal goalId: Int64?, only: SlotName?) throws -> [FillQuestion] {
        try engine.reading { tx in
            let goals = try goalId.map { [try tx.goal($0)] } ?? tx.goals(filter)
            let fiscal = try tx.settings().fiscalYearStartMonth
            var questions: [FillQuestion] = []
            for goal in goals where goal.takesChanges {
                let previous = try goal.carriedFrom.map { try tx.goal($0) }
                questions += Self.questions(goal, previous: previous, only: only, fiscalYearStartMonth: fiscal)
            }
            return questions
        }
    }

    /// A goal's unfilled slots as questions: the template line each placeholder stands on, what
    /// an answer must be, and the same slot's value in the goal it was carried from.
    static func questions(_ goal: Goal, previous: Goal?, only: SlotName?, fiscalYearStartMonth fiscal: Int) -> [FillQuestion] {
        let lines = goal.templateText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let quarter = Quarter(goal.quarter)
        var questions: [FillQuestion] = []
        for item in goal.items {
            for slot in item.slots where slot.value == nil && (only == nil || only == slot.slot) {
                let placeholder = "⟨\(slot.slot.rawValue)⟩"
                let first = min(max(item.firstLine - 1, 0), lines.count)
                let line = lines[first..<max(first, min(item.lastLine, lines.count))].first { $0.contains(placeholder) } ?? ""
                let marked = line.range(of: placeholder).map { line.replacingCharacters(in: $0, with: "[\(placeholder)]") } ?? line
                let expects: String
                switch slot.slot {
                case .date:
                    expects =
                        "an ISO date from \(quarter?.firstDay(fiscalYearStartMonth: fiscal).description ?? goal.quarter) on, e.g. "
                        + "\(quarter?.lastDay(fiscalYearStartMonth: fiscal).description ?? "2026-12-31")"
                case .baseline, .target:
                    expects = item.unit.map(FillQuestion.expectation(unit:)) ?? "a number with an optional unit: 12, 12.5%, 40 ms, 3 features"
                }
                questions.append(
                    FillQuestion(
                        goalId: goal.id, employeeId: goal.employeeId, personName: goal.personName,
                        row: goal.framework.rowName(goal.rowNumber), title: goal.title, item: item.name, slot: slot.slot,
                        line: marked, expects: expects, previous: previous?.item(item.name)?.slot(slot.slot)?.value,
                        name: goal.fieldName(item: item.name, slot.slot.rawValue)))
            }
        }
        return questions
    }

    /// Checks an answer as `goals set` would, together with the earlier answers for the same
    /// goal (a target against the baseline given just before it), writing nothing. Answers for
    /// other goals cannot change the outcome, so they are not replayed. Throws the first problem.
    public func checkFill(_ answer: FillAnswer, after answers: [FillAnswer]) throws {
        let sameGoal = answers.filter { $0.goalId == answer.goalId } + [answer]
        try engine.reading { tx in _ = try Self.fill(sameGoal, tx: tx, apply: nil) }
    }

    /// Writes every answer in one transaction, with history as `goals set` writes it. Returns the
    /// changes, per goal.
    public func saveFill(
        _ answers: [FillAnswer], actor: String, now: Date = Date(), dated: Day? = nil
    ) throws -> [(goal: Int64, change: FieldChange)] {
        try engine.writing(try WriteStamp(actor: actor, command: "goals fill", now: now, dated: dated), dryRun: false) { tx in
            try Self.fill(answers, tx: tx, apply: tx.apply)
        }
    }

    /// Plans the answers one goal item at a time, in the order they were first given, each from
    /// the goal as the earlier ones left it; `apply` writes each plan as it is made.
    private static func fill(
        _ answers: [FillAnswer], tx: any EngineReader, apply: ((GoalPlan) throws -> Void)?
    ) throws -> [(goal: Int64, change: FieldChange)] {
        var order: [String] = []
        var groups: [String: [FillAnswer]] = [:]
        for answer in answers {
            let key = "\(answer.goalId) \(answer.item)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(answer)
        }
        var current: [Int64: Goal] = [:]
        var changes: [(goal: Int64, change: FieldChange)] = []
        for key in order {
            guard let group = groups[key], let first = group.first else { continue }
            let goal = try current[first.goalId] ?? tx.goal(first.goalId)
            let plan = try GoalPlan.set(
                goal, group.map { (key: $0.slot.rawValue, value: $0.value) }, item: first.item, direction: nil,
                context: try tx.context(goal), person: tx.requirePerson)
            try apply?(plan)
            current[first.goalId] = plan.goal
            changes += plan.changes.map { (first.goalId, $0) }
        }
        return changes
    }
}
