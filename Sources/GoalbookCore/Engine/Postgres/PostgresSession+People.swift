import Foundation

/// The reads and writes of people on PostgreSQL: the same SQL as SQLite's (``EngineSQL``).
extension PostgresSession {
    func frames() throws -> FrameIndex {
        FrameIndex(
            try connection.query(EngineSQL.frameSelect).rows.map {
                FrameIndex.Entry(
                    id: try $0.requiredInt64("frame_id"), family: $0.text("family"), function: $0.text("function"), level: $0.text("level_code"))
            })
    }

    func storedPeople() throws -> [PeoplePlan.Stored] {
        try connection.query(EngineSQL.storedPeopleSelect).rows.map { row in
            let employeeId = row.text("employee_id")
            remember(employeeId, key: try row.requiredInt64("person_id"))
            return PeoplePlan.Stored(
                employeeId: employeeId, name: row.text("name"), email: row.string("email"), managerId: row.string("manager"),
                frameId: try row.requiredInt64("frame_id"))
        }
    }

    func people(team: String?, below: Bool) throws -> [Person] {
        let root = try team.map { try personKey($0) }
        return try connection.query(EngineSQL.people(root: root, below: below)).rows.map(EngineSQL.person)
    }

    func person(_ employeeId: String) throws -> Person {
        let key = try personKey(employeeId)
        guard let row = try connection.query(EngineSQL.personSelect + " WHERE p.person_id = ?", [key]).rows.first else {
            throw GoalbookError.notFound(what: "person \(employeeId)", suggestions: [])
        }
        return EngineSQL.person(row)
    }

    func personHistory(_ employeeId: String) throws -> [HistoryEntry] {
        try connection.query(EngineSQL.personHistorySelect, [try personKey(employeeId)]).rows.map(EngineSQL.historyEntry)
    }

    func apply(_ plan: PeoplePlan) throws {
        let stamp = try writeStamp()
        let now = Timestamp.string(stamp.now)
        // New people take keys from the table's own sequence, in file order, so that a manager
        // later in the file is known already, and two writers never take the same key.
        let newPeople = plan.changes.filter { $0.fields == nil }.map(\.input.employeeId)
        var newKeys: [String: Int64] = [:]
        if !newPeople.isEmpty {
            let keys = try connection.query(
                "SELECT nextval(pg_get_serial_sequence('person', 'person_id')) AS id FROM generate_series(1, ?) ORDER BY id", [newPeople.count]
            ).rows.map { try $0.requiredInt64("id") }
            newKeys = Dictionary(uniqueKeysWithValues: zip(newPeople, keys))
        }
        for change in plan.changes {
            let input = change.input
            let key = try newKeys[input.employeeId] ?? personKey(input.employeeId)
            let manager = try input.managerId.map { try newKeys[$0] ?? personKey($0) }
            guard let fields = change.fields else {
                try connection.query(EngineSQL.personInsert, [key, input.employeeId, input.name, input.email, manager, change.frameId, now])
                remember(input.employeeId, key: key)
                try recordHistory(person: key, field: "created", old: nil, new: input.employeeId)
                continue
            }
            try connection.query(EngineSQL.personUpdate, [input.name, input.email, manager, change.frameId, key])
            for field in fields {
                try recordHistory(person: key, field: field.field, old: field.old, new: field.new)
            }
        }
    }

    func leave(_ employeeId: String, on date: Day, was old: String?) throws {
        let key = try personKey(employeeId)
        try connection.query(EngineSQL.personLeave, [date.description, key])
        try recordHistory(person: key, field: "left_on", old: old, new: date.description)
    }
}
