import Foundation

extension SQLRunner {
    /// Every person as they were at `asOf` (now when nil), with their internal id.
    ///
    /// A person's field at T is the newest change at or before T; where the only changes came
    /// later, it is the value the first of them replaced; with no change at all, it is today's.
    /// With a recorded bound, a change recorded after it counts as later, and a person whose
    /// creation was recorded after it is left out. `within` keeps only the people its condition
    /// selects, with the CTE that condition reads and the condition's arguments.
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
        try forEachRow(
            """
            SELECT person_id, field, old_value, new_value, CASE WHEN \(before) THEN 1 ELSE 0 END AS is_before FROM history
            WHERE goal_id IS NULL AND person_id IS NOT NULL AND field <> 'created'
            ORDER BY person_id, 5 DESC, CASE WHEN \(before) THEN changed_at END DESC, changed_at ASC, history_id
            """, beforeArguments + beforeArguments
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
}
