import Foundation
import GRDB

/// The reads and writes of people.
extension SQLiteSession {
    func frames() throws -> FrameIndex {
        FrameIndex(
            try Row.fetchAll(db, sql: "SELECT frame_id, family, function, level_code FROM frame").map {
                FrameIndex.Entry(id: $0["frame_id"], family: $0["family"], function: $0["function"], level: $0["level_code"])
            })
    }

    func storedPeople() throws -> [PeoplePlan.Stored] {
        var people: [PeoplePlan.Stored] = []
        try FastStatement.forEachRow(
            db,
            sql: """
                SELECT p.person_id, p.employee_id, p.name, p.email, m.employee_id, p.frame_id
                FROM person AS p LEFT JOIN person AS m ON m.person_id = p.manager_person_id
                """, []
        ) { row in
            let employeeId = row.text(1)
            remember(employeeId, key: row.int(0))
            people.append(
                PeoplePlan.Stored(
                    employeeId: employeeId, name: row.text(2), email: row.textOrNil(3), managerId: row.textOrNil(4), frameId: row.int(5)))
        }
        return people
    }

    func people(team: String?, below: Bool) throws -> [Person] {
        var sql = SQLiteEngine.personSelect
        if let team {
            sql = try SQLiteEngine.teamCTE(team, below: below, db: db) + sql + " WHERE p.person_id IN team"
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY p.employee_id").map(SQLiteEngine.person)
    }

    func person(_ employeeId: String) throws -> Person {
        let key = try personKey(employeeId)
        guard let row = try Row.fetchOne(db, sql: SQLiteEngine.personSelect + " WHERE p.person_id = ?", arguments: [key]) else {
            throw GoalbookError.notFound(what: "person \(employeeId)", suggestions: [])
        }
        return SQLiteEngine.person(row)
    }

    func personHistory(_ employeeId: String) throws -> [HistoryEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT changed_at, actor, command, field, old_value, new_value, note FROM history
                WHERE person_id = ? AND goal_id IS NULL ORDER BY changed_at, history_id
                """, arguments: [try personKey(employeeId)]
        ).map(SQLiteEngine.historyEntry)
    }

    func apply(_ plan: PeoplePlan) throws {
        let stamp = try writeStamp()
        let now = Timestamp.string(stamp.now)
        // New people get keys in file order, so a manager later in the file is known already.
        var nextKey = (try Int64.fetchOne(db, sql: "SELECT max(person_id) FROM person") ?? 0) + 1
        var newKeys: [String: Int64] = [:]
        for change in plan.changes where change.fields == nil {
            newKeys[change.input.employeeId] = nextKey
            nextKey += 1
        }
        let insert = try FastStatement(
            db,
            sql: """
                INSERT INTO person (person_id, employee_id, name, email, manager_person_id, frame_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        let history = try history()
        for change in plan.changes {
            let input = change.input
            let key = try newKeys[input.employeeId] ?? personKey(input.employeeId)
            let manager = try input.managerId.map { try newKeys[$0] ?? personKey($0) }
            guard let fields = change.fields else {
                try insert.run(
                    .int(key), .text(input.employeeId), .text(input.name), .text(input.email), .int(manager), .int(change.frameId), .text(now))
                try history.record(person: key, field: "created", old: nil, new: input.employeeId)
                continue
            }
            try db.execute(
                sql: "UPDATE person SET name = ?, email = ?, manager_person_id = ?, frame_id = ? WHERE person_id = ?",
                arguments: [input.name, input.email, manager, change.frameId, key])
            for field in fields {
                try history.record(person: key, field: field.field, old: field.old, new: field.new)
            }
        }
    }

    func leave(_ employeeId: String, on date: Day, was old: String?) throws {
        let key = try personKey(employeeId)
        try db.execute(sql: "UPDATE person SET left_on = ? WHERE person_id = ?", arguments: [date.description, key])
        try history().record(person: key, field: "left_on", old: old, new: date.description)
    }
}
