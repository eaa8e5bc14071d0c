import Foundation

/// `goals fill`: the unfilled slots, one question each, checked as `goals set` checks them.
extension GoalService {
    /// The unfilled slots of the goals named (one goal, a person's or a team's goals of a quarter),
    /// in order; `only` keeps one kind of slot.
    public func fillQuestions(_ filter: GoalFilter, goal goalId: Int64?, only: SlotName?) throws -> [FillQuestion] {
        try engine.fillQuestions(filter, goal: goalId, only: only)
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
    public func saveFill(_ answers: [FillAnswer], actor: String, now: Date = Date()) throws -> [(goal: Int64, change: GoalChange)] {
        try engine.writing(WriteStamp(actor: actor, command: "goals fill", now: now), dryRun: false) { tx in
            try Self.fill(answers, tx: tx, apply: tx.apply)
        }
    }

    /// Plans the answers one goal item at a time, in the order they were first given, each from
    /// the goal as the earlier ones left it; `apply` writes each plan as it is made.
    private static func fill(
        _ answers: [FillAnswer], tx: any EngineReader, apply: ((GoalPlan) throws -> Void)?
    ) throws -> [(goal: Int64, change: GoalChange)] {
        var order: [String] = []
        var groups: [String: [FillAnswer]] = [:]
        for answer in answers {
            let key = "\(answer.goalId) \(answer.item)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(answer)
        }
        var current: [Int64: Goal] = [:]
        var changes: [(goal: Int64, change: GoalChange)] = []
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
