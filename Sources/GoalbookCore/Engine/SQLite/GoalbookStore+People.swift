import Foundation
import GRDB

extension GoalbookStore {
    // MARK: - Writing

    /// Adds or updates people in one transaction after checking every row: the frame exists,
    /// ids are unique, managers exist (in the batch or the database) and form no cycle. Every
    /// problem is reported at once, as `file:line: problem`, and nothing is written.
    /// - Parameter inputProblems: problems already found reading the file, reported with the rest.
    public func writePeople(
        _ inputs: [PersonInput], file: String, mode: PeopleMode, actor: String, command: String,
        inputProblems: [InputIssue] = [], now: Date = Date()
    ) throws -> PeopleChangeSummary {
        let stamp = Timestamp.string(now)
        return try write { db in
            let frames = try FrameIndex(db: db)
            let existing = try StoredPeople(db: db)
            var problems = inputProblems
            func problem(_ input: PersonInput, _ message: String) {
                problems.append(InputIssue(file: file, line: input.line, message: message))
            }
            let idsInBatch = Set(inputs.map(\.employeeId))
            var firstLine: [String: Int] = [:]
            var frameOf: [String: Int64] = [:]
            for input in inputs {
                if let first = firstLine[input.employeeId] {
                    problem(input, "duplicate id \(input.employeeId) (first at line \(first))")
                    continue
                }
                firstLine[input.employeeId] = input.line ?? 0
                for message in input.problems { problem(input, message) }
                switch (mode, existing.byEmployee[input.employeeId] != nil) {
                case (.add, true): problem(input, "\(input.employeeId) already exists: change them with goalbook people set")
                case (.update, false): problem(input, "no person with id \(input.employeeId)")
                default: break
                }
                do {
                    frameOf[input.employeeId] = try frames.resolve(family: input.family, function: input.function, level: input.level)
                } catch let error as GoalbookError {
                    problem(input, error.errorDescription ?? "unknown job frame")
                }
                if let manager = input.managerId {
                    if manager == input.employeeId {
                        problem(input, "\(input.employeeId) cannot be their own manager")
                    } else if existing.byEmployee[manager] == nil && !idsInBatch.contains(manager) {
                        problem(input, "unknown manager \(manager): not in the database nor in this file")
                    }
                }
            }
            problems += Self.managerCycles(inputs, existing: existing, file: file)
            if !problems.isEmpty {
                throw GoalbookError.badInput(
                    problems.enumerated().sorted {
                        ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
                    }.map(\.element))
            }

            // Apply. New people get ids in file order, so a manager later in the file is known already.
            var nextId = (try Int64.fetchOne(db, sql: "SELECT max(person_id) FROM person") ?? 0) + 1
            var idOf = existing.idByEmployee
            for input in inputs where idOf[input.employeeId] == nil {
                idOf[input.employeeId] = nextId
                nextId += 1
            }
            let history = try HistoryWriter(db: db, stamp: stamp, actor: actor, command: command)
            let insert = try FastStatement(
                db,
                sql: """
                    INSERT INTO person (person_id, employee_id, name, email, manager_person_id, frame_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            var summary = PeopleChangeSummary()
            for input in inputs {
                let id = idOf[input.employeeId]!
                let frameId = frameOf[input.employeeId]!
                let managerId = input.managerId.flatMap { idOf[$0] }
                guard let old = existing.byEmployee[input.employeeId] else {
                    try insert.run(
                        .int(id), .text(input.employeeId), .text(input.name), .text(input.email), .int(managerId), .int(frameId), .text(stamp))
                    try history.record(person: id, field: "created", old: nil, new: input.employeeId)
                    summary.added += 1
                    continue
                }
                let oldFrame = frames.byId[old.frameId]!
                let newFrame = frames.byId[frameId]!
                let changes: [(field: String, old: String?, new: String?)] = [
                    ("name", old.name, input.name), ("email", old.email, input.email),
                    ("manager", old.managerPersonId.flatMap { existing.employeeById[$0] }, input.managerId),
                    ("family", oldFrame.family, newFrame.family), ("function", oldFrame.function, newFrame.function),
                    ("level", oldFrame.level, newFrame.level),
                ].filter { $0.old != $0.new }
                if changes.isEmpty {
                    summary.unchanged += 1
                    continue
                }
                try db.execute(
                    sql: "UPDATE person SET name = ?, email = ?, manager_person_id = ?, frame_id = ? WHERE person_id = ?",
                    arguments: [input.name, input.email, managerId, frameId, id])
                for change in changes {
                    try history.record(person: id, field: change.field, old: change.old, new: change.new)
                }
                summary.updated += 1
            }
            return summary
        }
    }

    /// Cycles the batch would make in the manager tree, each reported once at a row on it.
    private static func managerCycles(_ inputs: [PersonInput], existing: StoredPeople, file: String) -> [InputIssue] {
        var managerOf: [String: String] = [:]
        for (employee, person) in existing.byEmployee {
            if let manager = person.managerPersonId.flatMap({ existing.employeeById[$0] }) { managerOf[employee] = manager }
        }
        for input in inputs { managerOf[input.employeeId] = input.managerId }
        let lineOf = Dictionary(inputs.map { ($0.employeeId, $0.line) }, uniquingKeysWith: { a, _ in a })
        var done = Set<String>()
        var issues: [InputIssue] = []
        for input in inputs where !done.contains(input.employeeId) {
            var path: [String] = []
            var onPath = Set<String>()
            var current: String? = input.employeeId
            while let person = current, !done.contains(person) {
                if onPath.contains(person) {
                    let cycle = Array(path[path.firstIndex(of: person)!...]) + [person]
                    issues.append(
                        InputIssue(
                            file: file, line: lineOf[person] ?? nil,
                            message: "manager cycle: \(cycle.joined(separator: " → "))"))
                    break
                }
                onPath.insert(person)
                path.append(person)
                current = managerOf[person]
            }
            done.formUnion(path)
        }
        return issues
    }

    /// Ends a person's employment on `date` (their last day). They and their goals stay in every report.
    public func leave(_ employeeId: String, on date: Day, actor: String, now: Date = Date()) throws -> Bool {
        try write { db in
            let id = try Self.personId(employeeId, db: db)
            let old = try String.fetchOne(db, sql: "SELECT left_on FROM person WHERE person_id = ?", arguments: [id])
            guard old != date.description else { return false }
            try db.execute(sql: "UPDATE person SET left_on = ? WHERE person_id = ?", arguments: [date.description, id])
            try HistoryWriter(db: db, stamp: Timestamp.string(now), actor: actor, command: "people leave")
                .record(person: id, field: "left_on", old: old, new: date.description)
            return true
        }
    }

    // MARK: - Reading

    /// People, ordered by id; with `team`, that manager and everyone below them at any depth
    /// (with `below`, only the people below them).
    public func people(team: String? = nil, below: Bool = false) throws -> [Person] {
        try read { db in
            var sql = Self.personSelect
            if let team {
                sql = try Self.teamCTE(team, below: below, db: db) + sql + " WHERE p.person_id IN team"
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY p.employee_id").map(Self.person)
        }
    }

    /// One person, by employee id.
    public func person(_ employeeId: String) throws -> Person {
        try read { db in
            let id = try Self.personId(employeeId, db: db)
            return try Self.person(Row.fetchOne(db, sql: Self.personSelect + " WHERE p.person_id = ?", arguments: [id])!)
        }
    }

    /// A person's history, oldest first.
    public func personHistory(_ employeeId: String) throws -> [HistoryEntry] {
        try read { db in
            let id = try Self.personId(employeeId, db: db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT changed_at, actor, command, field, old_value, new_value, note FROM history
                    WHERE person_id = ? AND goal_id IS NULL ORDER BY changed_at, history_id
                    """, arguments: [id]
            ).map(Self.historyEntry)
        }
    }

    /// The person's internal id, or an error naming close matches.
    static func personId(_ employeeId: String, db: Database) throws -> Int64 {
        // NFC first; then the bytes as given, for an id an earlier version stored unnormalized.
        for form in [EmployeeID.normalized(employeeId), employeeId] {
            if let id = try Int64.fetchOne(db, sql: "SELECT person_id FROM person WHERE employee_id = ?", arguments: [form]) {
                return id
            }
        }
        let ids = try String.fetchAll(db, sql: "SELECT employee_id FROM person ORDER BY employee_id LIMIT 10000")
        throw GoalbookError.notFound(what: "person \(employeeId)", suggestions: CloseMatches.find(employeeId, in: ids))
    }

    /// `WITH RECURSIVE team(person_id) AS MATERIALIZED (…) `: the one way a team is found in SQL.
    /// A team is its head and everyone below them at any depth; with `below`, only the people
    /// below. The statement that follows selects from `team`; the head's internal id is written
    /// into the text (a number), so the CTE takes no arguments of its own.
    static func teamCTE(_ head: String, below: Bool, db: Database) throws -> String {
        let root = try personId(head, db: db)
        let start = below ? "SELECT person_id FROM person WHERE manager_person_id = \(root)" : "SELECT \(root)"
        return "WITH RECURSIVE team(person_id) AS MATERIALIZED (\(start) UNION ALL "
            + "SELECT p.person_id FROM person AS p JOIN team AS t ON p.manager_person_id = t.person_id) "
    }

    static let personSelect = """
        SELECT p.employee_id, p.name, p.email, m.employee_id AS manager, f.family, f.function, f.level_code, p.left_on, p.created_at
        FROM person AS p
        JOIN frame AS f ON f.frame_id = p.frame_id
        LEFT JOIN person AS m ON m.person_id = p.manager_person_id
        """

    static func person(_ row: Row) -> Person {
        Person(
            employeeId: row["employee_id"], name: row["name"], email: row["email"], managerId: row["manager"],
            family: row["family"], function: row["function"], level: row["level_code"], leftOn: row["left_on"],
            createdAt: row["created_at"])
    }

    static func historyEntry(_ row: Row) -> HistoryEntry {
        let item: String? = row["item"]
        let field: String = row["field"]
        return HistoryEntry(
            changedAt: row["changed_at"], actor: row["actor"], command: row["command"],
            field: item.map { $0 == "main" ? field : "\($0).\(field)" } ?? field,
            old: row["old_value"], new: row["new_value"], note: row["note"])
    }
}

/// Every frame, for resolving the (family, function, level) people name.
struct FrameIndex {
    struct Entry {
        let id: Int64
        let family: String
        let function: String
        let level: String
    }
    let byId: [Int64: Entry]

    init(db: Database) throws {
        var byId: [Int64: Entry] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT frame_id, family, function, level_code FROM frame") {
            let entry = Entry(id: row["frame_id"], family: row["family"], function: row["function"], level: row["level_code"])
            byId[entry.id] = entry
        }
        self.byId = byId
    }

    /// The frame's id. The family may be left out where the function name is in one family only.
    func resolve(family: String?, function: String, level: String) throws -> Int64 {
        let matches = byId.values.filter { $0.function == function && $0.level == level && (family == nil || $0.family == family) }
        if matches.count == 1 { return matches[0].id }
        if matches.count > 1 {
            throw GoalbookError.invalidArgument(
                "function '\(function)' is in several families (\(matches.map(\.family).sorted().joined(separator: ", "))): give the family")
        }
        let levels = byId.values.filter { $0.function == function && (family == nil || $0.family == family) }.map(\.level)
        if !levels.isEmpty {
            throw GoalbookError.invalidArgument(
                "unknown level '\(level)' for function '\(function)' (levels: \(Set(levels).sorted().joined(separator: ", ")))")
        }
        let close = CloseMatches.find(function, in: Array(Set(byId.values.map(\.function))), limit: 3)
        throw GoalbookError.invalidArgument(
            "unknown job frame: function '\(function)'\(family.map { " in family '\($0)'" } ?? "")"
                + (close.isEmpty ? " (see goalbook canon list)" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"))
    }
}

/// The people already stored, for checking a batch against.
struct StoredPeople {
    struct Entry {
        let id: Int64
        let name: String
        let email: String?
        let managerPersonId: Int64?
        let frameId: Int64
    }
    let byEmployee: [String: Entry]
    let employeeById: [Int64: String]
    var idByEmployee: [String: Int64] { byEmployee.mapValues(\.id) }

    init(db: Database) throws {
        var byEmployee: [String: Entry] = [:]
        var employeeById: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT person_id, employee_id, name, email, manager_person_id, frame_id FROM person") {
            let employee: String = row["employee_id"]
            let entry = Entry(
                id: row["person_id"], name: row["name"], email: row["email"], managerPersonId: row["manager_person_id"], frameId: row["frame_id"])
            byEmployee[employee] = entry
            employeeById[entry.id] = employee
        }
        self.byEmployee = byEmployee
        self.employeeById = employeeById
    }
}
