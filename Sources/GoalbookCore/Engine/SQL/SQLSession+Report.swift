import Foundation

/// The set-based reads a report is built from: people as of an instant, the quarter's goals,
/// their check-ins and changes, and the owners of goals they are aligned to.
extension SQLSession {
    func people(asOf: PastView?) throws -> [PersonAsOf] {
        try sql.peopleAsOf(asOf)
    }

    func people(under root: String, asOf: PastView?) throws -> [PersonAsOf] {
        guard let asOf else {
            return try sql.peopleAsOf(
                nil, within: (cte: try teamCTE(root, below: false), condition: "p.person_id IN (SELECT person_id FROM team)", []))
        }
        // The team as it was is walked a level at a time. Whoever had a manager of the level then
        // is among the people who have that manager now or whose manager changes name them; of
        // those, the ones whose manager at `asOf` is in the level make the next level. Each level
        // costs its own people's rows, not everyone's (a 200-person team's past report read all
        // 1M people of an organization, and all their history).
        var level = try people(keys: [try personKey(root)], asOf: asOf)
        var team = level
        var walked = Set(level.map(\.key))
        while !level.isEmpty {
            let managers = Set(level.map(\.person.employeeId))
            let candidates = try sql.reportsAtSomeTime(of: level.map(\.key)).filter { !walked.contains($0) }
            guard !candidates.isEmpty else { break }
            level = try people(keys: candidates, asOf: asOf).filter { $0.person.managerId.map(managers.contains) ?? false }
            walked.formUnion(level.map(\.key))
            team += level
        }
        return team.sorted { $0.key < $1.key }
    }

    func person(_ employeeId: String, asOf: PastView?) throws -> PersonAsOf? {
        try people(keys: [try personKey(employeeId)], asOf: asOf).first
    }

    /// People by key, as they are now or as they were at `asOf`.
    private func people(keys: [Int64], asOf: PastView?) throws -> [PersonAsOf] {
        let list = idList(keys)
        return try sql.peopleAsOf(asOf, within: (cte: "", condition: "p.person_id IN (\(list.sql))", [list.argument]))
    }

    func people(owning selection: GoalSelection, quarter: Quarter) throws -> [PersonAsOf] {
        let condition: String
        switch selection {
        case .linked:
            condition = "p.person_id IN (SELECT g.person_id FROM goal AS g WHERE g.goal_id IN (\(try selectionSQL(selection, quarter: quarter))))"
        case .team(let team, _):
            // The team's goals are its members': only the goals linked to them are looked up by
            // owner, which spares walking the team's goals once more (0.28 s to 0.08 s for 48k goals).
            condition =
                "(p.person_id IN (\(try teamCTE(team, below: false)) SELECT person_id FROM team)"
                + " OR p.person_id IN (SELECT g.person_id FROM goal AS g WHERE g.goal_id IN (\(EngineSQL.linkedGoals(quarter)))))"
        }
        return try sql.peopleAsOf(nil, within: (cte: "", condition: condition, []))
    }

    func reportGoalIds(quarter: Quarter, asOf: PastView?, people: [Int64]?, only: GoalSelection?) throws -> [Int64] {
        // A selection holds only the quarter's goals: they are looked up by key, not by scanning the quarter.
        let selection = try only.map { "g.goal_id IN (\(try selectionSQL($0, quarter: quarter)))" }
        let condition: String
        let arguments: SQLArguments
        if let asOf, selection == nil, let people {
            // A goal's owner at any instant holds one of its history rows up to then: the row of its
            // creation, or of the change that gave it to them (`history.person_id` is the owner a
            // change was made under). So a team's past goals are found through the team's history,
            // not by reading every goal of the quarter (a 200-person team's report as of a day
            // read all 500,000 goals of the 100k organization's quarter, 1.2 GB).
            // The quarter is tested inside, on goals reached through the history: with it outside,
            // SQLite (which has no statistics) read the whole quarter through `goal_by_quarter` to
            // test each goal against the list (0.62 s for one person at 1M people, against 4 ms).
            // CROSS JOIN keeps SQLite in the written order; PostgreSQL plans it from its statistics
            // (17 ms for a 200-person team at 100k; `quarter || ''`, tried first, misled it to 13 s).
            let list = idList(people)
            condition = """
                g.goal_id IN (
                    SELECT o.goal_id FROM (\(list.sql)) AS j CROSS JOIN history AS h CROSS JOIN goal AS o
                    WHERE h.person_id = j.value AND h.changed_at <= ? AND h.goal_id IS NOT NULL
                      AND o.goal_id = h.goal_id AND o.quarter = ? AND o.created_at <= ?)
                """
            arguments = [list.argument, asOf.effective, quarter.description, asOf.effective]
        } else if let asOf {
            condition = (selection ?? "g.quarter = ?") + " AND g.created_at <= ?"
            arguments = (selection == nil ? [quarter.description] : []) + [asOf.effective]
        } else if let selection {
            // By the selection when there is one (filtered to the people by the caller), else by
            // person: both IN lists on one index would be probed as a cross product.
            condition = selection
            arguments = []
        } else {
            let list = idList(people ?? [])
            condition = "g.quarter = ? AND g.person_id IN (\(list.sql))"
            arguments = [quarter.description, list.argument]
        }
        var ids: [Int64] = []
        try sql.forEachRow("SELECT g.goal_id FROM goal AS g WHERE \(condition) ORDER BY g.goal_id", arguments) { ids.append($0.int(0)) }
        return ids
    }

    func reportGoals(_ ids: [Int64], asOf: PastView?) throws -> [Goal] {
        let list = idList(ids)
        let goals = try sql.loadGoals(where: "g.goal_id IN (\(list.sql))", [list.argument], templateText: false)
        return try asOf.map { try sql.rebuildAll(goals, asOf: $0) } ?? goals
    }

    /// `SELECT goal_id …`: the goals of `quarter` a selection picks.
    private func selectionSQL(_ selection: GoalSelection, quarter: Quarter) throws -> String {
        switch selection {
        case .linked(let goalId): return "SELECT CAST(\(goalId) AS BIGINT) UNION " + EngineSQL.linkedGoals(quarter)
        case .team(let team, let below):
            return try teamCTE(team, below: below)
                + "SELECT g.goal_id FROM team CROSS JOIN goal AS g WHERE g.person_id = team.person_id AND g.quarter = '\(quarter)' UNION "
                + EngineSQL.linkedGoals(quarter)
        }
    }

    func checkins(ofGoals goalIds: [Int64], recordedBy recorded: String?, through day: Day) throws -> [CheckIn] {
        let list = idList(goalIds)
        let recordedBy: (sql: String, arguments: SQLArguments) = recorded.map { (" AND recorded_at <= ?", [$0]) } ?? ("", [])
        return try sql.checkins(
            where: "goal_id IN (\(list.sql)) AND checked_on <= ?" + recordedBy.sql, [list.argument, day.description] + recordedBy.arguments,
            byGoal: true)
    }

    func checkins(_ goalId: Int64, through day: Day) throws -> [CheckIn] {
        try sql.checkins(where: "goal_id = ? AND checked_on <= ?", [goalId, day.description])
    }

    // Only the status changes a report lists are read (a goal made active is not one): they were
    // half of the rows a 48k-goal report read here, and all of them were sorted.
    func changes(ofGoals goalIds: [Int64], from start: String, through end: PastView, _ body: (RecordedChange) throws -> Void) throws {
        let list = idList(goalIds)
        let recorded = end.recordedCondition("h")
        try sql.forEachRow(
            """
            SELECT h.changed_at, h.actor, h.goal_id, h.item, h.field, h.old_value, h.new_value, h.note, p.employee_id
            FROM history AS h LEFT JOIN person AS p ON p.person_id = h.person_id
            WHERE h.goal_id IN (\(list.sql)) AND h.changed_at >= ? AND h.changed_at <= ?\(recorded.sql)
              AND (h.field = 'created' OR h.field = 'carried_to' OR (h.field = 'target' AND h.old_value IS NOT NULL)
                   OR (h.field = 'status' AND (h.new_value = 'dropped' OR h.new_value = 'carried' OR h.new_value = 'done')))
            ORDER BY h.changed_at, h.history_id
            """, [list.argument, start, end.effective] + recorded.arguments
        ) { row in
            try body(
                RecordedChange(
                    changedAt: row.text(0), actor: row.text(1), goalId: row.int(2), employeeId: row.textOrNil(8) ?? "", item: row.textOrNil(3),
                    field: row.text(4), old: row.textOrNil(5), new: row.textOrNil(6), note: row.textOrNil(7)))
        }
    }

    func owners(of goalIds: [Int64]) throws -> [Int64: String] {
        var owners: [Int64: String] = [:]
        guard !goalIds.isEmpty else { return owners }
        let list = idList(goalIds)
        try sql.forEachRow(
            "SELECT g.goal_id, p.employee_id FROM goal AS g JOIN person AS p ON p.person_id = g.person_id WHERE g.goal_id IN (\(list.sql))",
            [list.argument]
        ) { row in owners[row.int(0)] = row.text(1) }
        return owners
    }

    func scorers(ofGoals goalIds: [Int64], through asOf: PastView) throws -> [Int64: (actor: String, at: String)] {
        var scorers: [Int64: (actor: String, at: String)] = [:]
        let recorded = asOf.recordedCondition("h")
        let list = idList(goalIds)
        try sql.forEachRow(
            """
            SELECT h.goal_id, h.actor, h.changed_at FROM (\(list.sql)) AS j CROSS JOIN history AS h
            WHERE h.goal_id = j.value AND h.field = 'score' AND h.changed_at <= ?\(recorded.sql) ORDER BY h.changed_at, h.history_id
            """, [list.argument, asOf.effective] + recorded.arguments
        ) { row in
            scorers[row.int(0)] = (row.text(1), row.text(2))
        }
        return scorers
    }
}
