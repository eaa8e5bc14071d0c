import Foundation

/// Alignment and scores: which goal supports which, the trees they make, and quarter-end scores.
public struct AlignmentService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// Aligns a goal to another goal of the same quarter (`to`), or to nothing (nil), as
    /// ``GoalPlan/align(_:to:context:find:alignedTo:)`` allows. Nil when it was already so.
    public func align(_ goalId: Int64, to target: Int64?, actor: String, now: Date = Date(), dated: Day? = nil) throws -> FieldChange? {
        try engine.writing(try WriteStamp(actor: actor, command: "goals align", now: now, dated: dated), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let plan = try GoalPlan.align(goal, to: target, context: try tx.context(goal), find: tx.goal, alignedTo: tx.alignedTo)
            try tx.apply(plan)
            return plan.changes.first
        }
    }

    /// Gives a goal its quarter-end score, as ``GoalPlan/score(_:_:note:today:context:)`` allows.
    /// Nil when it had that score and no note is given.
    public func score(_ goalId: Int64, _ value: Double, note: String?, actor: String, now: Date = Date()) throws -> FieldChange? {
        try engine.writing(WriteStamp(actor: actor, command: "goals score", now: now), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let plan = try GoalPlan.score(goal, value, note: note, today: Day(now), context: try tx.context(goal))
            try tx.apply(plan)
            return plan.changes.first
        }
    }

    /// The score a goal's progress suggests, on its framework's scale, as of `now`.
    public func scoreSuggestion(_ goalId: Int64, now: Date = Date()) throws -> ScoreSuggestion {
        try engine.reading { tx in
            let goal = try tx.goal(goalId)
            let settings = try tx.settings()
            let scale = try settings.usableScale(goal.framework)
            let day = min(Day(now), try goal.quarterValue().lastDay(fiscalYearStartMonth: settings.fiscalYearStartMonth))
            let checkins = try tx.checkins(goalId, through: day)
            let progress = ProgressRules.goal(goal.items.map { ProgressRules.item($0, checkins: checkins, settings: settings) }).clamped
            return ScoreSuggestion(goal: goal, scale: scale, progress: progress, suggested: progress.map { scale.suggest(progress: $0) })
        }
    }

    /// The goal with everything aligned under it, as it is now or as it stood at `asOf`.
    public func tree(_ goalId: Int64, asOf: PastView?, now: Date = Date()) throws -> GoalTrees {
        let goal = try GoalService(engine).goal(goalId, asOf: asOf)
        let lines = try engine.reading { tx in
            try ReportService.lines(tx, quarter: try goal.quarterValue(), scope: .all, asOf: asOf, now: now, only: .linked(to: goalId))
        }
        guard lines.goals.contains(where: { $0.goalId == goal.displayId }) else {
            throw GoalbookError.refused("\(goal.displayId)'s owner \(goal.employeeId) had left before \(goal.quarter) began")
        }
        return GoalTrees(lines, trees: GoalTree.build(goals: lines.goals, people: lines.people, roots: [goal.displayId]))
    }

    /// The trees of a team's goals in a quarter (the manager's and everyone's below them; with
    /// `below`, only theirs below): each goal aligned to nothing, or to a goal outside the team,
    /// with everything under it.
    public func tree(team: String, below: Bool = false, quarter: Quarter, asOf: PastView?, now: Date = Date()) throws -> GoalTrees {
        let lines = try engine.reading { tx in
            try tx.requirePerson(team)  // not found, with close matches
            let lines = try ReportService.lines(tx, quarter: quarter, scope: .all, asOf: asOf, now: now, only: .team(team, below: below))
            guard lines.people.contains(where: { $0.employeeId == team }) else {
                throw GoalbookError.refused("\(team) was not in Goalbook in \(quarter) as of \(lines.asOf)")
            }
            return lines
        }
        let chart = OrgChart(lines.people.map { (employeeId: $0.employeeId, managerId: $0.managerId) })
        var members = Set([team] + chart.below(team))
        if below { members.remove(team) }
        let roots = GoalTree.teamRoots(lines.goals, members: members)
        return GoalTrees(lines, trees: GoalTree.build(goals: lines.goals, people: lines.people, roots: roots))
    }
}

/// Alignment trees and the instant they show.
public struct GoalTrees: Sendable {
    public var quarter: String
    public var asOf: String
    /// As Goalbook had it recorded by this instant, when asked for.
    public var asRecorded: String?
    public var trees: [GoalTreeNode]

    init(_ lines: GoalLines, trees: [GoalTreeNode]) {
        quarter = lines.quarter
        asOf = lines.asOf
        asRecorded = lines.asRecorded
        self.trees = trees
    }
}
