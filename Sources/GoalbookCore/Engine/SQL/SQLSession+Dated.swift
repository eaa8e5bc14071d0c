import Foundation

/// The rules a write dated back with `--date` keeps, so that reading history by when changes
/// took effect (`--as-of`, the trends, `check`'s replay) agrees with what is stored: the day is
/// in no closed quarter; a goal's change lies inside its quarter; nothing goes before the last
/// change of what it changes; and nothing names a person or goal that did not exist yet.
extension SQLSession {
    /// The day and stored instant a dated write takes effect; nil for a write that is not dated back.
    func datedAt() throws -> (day: Day, at: String)? {
        let stamp = try writeStamp()
        guard let day = stamp.datedDay else { return nil }
        let quarter = Quarter.containing(day, fiscalYearStartMonth: try settings().fiscalYearStartMonth)
        if let closed = try sql.closedAt(quarter) {
            throw GoalbookError.refused("--date \(day) falls in \(quarter), which was closed at \(closed); nothing was written")
        }
        return (day, Timestamp.string(stamp.now))
    }

    /// Refuses a dated day outside `quarter` (a goal's), for `what` (G5, or goals of a quarter).
    func checkDated(_ day: Day, inside quarter: Quarter, what: String) throws {
        let fiscal = try settings().fiscalYearStartMonth
        let first = quarter.firstDay(fiscalYearStartMonth: fiscal)
        let last = quarter.lastDay(fiscalYearStartMonth: fiscal)
        guard day < first || day > last else { return }
        throw GoalbookError.refused("--date \(day) is outside \(quarter) (\(first) to \(last)), the quarter of \(what); nothing was written")
    }

    /// A goal's dated change: inside its quarter, not before its last change, and naming only an
    /// owner and a goal aligned to that existed by then.
    func checkDated(_ plan: GoalPlan) throws {
        guard let dated = try datedAt() else { return }
        let goalId = plan.goalId
        let shown = GoalID.format(goalId)
        guard
            let (quarter, last) = try sql.first(
                "SELECT quarter, (SELECT max(changed_at) FROM history WHERE goal_id = ?) FROM goal WHERE goal_id = ?", [goalId, goalId],
                { ($0.text(0), $0.textOrNil(1)) })
        else { return }
        if let quarter = Quarter(quarter) { try checkDated(dated.day, inside: quarter, what: shown) }
        if let last, last > dated.at {
            throw GoalbookError.refused(
                "--date \(dated.day) comes before \(shown)'s last change (at \(last)): a change dated back cannot go before one already "
                    + "in its history; nothing was written")
        }
        for write in plan.writes {
            switch write {
            case .owner(let employeeId):
                if let created = try sql.text("SELECT created_at FROM person WHERE person_id = ?", [try personKey(employeeId)]), created > dated.at {
                    throw GoalbookError.refused("\(employeeId) was added at \(created), after --date \(dated.day); nothing was written")
                }
            case .alignedTo(let target?):
                if let created = try sql.text("SELECT created_at FROM goal WHERE goal_id = ?", [target]), created > dated.at {
                    throw GoalbookError.refused("\(GoalID.format(target)) was created at \(created), after --date \(dated.day); nothing was written")
                }
            default: break
            }
        }
    }

    /// Dated goals of `quarter`: inside it. Their owners must have been added by then, which
    /// ``checkOwnersExisted(_:at:)`` checks once the members are known.
    func checkDatedGoals(of quarter: Quarter) throws -> (day: Day, at: String)? {
        guard let dated = try datedAt() else { return nil }
        try checkDated(dated.day, inside: quarter, what: "the goals")
        return dated
    }

    /// Refuses goals dated before their owners were added to Goalbook.
    func checkOwnersExisted(_ owners: Set<String>, at dated: (day: Day, at: String)) throws {
        let late = try peopleAdded(after: dated.at, among: owners).filter { owners.contains($0.id) }
        guard let first = late.first else { return }
        let others = late.count > 1 ? " (and \(late.count - 1) more: \(late.dropFirst().prefix(5).map(\.id).joined(separator: ", ")))" : ""
        throw GoalbookError.refused(
            "\(first.id) was added at \(first.at)\(others), after --date \(dated.day): a goal cannot take effect before its owner. Add people "
                + "with the same --date first; nothing was written")
    }

    /// People dated back: not before their own last change, and not under a manager added later
    /// (`isNew`: whether an id is one of the plan's new people, who are added in this same write).
    func checkDated(_ plan: PeoplePlan, isNew: (String) -> Bool) throws {
        guard let dated = try datedAt() else { return }
        // A few people's changes and managers are looked up by id; a staff file's, in one scan each.
        // With the ids, the unary plus keeps SQLite (no statistics) on `history_by_person`, where it
        // chose to read every person's changes through `history_by_goal` (0.11 s against 4 ms at 1M).
        let few = plan.changes.count <= PeoplePlan.namedLimit
        let changed = few ? sql.textList(plan.changes.map(\.input.employeeId)) : nil
        var lastChange: [String: String] = [:]
        try sql.forEachRow(
            """
            SELECT p.employee_id, max(h.changed_at) FROM person AS p
            JOIN history AS h ON h.person_id = p.person_id AND \(few ? "+" : "")h.goal_id IS NULL
            WHERE h.changed_at > ?\(changed.map { " AND p.employee_id IN (\($0.sql))" } ?? "") GROUP BY p.employee_id
            """, [dated.at] + (changed.map { [$0.argument] } ?? [])
        ) { lastChange[$0.text(0)] = $0.text(1) }
        let managers = few ? Set(plan.changes.compactMap(\.input.managerId)) : nil
        let added = Dictionary(try peopleAdded(after: dated.at, among: managers).map { ($0.id, $0.at) }, uniquingKeysWith: { a, _ in a })
        for change in plan.changes {
            let id = change.input.employeeId
            if change.fields != nil, let last = lastChange[id] {
                throw GoalbookError.refused(
                    "--date \(dated.day) comes before \(id)'s last change (at \(last)): a change dated back cannot go before one already in "
                        + "their history; nothing was written")
            }
            if let manager = change.input.managerId, !isNew(manager), let at = added[manager] {
                throw GoalbookError.refused("\(id)'s manager \(manager) was added at \(at), after --date \(dated.day); nothing was written")
            }
        }
    }

    /// The people whose `created_at` is after `instant`, by employee id: of those `among` names when
    /// they are few enough to look up one by one (``PeoplePlan/namedLimit``), else of everyone.
    private func peopleAdded(after instant: String, among ids: Set<String>?) throws -> [(id: String, at: String)] {
        let list = ids.flatMap { $0.count <= PeoplePlan.namedLimit ? sql.textList($0.sorted()) : nil }
        return try sql.all(
            "SELECT employee_id, created_at FROM person WHERE created_at > ?\(list.map { " AND employee_id IN (\($0.sql))" } ?? "") ORDER BY employee_id",
            [instant] + (list.map { [$0.argument] } ?? [])
        ) { (id: $0.text(0), at: $0.text(1)) }
    }
}
