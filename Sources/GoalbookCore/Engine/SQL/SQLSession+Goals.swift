import Foundation

/// The reads and writes of goals beyond a plan's: lists, history, as-of, carries.
extension SQLSession {
    func goals(_ filter: GoalFilter) throws -> [Goal] { try sql.goals(filter) }

    func rebuilt(_ goal: Goal, asOf: PastView) throws -> Goal? { try sql.rebuild(goal, asOf: asOf) }

    func goalHistory(_ goalId: Int64) throws -> [HistoryEntry] {
        try sql.all(EngineSQL.historySelect + " WHERE goal_id = ? ORDER BY changed_at, history_id", [goalId], EngineSQL.historyEntry)
    }

    func alignedUnder(_ goalId: Int64) throws -> [Int64] {
        try sql.all("SELECT goal_id FROM goal WHERE aligned_to = ? ORDER BY goal_id", [goalId]) { $0.int(0) }
    }

    func checkins(_ goalId: Int64) throws -> [CheckIn] { try sql.checkins(where: "goal_id = ?", [goalId]) }

    func existingGoal(of employeeId: String, quarter: Quarter, framework: Framework, frameId: Int64, row: Int) throws -> Int64? {
        try sql.int(
            "SELECT goal_id FROM goal WHERE person_id = ? AND quarter = ? AND framework = ? AND frame_id = ? AND row_number = ?",
            [try personKey(employeeId), quarter.description, framework.rawValue, frameId, row])
    }

    func latestCheckIn(_ goalId: Int64, item: String) throws -> GoalSlot? {
        try sql.first(
            """
            SELECT value, number, unit FROM checkin AS c
            WHERE goal_id = ? AND item = ? AND \(EngineSQL.effectiveCheckin)
            ORDER BY checked_on DESC, checkin_id DESC LIMIT 1
            """, [goalId, item]
        ) { GoalSlot(slot: .baseline, value: $0.textOrNil(0), number: $0.doubleOrNil(1), unit: $0.textOrNil(2)) }
    }

    func carriedInto(_ goalId: Int64, quarter: Quarter) throws -> Int64? {
        try sql.int("SELECT goal_id FROM goal WHERE carried_from = ? AND quarter = ?", [goalId, quarter.description])
    }

    func insert(_ carried: CarriedGoal) throws -> Int64 {
        let stamp = try writeStamp()
        let old = carried.from
        guard
            let newId = try sql.int(
                """
                INSERT INTO goal (goal_id, person_id, quarter, framework, row_number, frame_id, template_id, status, carried_from,
                                  created_at, created_by, weight)
                VALUES ((\(sql.nextKey("goal_id", in: "goal"))), ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?) RETURNING goal_id
                """,
                [
                    try personKey(old.employeeId), carried.quarter.description, old.framework.rawValue, old.rowNumber,
                    old.frameId, old.templateId, old.id, Timestamp.string(stamp.now), stamp.actor, old.weight,
                ])
        else { throw GoalbookError.refused("the carried goal was not stored") }
        for item in carried.items {
            try sql.execute(
                """
                INSERT INTO goal_item (goal_id, item, first_line, last_line, direction, weight, keep, tolerance) VALUES (?, ?, ?, ?,
                ?, ?, ?, ?)
                """,
                [
                    newId, item.name, item.firstLine, item.lastLine, item.direction?.rawValue, item.weight, item.keep?.rawValue,
                    item.tolerance,
                ])
            for slot in item.slots {
                try sql.execute(
                    "INSERT INTO goal_slot (goal_id, item, slot, value, number, unit) VALUES (?, ?, ?, ?, ?, ?)",
                    [newId, item.name, slot.slot.rawValue, slot.value, slot.number, slot.unit])
            }
        }
        try record(carried.history, goal: newId)
        return newId
    }
}
