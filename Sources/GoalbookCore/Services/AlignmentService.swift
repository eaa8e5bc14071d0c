import Foundation

/// Alignment and scores: which goal supports which, the trees they make, and quarter-end scores.
public struct AlignmentService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// Aligns a goal to another goal of the same quarter (`to`), or to nothing (nil), as
    /// ``GoalPlan/align(_:to:context:find:alignedTo:)`` allows. Nil when it was already so.
    public func align(_ goalId: Int64, to target: Int64?, actor: String, now: Date = Date()) throws -> GoalChange? {
        try engine.writing(WriteStamp(actor: actor, command: "goals align", now: now), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let plan = try GoalPlan.align(goal, to: target, context: try tx.context(goal), find: tx.goal, alignedTo: tx.alignedTo)
            try tx.apply(plan)
            return plan.changes.first
        }
    }

    /// Gives a goal its quarter-end score, as ``GoalPlan/score(_:_:note:today:context:)`` allows.
    /// Nil when it had that score and no note is given.
    public func score(_ goalId: Int64, _ value: Double, note: String?, actor: String, now: Date = Date()) throws -> GoalChange? {
        try engine.writing(WriteStamp(actor: actor, command: "goals score", now: now), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let plan = try GoalPlan.score(goal, value, note: note, today: Day(now), context: try tx.context(goal))
            try tx.apply(plan)
            return plan.changes.first
        }
    }

    /// The score a goal's progress suggests, on its framework's scale, as of `now`.
    public func scoreSuggestion(_ goalId: Int64, now: Date = Date()) throws -> ScoreSuggestion { try engine.scoreSuggestion(goalId, now: now) }

    /// The goal with everything aligned under it, as it is now or as it stood at `asOf`.
    public func tree(_ goalId: Int64, asOf: String?, now: Date = Date()) throws -> (report: Report, trees: [GoalTreeNode]) {
        try engine.goalTree(goalId, asOf: asOf, now: now)
    }

    /// The trees of a team's goals in a quarter: each goal aligned to nothing, or to a goal
    /// outside the team, with everything under it.
    public func tree(team: String, below: Bool = false, quarter: Quarter, asOf: String?, now: Date = Date()) throws -> (
        report: Report, trees: [GoalTreeNode]
    ) {
        try engine.goalTree(team: team, below: below, quarter: quarter, asOf: asOf, now: now)
    }
}
