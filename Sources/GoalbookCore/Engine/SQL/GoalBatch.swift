/// Creates goals from template rows for a set of people in a handful of set-based statements,
/// the way the sqlite3 shell would: goals, items, slots and history are each one
/// INSERT … SELECT per slice of 10,000 people, so a whole organization costs about what the rows
/// themselves cost, and a long assign can show its progress after each slice.
///
/// Each frame's rows are rendered once, in Swift, and kept once in `goal_template`; the temp
/// tables `goal_batch_*` hold the members and the rendered rows for the statements to join.
struct GoalBatch {
    let quarter: Quarter
    let framework: Framework
    /// Template rows to create, 1-based; nil for all of them.
    let rows: [Int]?
    /// When the goals take effect (`created_at`, `changed_at`) and when they are recorded.
    let stamp: String
    let recorded: String
    let actor: String
    let command: String
    /// Told how many people have their goals after each slice; nil shows nothing.
    var progress: ProgressMeter? = nil
    /// People per slice of statements.
    var slice = 10_000

    /// Creates the goals for the people `members` selects (`person_id, frame_id`), skipping rows a
    /// person already has a goal for. Hands `each` what was created and what already existed, per
    /// person in employee-id order, one person at a time; returns the totals.
    func create(
        _ sql: some SQLEngineRunner, members: String, _ arguments: SQLArguments, each: (GoalCreation) throws -> Void
    ) throws -> GoalCreationTotals {
        for table in [
            "goal_batch_member (person_id \(sql.keyType) PRIMARY KEY, frame_id \(sql.keyType) NOT NULL)",
            "goal_batch_row (frame_id \(sql.keyType) NOT NULL, row_number INTEGER NOT NULL, template_id \(sql.keyType) NOT NULL, "
                + "PRIMARY KEY (frame_id, row_number))",
            "goal_batch_slot (template_id \(sql.keyType) NOT NULL, item TEXT NOT NULL, first_line INTEGER NOT NULL, last_line INTEGER NOT NULL, "
                + "slot TEXT NOT NULL)",
        ] {
            try sql.execute("CREATE TEMP TABLE IF NOT EXISTS " + table, [])
        }
        let tables = ["goal_batch_member", "goal_batch_row", "goal_batch_slot"]
        for table in tables { try sql.execute("DELETE FROM \(table)", []) }
        defer { for table in tables { try? sql.execute("DROP TABLE IF EXISTS \(table)", []) } }
        try sql.execute("INSERT INTO goal_batch_member (person_id, frame_id) " + members + " ORDER BY 1", arguments)

        // Render each frame's rows once and keep the wanted ones in goal_template.
        var titles: [Int64: [Int: String]] = [:]
        let insertRow = try sql.prepare("INSERT INTO goal_batch_row (frame_id, row_number, template_id) VALUES (?, ?, ?)")
        let insertSlot = try sql.prepare("INSERT INTO goal_batch_slot (template_id, item, first_line, last_line, slot) VALUES (?, ?, ?, ?, ?)")
        for frameId in try sql.all("SELECT DISTINCT frame_id FROM goal_batch_member ORDER BY frame_id", [], { $0.int(0) }) {
            guard let versionId = try sql.int("SELECT frame_version_id FROM frame_current WHERE frame_id = ?", [frameId]) else {
                throw GoalbookError.refused("frame \(frameId) has no version in the canon (run goalbook check)")
            }
            let frame = try sql.frame(versionId: versionId)
            let rendered = TemplateRenderer.rows(framework, for: frame)
            let someone = {
                try sql.text(
                    """
                    SELECT p.employee_id FROM goal_batch_member AS m JOIN person AS p ON p.person_id = m.person_id
                    WHERE m.frame_id = ? ORDER BY p.employee_id LIMIT 1
                    """, [frameId]) ?? "?"
            }
            if rendered.isEmpty {
                throw GoalbookError.refused("the \(framework.heading) template of \(frame.displayName) (\(try someone())'s frame) has no rows")
            }
            let wanted = rows ?? Array(1...rendered.count)
            if let bad = wanted.first(where: { !(1...rendered.count).contains($0) }) {
                throw GoalbookError.invalidArgument(
                    "row \(bad) does not exist: the \(framework.heading) template of \(frame.displayName) (\(try someone())'s frame) has rows "
                        + "1–\(rendered.count)"
                )
            }
            for number in Set(wanted).sorted() {
                let row = rendered[number - 1]
                let title = frame.statements.first { $0.id == row.source.statementId }?.text ?? ""
                titles[frameId, default: [:]][number] = title
                let templateId = try Self.templateId(sql, frame: frame, framework: framework, number: number, row: row, title: title)
                try insertRow.run(.int(frameId), .int(Int64(number)), .int(templateId))
                for item in row.items {
                    for slot in item.slots {
                        try insertSlot.run(.int(templateId), .text(item.name), .int(Int64(item.firstLine)), .int(Int64(item.lastLine)), .text(slot))
                    }
                }
            }
        }

        // The goals, their items, slots and history: one statement each, for each slice.
        let before = (try sql.int(sql.nextKey("goal_id", in: "goal")) ?? 1) - 1
        let q = quarter.description
        let fw = framework.rawValue
        let members = try sql.all("SELECT person_id FROM goal_batch_member ORDER BY person_id", [], { $0.int(0) })
        var start = 0
        var slices = 0
        while start < members.count {
            // Each slice is planned from statistics that, on PostgreSQL, knew nothing of the goals this
            // transaction has added: refreshed whenever they have doubled, or at 100k people the
            // check for existing goals read the whole goal table once per new goal (25 minutes).
            if slices & (slices - 1) == 0 { try sql.refreshStatistics(["goal", "goal_batch_member", "goal_batch_row", "goal_batch_slot"]) }
            slices += 1
            let end = min(start + slice, members.count)
            try insertGoals(sql, people: members[start]...members[end - 1], quarter: q, framework: fw)
            progress?.update(done: end, total: members.count)
            start = end
        }

        // What each person got, and what they had already: handed on as each person ends.
        var totals = GoalCreationTotals()
        var person: GoalCreation?
        func handOn() throws {
            guard let done = person else { return }
            totals.count(done)
            try each(done)
        }
        // CROSS JOIN keeps SQLite in the order written, members first. Without statistics it took
        // `quarter = ?` for a few rows, read the whole quarter and looked each goal's owner up among
        // the members: 0.6-0.9 s to add one person's goal to a 1M organization's quarter, 0.01 s now.
        try sql.forEachRow(
            """
            SELECT p.employee_id, p.name, m.frame_id, r.row_number, g.goal_id
            FROM goal_batch_member AS m CROSS JOIN person AS p CROSS JOIN goal_batch_row AS r CROSS JOIN goal AS g
            WHERE p.person_id = m.person_id AND r.frame_id = m.frame_id
              AND g.person_id = m.person_id AND g.quarter = ? AND g.framework = ? AND g.frame_id = m.frame_id AND g.row_number = r.row_number
            ORDER BY p.employee_id, r.row_number
            """, [q, fw]
        ) { row in
            let employeeId = row.text(0)
            if person?.employeeId != employeeId {
                try handOn()
                person = GoalCreation(employeeId: employeeId, name: row.text(1), created: [], existing: [])
            }
            let frameId = row.int(2)
            let number = Int(row.int(3))
            let goalId = row.int(4)
            let ref = GoalRowRef(goalId: goalId, framework: framework, rowNumber: number, title: titles[frameId]?[number] ?? "")
            if goalId > before { person?.created.append(ref) } else { person?.existing.append(ref) }
        }
        try handOn()
        return totals
    }

    /// Goals for the members whose keys fall in `people`, then their items, slots and history.
    private func insertGoals(_ sql: some SQLEngineRunner, people: ClosedRange<Int64>, quarter q: String, framework fw: String) throws {
        let before = (try sql.int(sql.nextKey("goal_id", in: "goal")) ?? 1) - 1
        let keys = sql.newKeys("goal_id", after: before, order: "m.person_id, r.row_number")
        try sql.execute(
            """
            INSERT INTO goal (\(keys.column)person_id, quarter, framework, row_number, frame_id, template_id, status, created_at, created_by)
            SELECT \(keys.value)m.person_id, ?, ?, r.row_number, m.frame_id, r.template_id, 'draft', ?, ?
            FROM goal_batch_member AS m JOIN goal_batch_row AS r ON r.frame_id = m.frame_id
            WHERE m.person_id BETWEEN ? AND ?
              AND NOT EXISTS (SELECT 1 FROM goal AS g WHERE g.person_id = m.person_id AND g.quarter = ? AND g.framework = ?
                                AND g.frame_id = m.frame_id AND g.row_number = r.row_number)
            ORDER BY m.person_id, r.row_number
            """, [q, fw, stamp, actor, people.lowerBound, people.upperBound, q, fw])
        try sql.execute(
            """
            INSERT INTO goal_item (goal_id, item, first_line, last_line)
            SELECT g.goal_id, s.item, s.first_line, s.last_line
            FROM goal AS g JOIN (SELECT DISTINCT template_id, item, first_line, last_line FROM goal_batch_slot) AS s ON s.template_id =
            g.template_id
            WHERE g.goal_id > ? ORDER BY g.goal_id, s.item
            """, [before])
        try sql.execute(
            """
            INSERT INTO goal_slot (goal_id, item, slot)
            SELECT g.goal_id, s.item, s.slot FROM goal AS g JOIN goal_batch_slot AS s ON s.template_id = g.template_id
            WHERE g.goal_id > ? ORDER BY g.goal_id, s.item, s.slot
            """, [before])
        try sql.execute(
            """
            INSERT INTO history (changed_at, recorded_at, actor, command, person_id, goal_id, field, new_value)
            SELECT ?, ?, ?, ?, person_id, goal_id, 'created', 'draft' FROM goal WHERE goal_id > ? ORDER BY goal_id
            """, [stamp, recorded, actor, command, before])
    }

    /// The stored copy of a rendered row: each is kept once, and every goal made from it points there.
    static func templateId(_ sql: some SQLRunner, frame: Frame, framework: Framework, number: Int, row: TemplateRow, title: String) throws -> Int64 {
        let text = row.printLines.joined(separator: "\n")
        let key: SQLArguments = [frame.frameVersionId, framework.rawValue, number, text]
        if let id = try sql.int(
            "SELECT template_id FROM goal_template WHERE frame_version_id = ? AND framework = ? AND row_number = ? AND template_text = ?", key)
        {
            return id
        }
        guard
            let id = try sql.int(
                """
                INSERT INTO goal_template (frame_version_id, framework, row_number, template_text, statement_id, title) VALUES (?, ?, ?, ?, ?, ?)
                RETURNING template_id
                """, key + [row.source.statementId, title])
        else { throw GoalbookError.refused("the template row was not stored") }
        return id
    }
}
