import Foundation

/// SQL that both engines run as it is written, and the decoding of the rows it returns: one text
/// for one question, so the engines cannot drift apart. Parameters are `?`; the PostgreSQL
/// connection numbers them as `$1`, `$2`… before sending. The rest of the shared SQL is in
/// `Engine/SQL/`, as methods of ``SQLRunner`` and ``SQLSession``.
enum EngineSQL {
    /// `WITH RECURSIVE team(person_id) AS MATERIALIZED (…) `: the one way a team is found in SQL.
    /// A team is its head and everyone below them at any depth; with `below`, only the people
    /// below. The statement that follows selects from `team`; the head's internal id is written
    /// into the text (a number), so the CTE takes no arguments of its own.
    static func teamCTE(root: Int64, below: Bool) -> String {
        // The cast gives the first term the key's type, which PostgreSQL requires of a recursive CTE.
        // UNION, not UNION ALL: a manager cycle made by hand in SQL ends the walk instead of looping.
        let start = below ? "SELECT person_id FROM person WHERE manager_person_id = \(root)" : "SELECT CAST(\(root) AS BIGINT)"
        return "WITH RECURSIVE team(person_id) AS MATERIALIZED (\(start) UNION "
            + "SELECT p.person_id FROM person AS p JOIN team AS t ON p.manager_person_id = t.person_id) "
    }

    /// A person's internal id, by employee id: NFC first, then the bytes as given (for an id an
    /// earlier version stored unnormalized); not found names close matches among `candidates`.
    static func personId(
        _ employeeId: String, lookup: (String) throws -> Int64?, candidates: () throws -> [String]
    ) throws -> Int64 {
        for form in [EmployeeID.normalized(employeeId), employeeId] {
            if let id = try lookup(form) { return id }
        }
        throw GoalbookError.notFound(what: "person \(employeeId)", suggestions: CloseMatches.find(employeeId, in: try candidates()))
    }

    /// The key after the highest of a table, as a subquery. New people, goals and check-ins take
    /// their keys this way on both engines, so keys stay dense and a rolled-back command (a dry
    /// run) leaves no gap: `G4` is the same goal on SQLite and PostgreSQL after the same commands.
    static func nextKey(_ column: String, in table: String) -> String { "SELECT COALESCE(max(\(column)), 0) + 1 FROM \(table)" }

    static let personIdSelect = "SELECT person_id FROM person WHERE employee_id = ?"
    /// The ids a missing one is compared with.
    static let employeeIdsSelect = "SELECT employee_id FROM person ORDER BY employee_id LIMIT 10000"

    static let frameSelect = "SELECT frame_id, family, function, level_code FROM frame"

    /// Everyone stored, with their manager's employee id, for ``PeoplePlan``.
    static let storedPeopleSelect = """
        SELECT p.person_id, p.employee_id, p.name, p.email, m.employee_id AS manager, p.frame_id
        FROM person AS p LEFT JOIN person AS m ON m.person_id = p.manager_person_id
        """

    /// The people stored of those `list` (a subquery of employee ids) names, and everyone above
    /// them, as ``storedPeopleSelect`` has them. UNION ends the walk up at a cycle.
    static func storedPeople(named list: String) -> String {
        "WITH RECURSIVE up(person_id) AS MATERIALIZED (SELECT person_id FROM person WHERE employee_id IN (\(list)) UNION "
            + "SELECT p.manager_person_id FROM person AS p JOIN up ON p.person_id = up.person_id WHERE p.manager_person_id IS NOT NULL) "
            + storedPeopleSelect + " WHERE p.person_id IN (SELECT person_id FROM up)"
    }

    /// People ordered by id; with `root`, that person's team (``teamCTE(root:below:)``).
    static func people(root: Int64?, below: Bool) -> String {
        guard let root else { return personSelect + " ORDER BY p.employee_id" }
        return teamCTE(root: root, below: below) + personSelect + " WHERE p.person_id IN (SELECT person_id FROM team) ORDER BY p.employee_id"
    }

    static let personInsert = """
        INSERT INTO person (person_id, employee_id, name, email, manager_person_id, frame_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let personUpdate = "UPDATE person SET name = ?, email = ?, manager_person_id = ?, frame_id = ? WHERE person_id = ?"
    static let personLeave = "UPDATE person SET left_on = ? WHERE person_id = ?"

    /// A person's own history (not their goals'), oldest first.
    static let personHistorySelect = historySelect + " WHERE person_id = ? AND goal_id IS NULL ORDER BY changed_at, history_id"

    /// The SQL form of ``CheckIn/effective(_:)`` for a check-in `c`: no correction replaced it.
    static let effectiveCheckin = """
        NOT EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.checkin_id)
        AND NOT EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.corrects_checkin_id AND k.checkin_id > c.checkin_id)
        """

    /// Goals of `quarter` that are or ever were on either end of a link: the goals an alignment
    /// tree can hold, now or at any past instant. History holds every link. The few linked ids
    /// come first, from the partial indexes on links, and each is then looked up by key (CROSS
    /// JOIN keeps SQLite in that order): reading the quarter's goals and testing each against the
    /// list costs as much as the quarter is large. The quarter is a checked `2026Q4`, written in.
    static func linkedGoals(_ quarter: Quarter) -> String {
        """
        SELECT g.goal_id FROM (
            SELECT c.goal_id AS id FROM goal AS c WHERE c.aligned_to IS NOT NULL
            UNION SELECT c.aligned_to FROM goal AS c WHERE c.aligned_to IS NOT NULL
            UNION SELECT CASE s.side WHEN 0 THEN h.goal_id ELSE CAST(substr(h.new_value, 2) AS BIGINT) END
                  FROM history AS h CROSS JOIN (SELECT 0 AS side UNION ALL SELECT 1) AS s WHERE h.field = 'aligned_to'
        ) AS linked CROSS JOIN goal AS g WHERE g.goal_id = linked.id AND g.quarter = '\(quarter)'
        """
    }

    static let historyInsert = """
        INSERT INTO history (changed_at, recorded_at, actor, command, person_id, goal_id, item, field, old_value, new_value, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let personSelect = """
        SELECT p.employee_id, p.name, p.email, m.employee_id AS manager, f.family, f.function, f.level_code, p.left_on, p.created_at
        FROM person AS p
        JOIN frame AS f ON f.frame_id = p.frame_id
        LEFT JOIN person AS m ON m.person_id = p.manager_person_id
        """

    /// A row of ``personSelect``.
    static func person(_ row: some SQLRow) -> Person {
        Person(
            employeeId: row.text(0), name: row.text(1), email: row.textOrNil(2), managerId: row.textOrNil(3), family: row.text(4),
            function: row.text(5), level: row.text(6), leftOn: row.textOrNil(7), createdAt: row.text(8))
    }

    /// History rows as a log shows them, read by ``historyEntry(_:)``.
    static let historySelect = "SELECT changed_at, actor, command, item, field, old_value, new_value, note, on_behalf_of, recorded_at FROM history"

    /// A row of ``historySelect``; an item's field is named `KR1.target` (a `main` item's just `target`).
    static func historyEntry(_ row: some SQLRow) -> HistoryEntry {
        let item = row.textOrNil(3)
        let field = row.text(4)
        let changedAt = row.text(0)
        return HistoryEntry(
            changedAt: changedAt, actor: row.text(1), command: row.text(2), field: item.map { $0 == "main" ? field : "\($0).\(field)" } ?? field,
            old: row.textOrNil(5), new: row.textOrNil(6), note: row.textOrNil(7), onBehalfOf: row.textOrNil(8),
            recordedAt: row.textOrNil(9).flatMap { $0 == changedAt ? nil : $0 })
    }
}

extension SQLRunner {
    /// A person's internal id by employee id, or not found with close matches.
    func personId(_ employeeId: String) throws -> Int64 {
        try EngineSQL.personId(
            employeeId, lookup: { try int(EngineSQL.personIdSelect, [$0]) }, candidates: { try all(EngineSQL.employeeIdsSelect) { $0.text(0) } })
    }
}
