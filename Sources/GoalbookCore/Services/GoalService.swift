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
        _ employeeId: String, quarter: Quarter, framework: Framework, rows: [Int]?, actor: String, now: Date = Date(),
        dated: Day? = nil
    ) throws -> GoalCreation {
        try engine.writing(try WriteStamp(actor: actor, command: "goals add", now: now, dated: dated), dryRun: false) { tx in
            try tx.requirePerson(employeeId)
            try tx.checkOpen(quarter)
            var made: GoalCreation?
            _ = try tx.createGoals(.person(employeeId), quarter: quarter, framework: framework, rows: rows) { made = $0 }
            guard let result = made else {
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
    ///
    /// Each person's result goes to `each` as it is known, in employee-id order and before the
    /// transaction commits, so that a whole organization is never held in memory: a caller that
    /// shows them keeps what it shows until this returns, which is when the goals are stored.
    public func assign(
        team: String, below: Bool = false, quarter: Quarter, framework: Framework, rows: [Int]?, dryRun: Bool, actor: String,
        now: Date = Date(), dated: Day? = nil, progress: ProgressMeter? = nil, each: (GoalCreation) throws -> Void
    ) throws -> GoalCreationTotals {
        try engine.writing(try WriteStamp(actor: actor, command: "goals assign", now: now, dated: dated, progress: progress), dryRun: dryRun) { tx in
            try tx.requirePerson(team)
            try tx.checkOpen(quarter)
            let firstDay = quarter.firstDay(fiscalYearStartMonth: try tx.settings().fiscalYearStartMonth)
            return try tx.createGoals(.team(team, below: below, activeOn: firstDay), quarter: quarter, framework: framework, rows: rows, each: each)
        }
    }

    /// ``assign(team:below:quarter:framework:rows:dryRun:actor:now:dated:progress:each:)``, with
    /// every person's result in one list: for a team, not an organization.
    public func assign(
        team: String, below: Bool = false, quarter: Quarter, framework: Framework, rows: [Int]?, dryRun: Bool, actor: String,
        now: Date = Date(), dated: Day? = nil, progress: ProgressMeter? = nil
    ) throws -> [GoalCreation] {
        var people: [GoalCreation] = []
        _ = try assign(
            team: team, below: below, quarter: quarter, framework: framework, rows: rows, dryRun: dryRun, actor: actor, now: now,
            dated: dated, progress: progress
        ) { people.append($0) }
        return people
    }

    /// Copies the active goals of `from` into `to`, each with its last check-in (or its old
    /// baseline) as the new baseline (``CarriedGoal``), and links old and new. The old goal keeps
    /// its status, figures, score, weight and alignment in its own quarter: the carry only
    /// records where it went. Alignments come along where the goal aligned to is carried too.
    /// Refused before `from`'s last day unless `early`.
    public func carry(
        from: Quarter, to: Quarter, team: String?, below: Bool = false, early: Bool = false, dryRun: Bool, actor: String,
        now: Date = Date()
    ) throws -> CarryResult {
        guard from < to else { throw GoalbookError.invalidArgument("carry goes forward: \(to) is not after \(from)") }
        return try engine.writing(WriteStamp(actor: actor, command: "goals carry", now: now), dryRun: dryRun) { tx in
            try tx.checkOpen(from)
            try tx.checkOpen(to)
            let fiscal = try tx.settings().fiscalYearStartMonth
            try from.checkFinished(on: Day(now), early: early, fiscalYearStartMonth: fiscal, what: "carry its goals")
            let start = to.firstDay(fiscalYearStartMonth: fiscal)
            var result = CarryResult()
            var links: [(old: Int64, new: Int64, parent: Int64)] = []
            for old in try tx.goals(GoalFilter(team: team, below: below, quarter: from, status: .active)).sorted(by: { $0.id < $1.id }) {
                if let next = old.carriedTo {
                    result.skipped.append(.init(goal: old.id, reason: "already carried to \(GoalID.format(next))"))
                    continue
                }
                if let clash = try tx.existingGoal(
                    of: old.employeeId, quarter: to, framework: old.framework, frameId: old.frameId, row: old.rowNumber)
                {
                    result.skipped.append(.init(goal: old.id, reason: "\(old.employeeId) already has \(GoalID.format(clash)) for that row in \(to)"))
                    continue
                }
                let carried = try CarriedGoal.plan(old, into: to, startingOn: start) { try tx.latestCheckIn(old.id, item: $0) }
                let newId = try tx.insert(carried)
                // The old goal is not changed: history records where it went, and it stays its quarter's goal.
                try tx.apply(GoalPlan.carried(old, to: newId, into: to))
                result.carried.append(.init(employeeId: old.employeeId, from: old.id, to: newId, title: old.title, baseline: carried.baselines))
                if let parent = old.alignedTo { links.append((old: old.id, new: newId, parent: parent)) }
            }
            // Links come along where the goal aligned to was carried too (now or by an earlier carry).
            for link in links {
                let was = "was \(GoalID.format(link.old)) → \(GoalID.format(link.parent))"
                if let newParent = try tx.carriedInto(link.parent, quarter: to) {
                    let goal = try tx.goal(link.new)
                    try tx.apply(try GoalPlan.align(goal, to: newParent, context: try tx.context(goal), find: tx.goal, alignedTo: tx.alignedTo))
                    result.linksKept.append("\(GoalID.format(link.new)) → \(GoalID.format(newParent)) (\(was))")
                } else {
                    let status = (try? tx.goal(link.parent))?.status.rawValue ?? "gone"
                    result.linksLost.append(
                        "\(GoalID.format(link.new)) is aligned to nothing (\(was), and \(GoalID.format(link.parent)) is \(status), not carried "
                            + "into \(to))"
                    )
                }
            }
            return result
        }
    }

    // MARK: - Changing goals

    /// Sets slot values (`baseline`, `target`, `date`), `keep`, `tolerance`, `weight` and `owner`
    /// of a goal, checking every value first (``GoalPlan/set(_:_:item:direction:context:person:)``).
    /// Returns what changed.
    public func set(
        _ goalId: Int64, _ assignments: [(key: String, value: String)], item: String?, direction: Direction?, actor: String,
        command: String = "goals set", now: Date = Date(), dated: Day? = nil
    ) throws -> [FieldChange] {
        try engine.writing(try WriteStamp(actor: actor, command: command, now: now, dated: dated), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let plan = try GoalPlan.set(goal, assignments, item: item, direction: direction, context: try tx.context(goal), person: tx.requirePerson)
            try tx.apply(plan)
            return plan.changes
        }
    }

    /// Moves a goal to a new status, if the lifecycle allows it; nil when it had that status.
    public func setStatus(
        _ goalId: Int64, to status: GoalStatus, note: String?, unfilled: Bool = false, actor: String, now: Date = Date(),
        dated: Day? = nil
    ) throws -> FieldChange? {
        try engine.writing(try WriteStamp(actor: actor, command: "goals status", now: now, dated: dated), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let plan = try GoalPlan.status(goal, to: status, note: note, unfilled: unfilled, context: try tx.context(goal))
            try tx.apply(plan)
            return plan.changes.first
        }
    }

    /// What a status change of many goals did (or, in a dry run, would do).
    public struct StatusChanges: Sendable {
        /// Each goal that moved, with its change, in list order.
        public var changed: [(goalId: Int64, change: FieldChange)]
        /// The goals that had the status already.
        public var already: [Int64]
        /// Each other goal left as it was, and why.
        public var skipped: [(goalId: Int64, reason: String)]
    }

    /// Moves every goal of a team's quarter that can move to `status`, in one transaction (none
    /// with `dryRun`). A goal already there, or one the lifecycle does not let move (finished, or
    /// unfilled without `unfilled`), is left as it is and listed with the reason.
    public func setStatus(
        team: String, below: Bool = false, quarter: Quarter, to status: GoalStatus, note: String?, unfilled: Bool = false,
        dryRun: Bool, actor: String, now: Date = Date(), dated: Day? = nil
    ) throws -> StatusChanges {
        try engine.writing(try WriteStamp(actor: actor, command: "goals status", now: now, dated: dated), dryRun: dryRun) { tx in
            try tx.requirePerson(team)
            var result = StatusChanges(changed: [], already: [], skipped: [])
            for goal in try tx.goals(GoalFilter(team: team, below: below, quarter: quarter)) {
                guard goal.status != status else {
                    result.already.append(goal.id)
                    continue
                }
                let plan: GoalPlan
                do {
                    plan = try GoalPlan.status(goal, to: status, note: note, unfilled: unfilled, context: try tx.context(goal))
                } catch let error as GoalbookError {
                    result.skipped.append((goal.id, error.errorDescription ?? "\(error)"))
                    continue
                }
                try tx.apply(plan)
                if let change = plan.changes.first { result.changed.append((goal.id, change)) }
            }
            return result
        }
    }

    // MARK: - Reading goals

    /// One goal as it is now, or as it was at `asOf`.
    public func goal(_ goalId: Int64, asOf: PastView? = nil) throws -> Goal {
        try engine.reading { tx in
            let goal = try tx.goal(goalId)
            guard let asOf else { return goal }
            guard let past = try tx.rebuilt(goal, asOf: asOf) else {
                throw GoalbookError.refused(
                    "\(goal.displayId) did not exist yet at \(asOf.description): it was created \(goal.createdAt)"
                        + (asOf.recorded == nil ? "" : " (goals log \(goal.displayId) shows when that was recorded)"))
            }
            return past
        }
    }

    /// Goals matching the filter, ordered by person and id; with `asOf`, as they were then.
    public func goals(_ filter: GoalFilter) throws -> [Goal] { try engine.reading { try $0.goals(filter) } }

    /// Goals with where each stands, as the report judges it: progress from the check-ins dated
    /// by `asOf`'s day (or today, and recorded by `asOf.recorded` when given), and the track against the progress
    /// expected on that day (the quarter's last day, for a quarter that has ended).
    public func goalsWithStanding(_ filter: GoalFilter, now: Date = Date()) throws -> [(goal: Goal, standing: GoalStanding)] {
        try engine.reading { tx in
            let goals = try tx.goals(filter)
            let settings = try tx.settings()
            let asOf = filter.asOf?.effective ?? Timestamp.string(now)
            let today = Day(iso: String(asOf.prefix(10))) ?? Day(now)
            let checkins = Dictionary(
                grouping: try tx.checkins(ofGoals: goals.map(\.id), recordedBy: filter.asOf?.recorded, through: today), by: \.goalId)
            // Goals share a few quarters and due dates: each is read once, not once a goal.
            var quarters: [String: (quarter: Quarter?, day: Day, through: String)] = [:]
            var days = DayCache()
            return goals.map { goal in
                let known =
                    quarters[goal.quarter]
                    ?? {
                        let quarter = Quarter(goal.quarter)
                        let day = quarter.map { min(today, $0.lastDay(fiscalYearStartMonth: settings.fiscalYearStartMonth)) } ?? today
                        quarters[goal.quarter] = (quarter, day, day.description)
                        return (quarter, day, day.description)
                    }()
                let theirs = (checkins[goal.id] ?? []).filter { $0.checkedOn <= known.through }
                let judged = ProgressRules.judge(
                    goal, checkins: theirs, on: known.day, quarter: known.quarter, settings: settings, parseDay: { days.day($0) })
                return (goal, GoalStanding(progress: judged.progress.clamped, track: judged.track))
            }
        }
    }

    /// Every change to a goal, oldest first.
    public func log(_ goalId: Int64) throws -> [HistoryEntry] {
        try engine.reading { tx in
            _ = try tx.goal(goalId)
            return try tx.goalHistory(goalId)
        }
    }

    /// The newest version of the goal's frame, when the canon has moved on since the goal was made.
    /// `statementChanged` says whether the goal's row now reads differently.
    public func canonMovedOn(_ goal: Goal) throws -> (canonVersion: Int64, statementChanged: Bool)? {
        try engine.reading { tx in
            guard let current = try tx.currentVersion(ofFrame: goal.frameId), current.frameVersionId != goal.frameVersionId else { return nil }
            let rendered = TemplateRenderer.rows(goal.framework, for: try tx.frame(versionId: current.frameVersionId))
            let same =
                rendered.indices.contains(goal.rowNumber - 1)
                && rendered[goal.rowNumber - 1].printLines.joined(separator: "\n") == goal.templateText
            return (current.canonVersionId, !same)
        }
    }

    /// The goals aligned straight under a goal (any status), by id.
    public func alignedUnder(_ goalId: Int64) throws -> [Int64] { try engine.reading { try $0.alignedUnder(goalId) } }
}
