import Foundation
import GRDB

/// The reads and writes of goals beyond a plan's: lists, history, as-of, carries.
extension SQLiteSession {
    func goals(_ filter: GoalFilter) throws -> [Goal] { try SQLiteEngine.goals(filter, db: db) }

    func rebuilt(_ goal: Goal, asOf: String) throws -> Goal? { try SQLiteEngine.rebuild(goal, asOf: asOf, db: db) }

    func goalHistory(_ goalId: Int64) throws -> [HistoryEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT changed_at, actor, command, item, field, old_value, new_value, note FROM history
                WHERE goal_id = ? ORDER BY changed_at, history_id
                """, arguments: [goalId]
        ).map(EngineSQL.historyEntry)
    }

    func alignedUnder(_ goalId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT goal_id FROM goal WHERE aligned_to = ? ORDER BY goal_id", arguments: [goalId])
    }

    func checkins(_ goalId: Int64) throws -> [CheckIn] { try SQLiteEngine.checkins(db: db, where: "goal_id = ?", [goalId]) }

    func existingGoal(of employeeId: String, quarter: Quarter, framework: Framework, frameId: Int64, row: Int) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT goal_id FROM goal WHERE person_id = ? AND quarter = ? AND framework = ? AND frame_id = ? AND row_number = ?
                """, arguments: [try personKey(employeeId), quarter.description, framework.rawValue, frameId, row])
    }

    func latestCheckIn(_ goalId: Int64, item: String) throws -> GoalSlot? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT value, number, unit FROM checkin AS c
                WHERE goal_id = ? AND item = ? AND \(SQLiteEngine.effectiveCheckinSQL)
                ORDER BY checked_on DESC, checkin_id DESC LIMIT 1
                """, arguments: [goalId, item]
        ).map { GoalSlot(slot: .baseline, value: $0["value"], number: $0["number"], unit: $0["unit"]) }
    }

    func carriedInto(_ goalId: Int64, quarter: Quarter) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT goal_id FROM goal WHERE carried_from = ? AND quarter = ?", arguments: [goalId, quarter.description])
    }

    func insert(_ carried: CarriedGoal) throws -> Int64 {
        let stamp = try writeStamp()
        let old = carried.from
        try db.execute(
            sql: """
                INSERT INTO goal (person_id, quarter, framework, row_number, frame_id, template_id, status, carried_from, created_at,
                created_by, weight)
                VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)
                """,
            arguments: [
                try personKey(old.employeeId), carried.quarter.description, old.framework.rawValue, old.rowNumber,
                old.frameId, old.templateId, old.id, Timestamp.string(stamp.now), stamp.actor, old.weight,
            ])
        let newId = db.lastInsertedRowID
        for item in carried.items {
            try db.execute(
                sql: """
                    INSERT INTO goal_item (goal_id, item, first_line, last_line, direction, weight, keep, tolerance) VALUES (?, ?, ?, ?,
                    ?, ?, ?, ?)
                    """,
                arguments: [
                    newId, item.name, item.firstLine, item.lastLine, item.direction?.rawValue, item.weight, item.keep?.rawValue,
                    item.tolerance,
                ])
            for slot in item.slots {
                try db.execute(
                    sql: "INSERT INTO goal_slot (goal_id, item, slot, value, number, unit) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [newId, item.name, slot.slot.rawValue, slot.value, slot.number, slot.unit])
            }
        }
        try record(carried.history, goal: newId)
        return newId
    }
}
