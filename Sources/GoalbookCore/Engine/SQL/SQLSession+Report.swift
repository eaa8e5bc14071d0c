import Foundation
import GRDB

/// The set-based reads a report is built from: people as of an instant, the quarter's goals,
/// their check-ins and changes, and the owners of goals they are aligned to.
extension SQLiteSession {
    func people(asOf: String?) throws -> [PersonAsOf] {
        try SQLiteEngine.peopleAsOf(asOf, db: db)
    }

    func reportGoals(quarter: Quarter, asOf: String?, people: [Int64], only: GoalSelection?) throws -> [Goal] {
        let selection = try only.map(selectionSQL)
        let only = selection.map { " AND g.goal_id IN (\($0))" } ?? ""
        let onlyArguments: StatementArguments = selection == nil ? [] : [quarter.description]
        if let asOf {
            let condition = "g.quarter = ? AND g.created_at <= ?" + only
            let arguments: StatementArguments = [quarter.description, asOf] + onlyArguments
            return try SQLiteEngine.rebuildAll(
                SQLiteEngine.loadGoals(db: db, where: condition, arguments, templateText: false), asOf: asOf, db: db,
                where: condition, arguments)
        }
        // Goals by the selection when there is one (filtered to the people by the caller), else by
        // person: both IN lists on one index would be probed as a cross product.
        if selection != nil {
            return try SQLiteEngine.loadGoals(db: db, where: "g.quarter = ?" + only, [quarter.description] + onlyArguments, templateText: false)
        }
        return try SQLiteEngine.loadGoals(
            db: db, where: "g.quarter = ? AND g.person_id IN (SELECT value FROM json_each(?))",
            [quarter.description, jsonArray(people)], templateText: false)
    }

    /// `SELECT goal_id …` with one `?` for the quarter.
    private func selectionSQL(_ selection: GoalSelection) throws -> String {
        switch selection {
        case .linked(let goalId): return "SELECT \(goalId) UNION " + Self.linkedGoalsSQL
        case .team(let team, let below):
            return try SQLiteEngine.teamCTE(team, below: below, db: db)
                + "SELECT goal_id FROM goal WHERE person_id IN team UNION \(Self.linkedGoalsSQL)"
        }
    }

    /// Goals of a quarter (the one `?`) that are or ever were on either end of a link: the goals
    /// an alignment tree can hold, now or at any past instant. History holds every link.
    static let linkedGoalsSQL = """
        SELECT g.goal_id FROM goal AS g WHERE g.quarter = ? AND (g.aligned_to IS NOT NULL OR g.goal_id IN (
            SELECT h.goal_id FROM history AS h WHERE h.field = 'aligned_to'
            UNION SELECT CAST(substr(h.new_value, 2) AS INTEGER) FROM history AS h WHERE h.field = 'aligned_to' AND h.new_value IS NOT NULL
            UNION SELECT c.aligned_to FROM goal AS c WHERE c.aligned_to IS NOT NULL))
        """

    func checkins(ofGoals goalIds: [Int64], recordedBy asOf: String, through day: Day) throws -> [CheckIn] {
        try SQLiteEngine.checkins(
            db: db, where: "goal_id IN (SELECT value FROM json_each(?)) AND recorded_at <= ? AND checked_on <= ?",
            [jsonArray(goalIds), asOf, day.description])
    }

    func checkins(_ goalId: Int64, through day: Day) throws -> [CheckIn] {
        try SQLiteEngine.checkins(db: db, where: "goal_id = ? AND checked_on <= ?", [goalId, day.description])
    }

    func changes(ofGoals goalIds: [Int64], from start: String, through end: String, _ body: (RecordedChange) throws -> Void) throws {
        try FastStatement.forEachRow(
            db,
            sql: """
                SELECT h.changed_at, h.actor, h.goal_id, h.item, h.field, h.old_value, h.new_value, h.note, p.employee_id
                FROM history AS h LEFT JOIN person AS p ON p.person_id = h.person_id
                WHERE h.goal_id IN (SELECT value FROM json_each(?)) AND h.changed_at >= ? AND h.changed_at <= ?
                  AND (h.field = 'created' OR h.field = 'status' OR h.field = 'carried_to' OR (h.field = 'target' AND h.old_value IS NOT NULL))
                ORDER BY h.changed_at, h.history_id
                """, [jsonArray(goalIds), start, end]
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
        try FastStatement.forEachRow(
            db,
            sql: """
                SELECT g.goal_id, p.employee_id FROM goal AS g JOIN person AS p ON p.person_id = g.person_id
                WHERE g.goal_id IN (SELECT value FROM json_each(?))
                """, [jsonArray(goalIds)]
        ) { row in owners[row.int(0)] = row.text(1) }
        return owners
    }

    func scorers(_ quarter: Quarter, through asOf: String) throws -> [Int64: (actor: String, at: String)] {
        var scorers: [Int64: (actor: String, at: String)] = [:]
        try FastStatement.forEachRow(
            db,
            sql: """
                SELECT h.goal_id, h.actor, h.changed_at FROM history AS h JOIN goal AS g ON g.goal_id = h.goal_id
                WHERE g.quarter = ? AND h.field = 'score' AND h.changed_at <= ? ORDER BY h.changed_at, h.history_id
                """, [quarter.description, asOf]
        ) { row in
            scorers[row.int(0)] = (row.text(1), row.text(2))
        }
        return scorers
    }

    /// `[1,2,3]`, for `json_each(?)`; the last list is kept, since a report passes its goals' ids
    /// to several reads.
    func jsonArray(_ ids: [Int64]) -> String {
        if let last = lastIdList, last.ids == ids { return last.json }
        let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
        lastIdList = (ids, json)
        return json
    }
}
