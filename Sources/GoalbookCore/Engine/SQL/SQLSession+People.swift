import Foundation
import GRDB

/// The reads and writes of people.
extension SQLiteSession {
    func frames() throws -> FrameIndex {
        FrameIndex(
            try Row.fetchAll(db, sql: EngineSQL.frameSelect).map {
                FrameIndex.Entry(id: $0["frame_id"], family: $0["family"], function: $0["function"], level: $0["level_code"])
            })
    }

    func storedPeople() throws -> [PeoplePlan.Stored] {
        var people: [PeoplePlan.Stored] = []
        try FastStatement.forEachRow(db, sql: EngineSQL.storedPeopleSelect, []) { row in
            let employeeId = row.text(1)
            remember(employeeId, key: row.int(0))
            people.append(
                PeoplePlan.Stored(
                    employeeId: employeeId, name: row.text(2), email: row.textOrNil(3), managerId: row.textOrNil(4), frameId: row.int(5)))
        }
        return people
    }

    func people(team: String?, below: Bool) throws -> [Person] {
        let root = try team.map { try personKey($0) }
        return try Row.fetchAll(db, sql: EngineSQL.people(root: root, below: below)).map(EngineSQL.person)
    }

    func person(_ employeeId: String) throws -> Person {
        let key = try personKey(employeeId)
        guard let row = try Row.fetchOne(db, sql: EngineSQL.personSelect + " WHERE p.person_id = ?", arguments: [key]) else {
            throw GoalbookError.notFound(what: "person \(employeeId)", suggestions: [])
        }
        return EngineSQL.person(row)
    }

    func personHistory(_ employeeId: String) throws -> [HistoryEntry] {
        try Row.fetchAll(db, sql: EngineSQL.personHistorySelect, arguments: [try personKey(employeeId)]).map(EngineSQL.historyEntry)
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
        let insert = try FastStatement(db, sql: EngineSQL.personInsert)
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
            try db.execute(sql: EngineSQL.personUpdate, arguments: [input.name, input.email, manager, change.frameId, key])
            for field in fields {
                try history.record(person: key, field: field.field, old: field.old, new: field.new)
            }
        }
    }

    func leave(_ employeeId: String, on date: Day, was old: String?) throws {
        let key = try personKey(employeeId)
        try db.execute(sql: EngineSQL.personLeave, arguments: [date.description, key])
        try history().record(person: key, field: "left_on", old: old, new: date.description)
    }
}
