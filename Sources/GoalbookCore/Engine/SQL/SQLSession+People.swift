import Foundation

/// The reads and writes of people.
extension SQLSession {
    func frames() throws -> FrameIndex {
        FrameIndex(
            try sql.all(EngineSQL.frameSelect) {
                FrameIndex.Entry(id: $0.int(0), family: $0.text(1), function: $0.text(2), level: $0.text(3))
            })
    }

    func storedPeople(named employeeIds: Set<String>?) throws -> [PeoplePlan.Stored] {
        // Each id as given and in NFC, as ``EngineSQL/personId(_:lookup:candidates:)`` looks them up.
        let list = employeeIds.map { sql.textList(Set($0.flatMap { [$0, EmployeeID.normalized($0)] }).sorted()) }
        return try sql.all(list.map { EngineSQL.storedPeople(named: $0.sql) } ?? EngineSQL.storedPeopleSelect, list.map { [$0.argument] } ?? []) {
            row in
            let employeeId = row.text(1)
            remember(employeeId, key: row.int(0))
            return PeoplePlan.Stored(
                employeeId: employeeId, name: row.text(2), email: row.textOrNil(3), managerId: row.textOrNil(4), frameId: row.int(5))
        }
    }

    func people(team: String?, below: Bool) throws -> [Person] {
        let root = try team.map { try personKey($0) }
        return try sql.all(EngineSQL.people(root: root, below: below), [], EngineSQL.person)
    }

    func person(_ employeeId: String) throws -> Person {
        let key = try personKey(employeeId)
        guard let person = try sql.first(EngineSQL.personSelect + " WHERE p.person_id = ?", [key], EngineSQL.person) else {
            throw GoalbookError.notFound(what: "person \(employeeId)", suggestions: [])
        }
        return person
    }

    func personHistory(_ employeeId: String) throws -> [HistoryEntry] {
        try sql.all(EngineSQL.personHistorySelect, [try personKey(employeeId)], EngineSQL.historyEntry)
    }

    func apply(_ plan: PeoplePlan) throws {
        let stamp = try writeStamp()
        let now = Timestamp.string(stamp.now)
        // New people get keys in file order, so that a manager later in the file is known already:
        // the n-th new person's key is the first free key plus n.
        let firstKey = try sql.int(sql.nextKey("person_id", in: "person")) ?? 1
        let changes = plan.changes
        let addedRows = Array(changes.entries.lazy.filter { $0.fields == nil }.map(\.index))
        let added = RowIndex(count: addedRows.count) { changes.inputs[addedRows[$0]].employeeId }
        func newKey(_ employeeId: String) -> Int64? { added.row(of: employeeId).map { firstKey + Int64($0) } }
        try checkDated(plan, isNew: { newKey($0) != nil })
        let insert = try sql.prepare(EngineSQL.personInsert)
        let history = try history()
        let progress = stamp.progress
        for (index, change) in changes.enumerated() {
            progress?.update(done: index + 1, total: changes.count)
            let input = change.input
            let key = try newKey(input.employeeId) ?? personKey(input.employeeId)
            let manager = try input.managerId.map { try newKey($0) ?? personKey($0) }
            guard let fields = change.fields else {
                try insert.run(
                    .int(key), .text(input.employeeId), .text(input.name), .text(input.email), .int(manager), .int(change.frameId), .text(now))
                try history.record(person: key, field: "created", old: nil, new: input.employeeId)
                continue
            }
            try sql.execute(EngineSQL.personUpdate, [input.name, input.email, manager, change.frameId, key])
            for field in fields {
                try history.record(person: key, field: field.field, old: field.old, new: field.new)
            }
        }
    }

    func leave(_ employeeId: String, on date: Day, was old: String?) throws {
        let key = try personKey(employeeId)
        try sql.execute(EngineSQL.personLeave, [date.description, key])
        try history().record(person: key, field: "left_on", old: old, new: date.description)
    }
}
