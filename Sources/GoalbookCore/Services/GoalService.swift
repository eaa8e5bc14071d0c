import Foundation

/// Creating, changing and reading goals: `goals add`, `assign`, `set`, `weight`, `status`,
/// `carry`, `fill`, `edit`, `show`, `list` and `log`. Every write is decide-then-apply: the goal
/// is loaded, a pure ``GoalPlan`` rule refuses or plans the change, and the engine applies it in
/// the same transaction.
public struct GoalService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    // MARK: - Creating goals

    /// Creates goals for one person from rows of one framework of their frame (all rows when
    /// `rows` is nil). A row the person already has a goal for this quarter is an error.
    public func add(
        _ employeeId: String, quarter: Quarter, framework: Framework, rows: [Int]?, actor: String, now: Date = Date()
    ) throws -> GoalCreation {
        try engine.writing(WriteStamp(actor: actor, command: "goals add", now: now), dryRun: false) { tx in
            guard let result = try tx.createGoals(.person(employeeId), quarter: quarter, framework: framework, rows: rows).first else {
                throw GoalbookError.notFound(what: "person \(employeeId)", suggestions: [])
            }
            if let first = result.existing.first {
                throw GoalbookError.refused(
                    "\(employeeId) already has \(GoalID.format(first.goalId)) for \(framework.rowName(first.rowNumber)) in \(quarter); nothing "
                        + "was created"
                )
            }
            return result
        }
    }

    /// Creates goals for every person of `team` who had not left before the quarter began (its
    /// head and everyone below them; with `below`, only those below), each from their own frame,
    /// in one transaction. Rows a person already has a goal for are skipped and counted. With
    /// `dryRun` nothing is written and the result says what would be created.
    public func assign(
        team: String, below: Bool = false, quarter: Quarter, framework: Framework, rows: [Int]?, dryRun: Bool, actor: String,
        now: Date = Date()
    ) throws -> [GoalCreation] {
        try engine.writing(WriteStamp(actor: actor, command: "goals assign", now: now), dryRun: dryRun) { tx in
            let firstDay = quarter.firstDay(fiscalYearStartMonth: try tx.settings().fiscalYearStartMonth)
            return try tx.createGoals(.team(team, below: below, activeOn: firstDay), quarter: quarter, framework: framework, rows: rows)
        }
    }

    /// Copies the active goals of `from` into `to`, each with its last check-in (or its old
    /// baseline) as the new baseline, and links old and new. The old goal keeps its status,
    /// figures, score, weight and alignment in its own quarter. Refused before `from`'s last day
    /// unless `early`.
    public func carry(
        from: Quarter, to: Quarter, team: String?, below: Bool = false, early: Bool = false, dryRun: Bool, actor: String,
        now: Date = Date()
    ) throws -> CarryResult {
        try engine.carry(from: from, to: to, team: team, below: below, early: early, dryRun: dryRun, actor: actor, now: now)
    }

    // MARK: - Changing goals

    /// Sets slot values (`baseline`, `target`, `date`), `keep`, `tolerance`, `weight` and `owner`
    /// of a goal, checking every value first (``GoalPlan/set(_:_:item:direction:context:person:)``).
    /// Returns what changed.
    public func set(
        _ goalId: Int64, _ assignments: [(key: String, value: String)], item: String?, direction: Direction?, actor: String,
        command: String = "goals set", now: Date = Date()
    ) throws -> [GoalChange] {
        try engine.writing(WriteStamp(actor: actor, command: command, now: now), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let plan = try GoalPlan.set(goal, assignments, item: item, direction: direction, context: try tx.context(goal), person: tx.requirePerson)
            try tx.apply(plan)
            return plan.changes
        }
    }

    /// Moves a goal to a new status, if the lifecycle allows it; nil when it had that status.
    public func setStatus(
        _ goalId: Int64, to status: GoalStatus, note: String?, unfilled: Bool = false, actor: String, now: Date = Date()
    ) throws -> GoalChange? {
        try engine.writing(WriteStamp(actor: actor, command: "goals status", now: now), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let plan = try GoalPlan.status(goal, to: status, note: note, unfilled: unfilled, context: try tx.context(goal))
            try tx.apply(plan)
            return plan.changes.first
        }
    }

    // MARK: - Reading goals

    /// One goal as it is now, or as it was at `asOf` (a bound from ``AsOf/bound(_:)``).
    public func goal(_ goalId: Int64, asOf: String? = nil) throws -> Goal { try engine.goal(goalId, asOf: asOf) }

    /// Goals matching the filter, ordered by person and id; with `asOf`, as they were then.
    public func goals(_ filter: GoalFilter) throws -> [Goal] { try engine.goals(filter) }

    /// Every change to a goal, oldest first.
    public func log(_ goalId: Int64) throws -> [HistoryEntry] { try engine.goalLog(goalId) }

    /// The newest version of the goal's frame, when the canon has moved on since the goal was made.
    public func canonMovedOn(_ goal: Goal) throws -> (canonVersion: Int64, statementChanged: Bool)? { try engine.canonMovedOn(goal) }

    /// The goals aligned straight under a goal (any status), by id.
    public func alignedUnder(_ goalId: Int64) throws -> [Int64] { try engine.alignedUnder(goalId) }
}
