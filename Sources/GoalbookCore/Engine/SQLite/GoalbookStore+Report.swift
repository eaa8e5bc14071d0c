import Foundation
import GRDB

extension GoalbookStore {
    /// The quarterly report. A closed quarter is shown as it was when it closed, `asOf` shows any
    /// past instant (people, goals and check-ins as they were then), and otherwise it is now.
    public func report(quarter: Quarter, scope: ReportScope, asOf requested: String? = nil, now: Date = Date()) throws -> Report {
        try report(quarter: quarter, scope: scope, asOf: requested, now: now, onlyGoals: nil)
    }

    /// The report, with only the goals `onlyGoals` selects (`SELECT goal_id …`, one `?` for the
    /// quarter) when it is given: `goals tree` needs every person but few goals.
    func report(quarter: Quarter, scope: ReportScope, asOf requested: String?, now: Date, onlyGoals: String?) throws -> Report {
        try read { db in
            let settings = try Self.settings(db: db)
            let fiscal = settings.fiscalYearStartMonth
            let closedAt = try Self.closedAt(quarter, db: db)
            let asOf = requested ?? closedAt ?? Timestamp.string(now)
            let historical = requested != nil || closedAt != nil
            let reportDate = min(Day(iso: String(asOf.prefix(10))) ?? Day(now), quarter.lastDay(fiscalYearStartMonth: fiscal))
            let firstDay = quarter.firstDay(fiscalYearStartMonth: fiscal)

            // People as they were, less those created later or gone before the quarter began.
            let everyone = try Self.peopleAsOf(historical ? asOf : nil, db: db)
                .filter { $0.person.leftOn.map { Day(iso: $0).map { $0 >= firstDay } ?? true } ?? true }
            let byEmployee = Dictionary(everyone.map { ($0.person.employeeId, $0) }, uniquingKeysWith: { a, _ in a })
            let chart = OrgChart(everyone.map { (employeeId: $0.person.employeeId, managerId: $0.person.managerId) })
            let members: [String]
            let roots: [String]
            let title: String
            var head: String?
            switch scope {
            case .all:
                members = everyone.map(\.person.employeeId)
                roots = everyone.filter { $0.person.managerId == nil || byEmployee[$0.person.managerId!] == nil }.map(\.person.employeeId)
                title = "everyone"
            case .team(let root, let onlyBelow):
                guard let manager = byEmployee[root] else { throw try Self.missingPerson(root, db: db, asOf: historical ? asOf : nil) }
                members = onlyBelow ? chart.below(root) : [root] + chart.below(root)
                roots = chart.reports(of: root)
                head = onlyBelow ? nil : root
                title = onlyBelow ? "everyone below \(manager.person.name) (\(root))" : "team of \(manager.person.name) (\(root))"
            case .person(let id):
                guard let person = byEmployee[id] else { throw try Self.missingPerson(id, db: db, asOf: historical ? asOf : nil) }
                members = [id]
                roots = []
                title = "\(person.person.name) (\(id))"
            }
            let memberSet = Set(members)
            let people = everyone.map(\.person).filter { memberSet.contains($0.employeeId) }
                .sorted { $0.employeeId < $1.employeeId }
            var subtree: [String: [String]] = [:]
            for root in roots { subtree[root] = chart.below(root).filter(memberSet.contains) }

            // Goals of the quarter, as they were.
            var goals: [Goal]
            let only = onlyGoals.map { " AND g.goal_id IN (\($0))" } ?? ""
            let onlyArguments: StatementArguments = onlyGoals == nil ? [] : [quarter.description]
            if historical {
                let condition = "g.quarter = ? AND g.created_at <= ?" + only
                let arguments: StatementArguments = [quarter.description, asOf] + onlyArguments
                goals = try Self.rebuildAll(
                    Self.loadGoals(db: db, where: condition, arguments, templateText: false), asOf: asOf, db: db,
                    where: condition, arguments)
            } else {
                let ids = everyone.filter { memberSet.contains($0.person.employeeId) }.map(\.personId)
                // Goals by the selection when there is one (filtered to the people below), else by person:
                // both IN lists on one index would be probed as a cross product.
                goals =
                    onlyGoals == nil
                    ? try Self.loadGoals(
                        db: db, where: "g.quarter = ? AND g.person_id IN (SELECT value FROM json_each(?))",
                        [quarter.description, Self.jsonArray(ids)], templateText: false)
                    : try Self.loadGoals(db: db, where: "g.quarter = ?" + only, [quarter.description] + onlyArguments, templateText: false)
            }
            goals = goals.filter { memberSet.contains($0.employeeId) }.sorted { ($0.employeeId, $0.id) < ($1.employeeId, $1.id) }
            let goalIds = Self.jsonArray(goals.map(\.id))

            var checkins: [Int64: [CheckIn]] = [:]
            for checkin in try Self.checkins(
                db: db, where: "goal_id IN (SELECT value FROM json_each(?)) AND recorded_at <= ? AND checked_on <= ?",
                [goalIds, asOf, reportDate.description])
            {
                checkins[checkin.goalId, default: []].append(checkin)
            }
            var changes: [ReportChange] = []
            try FastStatement.forEachRow(
                db,
                sql: """
                    SELECT h.changed_at, h.actor, h.goal_id, h.item, h.field, h.old_value, h.new_value, h.note, p.employee_id
                    FROM history AS h LEFT JOIN person AS p ON p.person_id = h.person_id
                    WHERE h.goal_id IN (SELECT value FROM json_each(?)) AND h.changed_at >= ? AND h.changed_at <= ?
                      AND (h.field = 'created' OR h.field = 'status' OR h.field = 'carried_to' OR (h.field = 'target' AND h.old_value IS NOT NULL))
                    ORDER BY h.changed_at, h.history_id
                    """, [goalIds, "\(firstDay)T00:00:00.000Z", asOf]
            ) { row in
                let field = row.text(4)
                let new = row.textOrNil(6)
                let item = row.textOrNil(3)
                let kind: String
                switch field {
                case "created": kind = "added"
                case "target": kind = item == nil || item == "main" ? "target moved" : "\(item!) target moved"
                case "carried_to": kind = "carried"
                default:
                    guard let new, new == "dropped" || new == "carried" || new == "done" else { return }
                    kind = new
                }
                changes.append(
                    ReportChange(
                        changedAt: row.text(0), actor: row.text(1), goalId: GoalID.format(row.int(2)),
                        employeeId: row.textOrNil(8) ?? "", kind: kind,
                        old: field == "target" ? row.textOrNil(5) : nil,
                        new: field == "target" || field == "carried_to" ? new : nil,
                        note: row.textOrNil(7)))
            }
            // The owners of the goals these are aligned to: from the goals at hand, else as they are now.
            var alignedOwners = Dictionary(goals.map { ($0.id, $0.employeeId) }, uniquingKeysWith: { a, _ in a })
            let elsewhere = Set(goals.compactMap(\.alignedTo)).subtracting(alignedOwners.keys)
            if !elsewhere.isEmpty {
                try FastStatement.forEachRow(
                    db,
                    sql: """
                        SELECT g.goal_id, p.employee_id FROM goal AS g JOIN person AS p ON p.person_id = g.person_id
                        WHERE g.goal_id IN (SELECT value FROM json_each(?))
                        """, [Self.jsonArray(Array(elsewhere))]
                ) { row in alignedOwners[row.int(0)] = row.text(1) }
            }
            return ReportBuilder.build(
                .init(
                    quarter: quarter, scopeTitle: title, asOf: asOf, reportDate: reportDate, closed: closedAt != nil, settings: settings,
                    people: people, head: head, rollupRoots: roots, subtree: subtree, goals: goals, checkins: checkins, changes: changes,
                    alignedOwners: alignedOwners))
        }
    }

    static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }

    private static func missingPerson(_ id: String, db: Database, asOf: String?) throws -> GoalbookError {
        if let asOf, (try? personId(id, db: db)) != nil {
            return .refused("\(id) was not in Goalbook yet at \(asOf)")
        }
        _ = try personId(id, db: db)  // throws "not found" with close matches
        return .refused("\(id) had left before the quarter began")
    }

    /// Every person as they were at `asOf` (now when nil), with their internal id.
    ///
    /// A person's field at T is the newest change at or before T; where the only changes came
    /// later, it is the value the first of them replaced; with no change at all, it is today's.
    static func peopleAsOf(_ asOf: String?, db: Database) throws -> [(personId: Int64, person: ReportPerson)] {
        var people: [(personId: Int64, person: ReportPerson)] = []
        try FastStatement.forEachRow(
            db,
            sql: """
                SELECT p.person_id, p.employee_id, p.name, m.employee_id AS manager, f.family, f.function, f.level_code, p.left_on, p.created_at
                FROM person AS p JOIN frame AS f ON f.frame_id = p.frame_id LEFT JOIN person AS m ON m.person_id = p.manager_person_id
                WHERE ? IS NULL OR p.created_at <= ?
                ORDER BY p.person_id
                """, [asOf, asOf]
        ) { row in
            people.append(
                (
                    row.int(0),
                    ReportPerson(
                        employeeId: row.text(1), name: row.text(2), managerId: row.textOrNil(3), family: row.text(4),
                        function: row.text(5), level: row.text(6), leftOn: row.textOrNil(7))
                ))
        }
        guard let asOf, !people.isEmpty else { return people }
        let index = Dictionary(uniqueKeysWithValues: people.enumerated().map { ($0.element.personId, $0.offset) })
        var settled = Set<String>()  // person id + field decided by a change at or before T
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT person_id, field, old_value, new_value, changed_at <= ? AS before FROM history
                WHERE goal_id IS NULL AND person_id IS NOT NULL AND field <> 'created'
                ORDER BY person_id, (changed_at <= ?) DESC, CASE WHEN changed_at <= ? THEN changed_at END DESC, changed_at ASC, history_id
                """, arguments: [asOf, asOf, asOf])
        {
            guard let at = index[row["person_id"]] else { continue }
            let field: String = row["field"]
            let before: Bool = row["before"]
            let key = "\(at) \(field)"
            guard !settled.contains(key) else { continue }
            settled.insert(key)
            let value: String? = before ? row["new_value"] : row["old_value"]
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
