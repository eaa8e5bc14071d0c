/// The rules of `goals status`, `goals align` and `goals score`.
extension GoalPlan {
    /// Plans moving a goal to a new status, if the lifecycle allows it (draft → active → done or
    /// dropped, and active back to draft). A goal with unfilled slots becomes active only with
    /// `unfilled`. An empty plan when the goal has that status already.
    public static func status(_ goal: Goal, to status: GoalStatus, note: String?, unfilled: Bool, context: GoalContext) throws -> GoalPlan {
        try Goal.checkQuarterOpen(goal.quarter, closedAt: context.quarterClosedAt)
        if let next = goal.carriedTo {
            throw GoalbookError.refused(
                "\(goal.displayId) was carried to \(GoalID.format(next)) and keeps its status; change \(GoalID.format(next)), which continues it")
        }
        var plan = GoalPlan(goal)
        if goal.status == status { return plan }
        try goal.checkMove(to: status, unfilled: unfilled)
        plan.write(.status(status))
        plan.record(field: "status", old: goal.status.rawValue, new: status.rawValue, note: note)
        plan.print(FieldChange(field: "status", old: goal.status.rawValue, new: status.rawValue))
        return plan
    }

    /// Plans aligning a goal to another goal of the same quarter (`target`), or to nothing (nil).
    /// Refuses a goal aligned to itself, to a goal of another quarter, to a dropped goal, and to a
    /// goal aligned under it. An empty plan when it is aligned so already.
    /// - Parameters:
    ///   - find: a goal by id (not found names it).
    ///   - alignedTo: what a goal is aligned to, to walk up from the new parent.
    public static func align(
        _ goal: Goal, to target: Int64?, context: GoalContext, find: (Int64) throws -> Goal, alignedTo: (Int64) throws -> Int64?
    ) throws -> GoalPlan {
        try goal.checkWritable(context)
        if let target {
            guard target != goal.id else { throw GoalbookError.refused("\(goal.displayId) cannot be aligned to itself") }
            let parent = try find(target)
            guard parent.quarter == goal.quarter else {
                throw GoalbookError.refused(
                    "\(parent.displayId) is a goal of \(parent.quarter) and \(goal.displayId) of \(goal.quarter): a goal is aligned to a goal of "
                        + "its own quarter"
                )
            }
            guard parent.counts else {
                throw GoalbookError.refused("\(parent.displayId) is \(parent.status.rawValue): align \(goal.displayId) to a goal that still counts")
            }
            // Walk up from the new parent: meeting the goal itself means a loop.
            var chain = [parent.displayId]
            var at: Int64? = parent.alignedTo
            var seen: Set<Int64> = [target]
            while let next = at, seen.insert(next).inserted {
                chain.append(GoalID.format(next))
                if next == goal.id {
                    throw GoalbookError.refused(
                        "\(parent.displayId) is aligned under \(goal.displayId) (\(chain.joined(separator: " → "))): aligning \(goal.displayId) "
                            + "to it would make a loop"
                    )
                }
                at = try alignedTo(next)
            }
        }
        var plan = GoalPlan(goal)
        guard goal.alignedTo != target else { return plan }
        let old = goal.alignedTo.map(GoalID.format)
        let new = target.map(GoalID.format)
        plan.write(.alignedTo(target))
        plan.record(field: "aligned_to", old: old, new: new)
        plan.print(FieldChange(field: "aligned_to", old: old, new: new))
        return plan
    }

    /// Plans giving an active or done goal (carried or not) its quarter-end score, from the first
    /// day of the quarter's last month until the quarter is closed. The score must be on the
    /// framework's scale (it is snapped to its steps). An empty plan when nothing would change.
    public static func score(_ goal: Goal, _ value: Double, note: String?, today: Day, context: GoalContext) throws -> GoalPlan {
        // A carried goal is still its quarter's goal, and is scored there.
        guard goal.status.isScored else {
            throw GoalbookError.refused(
                "\(goal.displayId) is \(goal.status == .draft ? "a draft" : goal.status.rawValue): only active and done goals are scored"
                    + (goal.status == .draft ? " (goalbook goals status \(goal.displayId) active)" : ""))
        }
        try Goal.checkQuarterOpen(goal.quarter, closedAt: context.quarterClosedAt)
        let quarter = try goal.quarterValue()
        let last = quarter.lastDay(fiscalYearStartMonth: context.settings.fiscalYearStartMonth)
        let opens = last.firstOfMonth
        guard today >= opens else {
            throw GoalbookError.refused(
                "\(quarter) can be scored from \(opens), the first day of its last month, until it is closed; today is \(today)")
        }
        let scale = try context.settings.usableScale(goal.framework)
        guard let snapped = scale.check(value) else {
            throw GoalbookError.invalidArgument(
                "\(Measure.format(value)) is off the \(goal.framework.displayName) scale: scores go from \(scale.description)")
        }
        var plan = GoalPlan(goal)
        guard goal.score != snapped || note != nil else { return plan }
        let old = goal.score.map(Measure.format)
        let new = Measure.format(snapped)
        plan.write(.score(snapped))
        plan.record(field: "score", old: old, new: new, note: note)
        plan.print(FieldChange(field: "score", old: old, new: new))
        return plan
    }

    /// Records, on a goal that was carried, the goal that continues it; the goal itself keeps its
    /// status and figures in its own quarter.
    public static func carried(_ old: Goal, to newId: Int64, into quarter: Quarter) -> GoalPlan {
        var plan = GoalPlan(old)
        plan.record(field: "carried_to", old: nil, new: GoalID.format(newId), note: "carried into \(quarter)")
        return plan
    }
}
