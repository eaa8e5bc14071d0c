import Foundation

extension SQLRunner {
    /// Every person as they were at `asOf` (now when nil), with their internal id.
    ///
    /// A person's field at T is the newest change at or before T; where the only changes came
    /// later, it is the value the first of them replaced; with no change at all, it is today's.
    /// With a recorded bound, a change recorded after it counts as later, and a person whose
    /// creation was recorded after it is left out. `within` keeps only the people its condition
    /// selects, with the CTE that condition reads and the condition's arguments; then only the
    /// history of the people read is read, not everyone's.
    func peopleAsOf(_ view: PastView?, within: (cte: String, condition: String, arguments: SQLArguments)? = nil) throws -> [PersonAsOf] {
        var people: [PersonAsOf] = []
        let recorded = view?.recorded
        try forEachRow(
            (within?.cte ?? "") + """
                SELECT p.person_id, p.employee_id, p.name, m.employee_id AS manager, f.family, f.function, f.level_code, p.left_on, p.created_at
                FROM person AS p JOIN frame AS f ON f.frame_id = p.frame_id LEFT JOIN person AS m ON m.person_id = p.manager_person_id
                WHERE (CAST(? AS TEXT) IS NULL OR p.created_at <= ?)
                  AND (CAST(? AS TEXT) IS NULL OR NOT EXISTS (
                        SELECT 1 FROM history AS c WHERE c.person_id = p.person_id AND c.goal_id IS NULL AND c.field = 'created'
                          AND COALESCE(c.recorded_at, c.changed_at) > ?))
                  \(within.map { "AND " + $0.condition } ?? "")
                ORDER BY p.person_id
                """, [view?.effective, view?.effective, recorded, recorded] + (within?.arguments ?? [])
        ) { row in
            people.append(
                PersonAsOf(
                    key: row.int(0),
                    person: ReportPerson(
                        employeeId: row.text(1), name: row.text(2), managerId: row.textOrNil(3), family: row.text(4),
                        function: row.text(5), level: row.text(6), leftOn: row.textOrNil(7))))
        }
        guard let view, !people.isEmpty else { return people }
        let recordedBefore = view.recordedCondition("history")
        let before = "changed_at <= ?" + recordedBefore.sql
        let beforeArguments: SQLArguments = [view.effective] + recordedBefore.arguments
        let index = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($0.element.key, $0.offset) })
        var settled = Set<String>()  // person id + field decided by a change at or before T
        // A few people's history is found through `history_by_person`; everyone's is all of it.
        // The unary plus keeps SQLite (which has no statistics) from reading every person's
        // changes through `history_by_goal` on `goal_id IS NULL` instead.
        let list = within.map { _ in idList(people.map(\.key)) }
        try forEachRow(
            """
            SELECT person_id, field, old_value, new_value, CASE WHEN \(before) THEN 1 ELSE 0 END AS is_before FROM history
            WHERE \(list == nil ? "" : "+")goal_id IS NULL AND person_id IS NOT NULL AND field <> 'created'\(list.map { " AND person_id IN (\($0.sql))" } ?? "")
            ORDER BY person_id, 5 DESC, CASE WHEN \(before) THEN changed_at END DESC, changed_at ASC, history_id
            """, beforeArguments + (list.map { [$0.argument] } ?? []) + beforeArguments
        ) { row in
            guard let at = index[row.int(0)] else { return }
            let field = row.text(1)
            let key = "\(at) \(field)"
            guard !settled.contains(key) else { return }
            settled.insert(key)
            let value = row.int(4) == 1 ? row.textOrNil(3) : row.textOrNil(2)
            switch field {
            case "name": people[at].person.name = value ?? people[at].person.name
            case "manager": people[at].person.managerId = value
            case "family": people[at].person.family = value ?? people[at].person.family
            case "function": people[at].person.function = value ?? people[at].person.function
            case "level": people[at].person.level = value ?? people[at].person.level
            case "left_on": people[at].person.leftOn = value
            default: break
            }
        }
        return people
    }

    /// The people who may have had one of `managers` (keys) as their manager at some time: those
    /// who have them now, and those whose manager changes name them, as old or new value (found
    /// through the two indexes of manager changes: SQLite schema version 11, PostgreSQL 6).
    func reportsAtSomeTime(of managers: [Int64]) throws -> [Int64] {
        let list = idList(managers)
        let named = "SELECT m.employee_id FROM person AS m WHERE m.person_id IN (\(list.sql))"
        var keys: [Int64] = []
        try forEachRow(
            """
            SELECT p.person_id FROM person AS p WHERE p.manager_person_id IN (\(list.sql))
            UNION SELECT h.person_id FROM history AS h WHERE h.goal_id IS NULL AND h.field = 'manager' AND h.person_id IS NOT NULL AND h.new_value IN (\(named))
            UNION SELECT h.person_id FROM history AS h WHERE h.goal_id IS NULL AND h.field = 'manager' AND h.person_id IS NOT NULL AND h.old_value IN (\(named))
            ORDER BY 1
            """, [list.argument, list.argument, list.argument]
        ) { keys.append($0.int(0)) }
        return keys
    }
}
