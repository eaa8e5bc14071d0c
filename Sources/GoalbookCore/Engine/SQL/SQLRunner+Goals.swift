import Foundation

/// The reads of goals both engines share: loading goals with their items and slots, and
/// rebuilding them as of a past instant from history.
extension SQLRunner {
    // MARK: - Reading goals

    /// Goals matching the filter, ordered by person and id; with `asOf`, as they were then.
    func goals(_ filter: GoalFilter) throws -> [Goal] {
        var conditions: [String] = []
        var arguments: SQLArguments = []
        var prefix = ""
        if let person = filter.person {
            conditions.append("g.person_id = ?")
            arguments += [try personId(person)]
        }
        if let team = filter.team {
            prefix = EngineSQL.teamCTE(root: try personId(team), below: filter.below)
            conditions.append("g.person_id IN (SELECT person_id FROM team)")
        }
        if let quarter = filter.quarter {
            conditions.append("g.quarter = ?")
            arguments += [quarter.description]
        }
        if let asOf = filter.asOf {
            conditions.append("g.created_at <= ?")
            arguments += [asOf.effective]
        }
        let condition = conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
        let scope = prefix.isEmpty ? condition : "g.goal_id IN (\(prefix) SELECT g.goal_id FROM goal AS g WHERE \(condition))"
        var goals = try loadGoals(where: scope, arguments)
        if let asOf = filter.asOf {
            goals = try rebuildAll(goals, asOf: asOf)
        }
        goals.sort { ($0.employeeId, $0.id) < ($1.employeeId, $1.id) }
        if let status = filter.status { goals = goals.filter { $0.status == status } }
        return goals
    }

    /// A stored goal with its items and slots, as it is now.
    func goal(_ goalId: Int64) throws -> Goal {
        guard let goal = try loadGoals(where: "g.goal_id = ?", [goalId]).first else {
            throw GoalbookError.notFound(what: "goal \(GoalID.format(goalId))", suggestions: [])
        }
        return goal
    }

    /// Goals matching a condition on `goal AS g`, with their items and slots, in three queries.
    /// Without `templateText`, the goals' template text is left empty (reports do not print it).
    func loadGoals(where condition: String, _ arguments: SQLArguments, templateText: Bool = true) throws -> [Goal] {
        var goals: [Goal] = []
        // A template's title and text, read once and shared by the goals made from it: a team's
        // goals come from a handful of templates (48k goals, 10 templates in the 100k bench).
        var templates: [Int64: (title: String, text: String)] = [:]
        try forEachRow(
            """
            SELECT g.goal_id, p.employee_id, p.name, g.quarter, g.framework, g.row_number, g.frame_id, t.frame_version_id,
                   fv.canon_version_id, t.statement_id, t.title, \(templateText ? "t.template_text" : "''"), g.status,
                   g.carried_from, g.created_at, g.created_by, g.template_id, g.aligned_to, g.weight, g.score,
                   (SELECT c.goal_id FROM goal AS c WHERE c.carried_from = g.goal_id)
            FROM goal AS g
            JOIN goal_template AS t ON t.template_id = g.template_id
            JOIN person AS p ON p.person_id = g.person_id
            JOIN frame_version AS fv ON fv.frame_version_id = t.frame_version_id
            WHERE \(condition) ORDER BY g.goal_id
            """, arguments
        ) { row in
            let templateId = row.int(16)
            let template: (title: String, text: String)
            if let known = templates[templateId] {
                template = known
            } else {
                template = (row.text(10), row.text(11))
                templates[templateId] = template
            }
            goals.append(
                Goal(
                    id: row.int(0), employeeId: row.text(1), personName: row.text(2), quarter: row.text(3),
                    framework: Framework(rawValue: row.text(4)) ?? .smart, rowNumber: Int(row.int(5)), frameId: row.int(6),
                    frameVersionId: row.int(7), canonVersionId: row.int(8), statementId: row.int(9), title: template.title,
                    templateText: template.text, status: GoalStatus(rawValue: row.text(12)) ?? .draft, carriedFrom: row.intOrNil(13),
                    createdAt: row.text(14), createdBy: row.text(15), items: [], templateId: templateId,
                    alignedTo: row.intOrNil(17), weight: row.doubleOrNil(18), score: row.doubleOrNil(19)))
            goals[goals.count - 1].carriedTo = row.intOrNil(20)
        }
        guard !goals.isEmpty else { return [] }
        let index = Dictionary(uniqueKeysWithValues: goals.enumerated().map { ($0.element.id, $0.offset) })
        // Items and slots of the goals just read, by their ids: evaluating the condition again
        // (a team's walk, a selection's unions) cost more than the rows (a third of a large tree's
        // reads). They come in no promised order; each goal's are put in order below.
        let ids = idList(goals.map(\.id))
        try forEachRow(
            """
            SELECT i.goal_id, i.item, i.first_line, i.last_line, i.direction, i.weight, i.keep, i.tolerance
            FROM (\(ids.sql)) AS j CROSS JOIN goal_item AS i WHERE i.goal_id = j.value
            """, [ids.argument]
        ) { row in
            guard let at = index[row.int(0)] else { return }
            // Slot arrays grow as slots come. Reserving three each measured 8 MB more resident
            // memory for a 48k-goal report, not less: the blocks freed by growing are reused.
            goals[at].items.append(
                GoalItem(
                    name: row.text(1), firstLine: Int(row.int(2)), lastLine: Int(row.int(3)),
                    direction: row.textOrNil(4).flatMap(Direction.init), slots: [], weight: row.doubleOrNil(5),
                    keep: row.textOrNil(6).flatMap(Keep.init), tolerance: row.doubleOrNil(7)))
        }
        try forEachRow(
            """
            SELECT s.goal_id, s.item, s.slot, s.value, s.number, s.unit
            FROM (\(ids.sql)) AS j CROSS JOIN goal_slot AS s WHERE s.goal_id = j.value
            """, [ids.argument]
        ) { row in
            let itemName = row.text(1)
            guard let at = index[row.int(0)], let item = goals[at].items.firstIndex(where: { $0.name == itemName }),
                let name = SlotName(rawValue: row.text(2))
            else { return }
            goals[at].items[item].slots.append(GoalSlot(slot: name, value: row.textOrNil(3), number: row.doubleOrNil(4), unit: row.textOrNil(5)))
        }
        // Slots in the order they are shown (compared by case, not looked up: a 48k-goal tree sorted
        // 243k slots).
        for at in goals.indices {
            goals[at].items.sort { ($0.firstLine, $0.name) < ($1.firstLine, $1.name) }
            for item in goals[at].items.indices { goals[at].items[item].slots.sort { $0.slot < $1.slot } }
        }
        return goals
    }

    /// The goal as it stood at `asOf`, rebuilt from its history; nil when it did not exist yet.
    func rebuild(_ goal: Goal, asOf: PastView) throws -> Goal? {
        try rebuildAll([goal], asOf: asOf).first
    }

    /// Goals as they stood at `asOf`, rebuilt from their history in one query. Goals that did not
    /// exist yet are left out, and so are goals whose creation was recorded after
    /// `asOf.recorded`, with the changes recorded after it. The history is read by the goals'
    /// ids, as their items are (``loadGoals(where:_:templateText:)``).
    func rebuildAll(_ goals: [Goal], asOf: PastView) throws -> [Goal] {
        guard !goals.isEmpty else { return [] }
        var rowsByGoal: [Int64: [GoalHistoryRow]] = [:]
        let recorded = asOf.recordedCondition("h")
        let ids = idList(goals.map(\.id))
        // Each goal's rows are put in order here, not by an ORDER BY: SQLite sorted the whole read
        // in a temporary B-tree (19M of the 73M instructions a 1,000-goal read took in the shell),
        // where a goal's few rows come from its index nearly in order already.
        try forEachRow(
            """
            SELECT h.goal_id, h.item, h.field, h.new_value, p.employee_id, p.name, h.changed_at, h.history_id
            FROM (\(ids.sql)) AS j CROSS JOIN history AS h LEFT JOIN person AS p ON p.person_id = h.person_id
            WHERE h.goal_id = j.value AND h.changed_at <= ?\(recorded.sql)
            """, [ids.argument, asOf.effective] + recorded.arguments
        ) { row in
            // The owner is read only where `fold` reads it.
            let field = row.text(2)
            let owner = field == "created" || field == "owner"
            rowsByGoal[row.int(0), default: []].append(
                GoalHistoryRow(
                    item: row.textOrNil(1), field: field, value: row.textOrNil(3), employeeId: owner ? row.textOrNil(4) : nil,
                    name: owner ? row.textOrNil(5) : nil, changedAt: row.text(6), historyId: row.int(7)))
        }
        return goals.compactMap { goal in rowsByGoal[goal.id].flatMap { Self.fold(goal, history: GoalHistoryRow.inOrder($0)) } }
    }

    /// Replays a goal's history rows (oldest first) over its unfilled shape.
    private static func fold(_ goal: Goal, history rows: [GoalHistoryRow]) -> Goal? {
        guard let created = rows.first(where: { $0.field == "created" }) else { return nil }
        var past = goal
        past.employeeId = created.employeeId ?? ""
        past.personName = created.name ?? ""
        past.alignedTo = nil
        past.weight = nil
        past.score = nil
        past.carriedTo = nil
        past.items = goal.items.map { item in
            var item = item
            item.direction = nil
            item.weight = nil
            item.keep = nil
            item.tolerance = nil
            item.slots = item.slots.map { GoalSlot(slot: $0.slot) }
            return item
        }
        for row in rows {
            let field = row.field
            let value = row.value
            switch field {
            case "created", "status":
                past.status = value.flatMap(GoalStatus.init) ?? past.status
                if value == GoalStatus.carried.rawValue { past.carriedTo = goal.carriedTo }  // carried by an earlier version
            case "carried_to":
                past.carriedTo = goal.carriedTo
            case "owner":
                past.employeeId = value ?? past.employeeId
                past.personName = row.name ?? past.personName
            case "aligned_to":
                past.alignedTo = value.flatMap { try? GoalID.parse($0) }
            case "score":
                past.score = value.flatMap(Double.init)
            case "weight" where row.item == nil:
                past.weight = value.flatMap(Double.init)
            default:
                guard let name = row.item, let index = past.items.firstIndex(where: { $0.name == name }) else { continue }
                if field == "direction" {
                    past.items[index].direction = value.flatMap(Direction.init)
                } else if field == "weight" {
                    past.items[index].weight = value.flatMap(Double.init)
                } else if field == "keep" {
                    past.items[index].keep = value.flatMap(Keep.init)
                } else if field == "tolerance" {
                    past.items[index].tolerance = value.flatMap(Measure.stored)?.number
                } else if let slot = SlotName(rawValue: field), let at = past.items[index].slots.firstIndex(where: { $0.slot == slot }) {
                    let measure = slot == .date ? nil : value.flatMap(Measure.stored)
                    past.items[index].slots[at] = GoalSlot(slot: slot, value: value, number: measure?.number, unit: measure?.unit)
                }
            }
        }
        return past
    }
}

/// One history row of a goal, as ``SQLRunner/rebuildAll(_:asOf:)`` replays it.
struct GoalHistoryRow {
    let item: String?
    let field: String
    let value: String?
    /// The goal's owner then, and their name (read for `created` and `owner` rows only).
    let employeeId: String?
    let name: String?
    /// When the change took effect, and its row: the order it is replayed in.
    let changedAt: String
    let historyId: Int64

    /// The rows oldest first: by `changed_at`, then by row. Rows are written in that order unless
    /// a change was dated back, so they are put in the order they were written (integers to
    /// compare), and sorted by time only when that is not it. `changed_at` is an ASCII timestamp,
    /// which String's `<` orders as SQL's binary collation does.
    static func inOrder(_ rows: [GoalHistoryRow]) -> [GoalHistoryRow] {
        var rows = rows
        rows.sort { $0.historyId < $1.historyId }
        if rows.indices.dropFirst().contains(where: { rows[$0].changedAt < rows[$0 - 1].changedAt }) {
            rows.sort { ($0.changedAt, $0.historyId) < ($1.changedAt, $1.historyId) }
        }
        return rows
    }
}
