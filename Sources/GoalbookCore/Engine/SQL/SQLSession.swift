import Foundation

/// What an engine adds to the shared SQL: the reads that differ in dialect (the canon's, whose
/// PostgreSQL columns sort with an explicit collation, and a closed quarter's figures as JSON).
protocol SQLEngineRunner: SQLRunner {
    /// Every frame as it stands now, with its counts, ordered by family, function and level.
    func frameSummaries() throws -> [FrameSummary]
    /// The current version of every frame, to find one by name.
    func currentFrames() throws -> [FrameLookup.Candidate]
    /// A stored frame version with its statements.
    func frame(versionId: Int64) throws -> Frame
    /// The newest version of a frame, and the canon version it came with.
    func currentVersion(ofFrame frameId: Int64) throws -> (frameVersionId: Int64, canonVersionId: Int64)?
    /// A quarter's figures as `quarter close` keeps them: a JSON array of
    /// `[goal_id, person_id, status, progress, score, weight]` per goal, in goal order.
    func quarterFigures(_ quarter: String) throws -> String
    /// What a copy's target needs once every row is in (PostgreSQL: its identity sequences).
    func finishCopy() throws
    /// A query for the key after the highest of `table` (person, goal or checkin), over every row,
    /// whoever asks: ``EngineSQL/nextKey(_:in:)`` on SQLite.
    func nextKey(_ column: String, in table: String) -> String
    /// What an INSERT … SELECT adds so that its rows take the keys after `before` in `order`:
    /// nothing on SQLite, whose rowids do that already; the key column and a row number elsewhere.
    func newKeys(_ column: String, after before: Int64, order: String) -> (column: String, value: String)
    /// The type of a key column in a temporary table: SQLite's rowid (INTEGER), PostgreSQL's BIGINT.
    var keyType: String { get }
    /// Tells the planner how large `tables` are now, in the middle of a long write: PostgreSQL
    /// plans from statistics that know nothing of this transaction's rows (nor ever of a temporary
    /// table's); SQLite's planner goes by its indexes and needs nothing.
    func refreshStatistics(_ tables: [String]) throws
}

/// One transaction as the services see it, on either engine: the reads of ``EngineReader`` and,
/// in a write transaction, the writes of ``EngineWriter``, in SQL both engines run as written.
/// Settings are read once, history rows go through one prepared statement, and each employee id
/// is looked up once.
final class SQLSession<Runner: SQLEngineRunner>: EngineWriter {
    let sql: Runner
    /// The stamp of a write transaction; nil in a read transaction.
    let stamp: WriteStamp?
    private var cachedSettings: ProgressSettings?
    private var historyWriter: HistoryWriter<Runner.Statement>?
    private var personKeys: [String: Int64] = [:]
    /// The last id list bound (``idList(_:)``): a report passes its goals' ids to several reads.
    private var lastIdList: (ids: [Int64], list: (sql: String, argument: SQLValue))?

    init(_ sql: Runner, stamp: WriteStamp?) {
        self.sql = sql
        self.stamp = stamp
    }

    /// A subquery over `ids` and its one argument, kept for the next read of the same ids.
    func idList(_ ids: [Int64]) -> (sql: String, argument: SQLValue) {
        if let last = lastIdList, last.ids == ids { return last.list }
        let list = sql.idList(ids)
        lastIdList = (ids, list)
        return list
    }

    // MARK: - Reading

    func settings() throws -> ProgressSettings {
        if let cachedSettings { return cachedSettings }
        let settings = try sql.settings()
        cachedSettings = settings
        return settings
    }

    func goal(_ goalId: Int64) throws -> Goal { try sql.goal(goalId) }

    func closedAt(_ quarter: String) throws -> String? {
        guard let quarter = Quarter(quarter) else { return nil }
        return try sql.closedAt(quarter)
    }

    func requirePerson(_ employeeId: String) throws { _ = try personKey(employeeId) }

    func alignedTo(_ goalId: Int64) throws -> Int64? { try sql.int("SELECT aligned_to FROM goal WHERE goal_id = ?", [goalId]) }

    func checkIn(_ checkInId: Int64) throws -> (checkIn: CheckIn, correctedBy: Int64?)? {
        guard let checkIn = try sql.checkins(where: "checkin_id = ?", [checkInId]).first else { return nil }
        let later = try sql.int("SELECT max(checkin_id) FROM checkin WHERE corrects_checkin_id = ?", [checkInId])
        return (checkIn, later)
    }

    func lastHistoryId(_ goalId: Int64) throws -> Int64 {
        try sql.int("SELECT max(history_id) FROM history WHERE goal_id = ?", [goalId]) ?? 0
    }

    func history(of goalId: Int64, after mark: Int64) throws -> [HistoryEntry] {
        try sql.all(EngineSQL.historySelect + " WHERE goal_id = ? AND history_id > ? ORDER BY history_id", [goalId, mark], EngineSQL.historyEntry)
    }

    /// The stored key of a person, looked up once per transaction.
    func personKey(_ employeeId: String) throws -> Int64 {
        if let key = personKeys[employeeId] { return key }
        let key = try sql.personId(employeeId)
        personKeys[employeeId] = key
        return key
    }

    /// Keeps a person's key read with other columns, so that it is not looked up again.
    func remember(_ employeeId: String, key: Int64) { personKeys[employeeId] = key }

    /// The team CTE (``EngineSQL/teamCTE(root:below:)``) of a head named by employee id.
    func teamCTE(_ head: String, below: Bool) throws -> String { EngineSQL.teamCTE(root: try personKey(head), below: below) }

    // MARK: - Canon

    func frameSummaries() throws -> [FrameSummary] { try sql.frameSummaries() }
    func currentFrames() throws -> [FrameLookup.Candidate] { try sql.currentFrames() }
    func frame(versionId: Int64) throws -> Frame { try sql.frame(versionId: versionId) }
    func currentVersion(ofFrame frameId: Int64) throws -> (frameVersionId: Int64, canonVersionId: Int64)? {
        try sql.currentVersion(ofFrame: frameId)
    }

    // MARK: - Writing

    func writeStamp() throws -> WriteStamp {
        guard let stamp else { throw GoalbookError.refused("this command only reads; nothing was written") }
        return stamp
    }

    func history() throws -> HistoryWriter<Runner.Statement> {
        if let historyWriter { return historyWriter }
        let stamp = try writeStamp()
        let writer = HistoryWriter(
            insert: try sql.prepare(EngineSQL.historyInsert), stamp: Timestamp.string(stamp.now), recorded: Timestamp.string(stamp.recordedAt),
            actor: stamp.actor, command: stamp.command)
        historyWriter = writer
        return writer
    }

    func apply(_ plan: GoalPlan) throws {
        try checkDated(plan)
        let goalId = plan.goalId
        for write in plan.writes {
            switch write {
            case .slot(let item, let slot):
                try sql.execute(
                    "UPDATE goal_slot SET value = ?, number = ?, unit = ? WHERE goal_id = ? AND item = ? AND slot = ?",
                    [slot.value, slot.number, slot.unit, goalId, item, slot.slot.rawValue])
            case .direction(let item, let direction):
                try sql.execute("UPDATE goal_item SET direction = ? WHERE goal_id = ? AND item = ?", [direction?.rawValue, goalId, item])
            case .keep(let item, let keep, let tolerance):
                try sql.execute(
                    "UPDATE goal_item SET keep = ?, tolerance = ? WHERE goal_id = ? AND item = ?", [keep?.rawValue, tolerance, goalId, item])
            case .itemWeight(let item, let weight):
                try sql.execute("UPDATE goal_item SET weight = ? WHERE goal_id = ? AND item = ?", [weight, goalId, item])
            case .weight(let weight):
                try sql.execute("UPDATE goal SET weight = ? WHERE goal_id = ?", [weight, goalId])
            case .owner(let employeeId):
                try sql.execute("UPDATE goal SET person_id = ? WHERE goal_id = ?", [try personKey(employeeId), goalId])
            case .status(let status):
                try sql.execute("UPDATE goal SET status = ? WHERE goal_id = ?", [status.rawValue, goalId])
            case .alignedTo(let target):
                try sql.execute("UPDATE goal SET aligned_to = ? WHERE goal_id = ?", [target, goalId])
            case .score(let score):
                try sql.execute("UPDATE goal SET score = ? WHERE goal_id = ?", [score, goalId])
            }
        }
        try record(plan.history, goal: goalId)
    }

    /// Appends a goal's history rows, in order.
    func record(_ rows: [PlannedHistory], goal goalId: Int64) throws {
        guard !rows.isEmpty else { return }
        let history = try history()
        for row in rows {
            try history.record(
                person: try personKey(row.person), goal: goalId, item: row.item, field: row.field, old: row.old, new: row.new, note: row.note)
        }
    }

    func record(_ checkIn: NewCheckIn) throws -> CheckIn {
        let stamp = try writeStamp()
        let measure = checkIn.measure
        guard
            let id = try sql.int(
                """
                INSERT INTO checkin (checkin_id, goal_id, item, value, number, unit, checked_on, confidence, note, corrects_checkin_id,
                                     recorded_at, actor)
                VALUES ((\(sql.nextKey("checkin_id", in: "checkin"))), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING checkin_id
                """,
                [
                    checkIn.goalId, checkIn.item, measure.description, measure.number, measure.unit, checkIn.day.description,
                    checkIn.confidence, checkIn.note, checkIn.corrects, Timestamp.string(stamp.recordedAt), stamp.actor,
                ]),
            let stored = try sql.checkins(where: "checkin_id = ?", [id]).first
        else {
            throw GoalbookError.refused("the check-in was not stored")
        }
        return stored
    }

    func createGoals(
        _ members: GoalMembers, quarter: Quarter, framework: Framework, rows: [Int]?, each: (GoalCreation) throws -> Void
    ) throws -> GoalCreationTotals {
        let stamp = try writeStamp()
        let dated = try checkDatedGoals(of: quarter)
        let batch = GoalBatch(
            quarter: quarter, framework: framework, rows: rows, stamp: Timestamp.string(stamp.now), recorded: Timestamp.string(stamp.recordedAt),
            actor: stamp.actor, command: stamp.command, progress: stamp.progress)
        // Dated goals need their owners' names, to check each was added by then; only then are they kept.
        var owners = Set<String>()
        let handOn: (GoalCreation) throws -> Void = { person in
            if dated != nil && !person.created.isEmpty { owners.insert(person.employeeId) }
            try each(person)
        }
        let totals: GoalCreationTotals
        switch members {
        case .person(let employeeId):
            totals = try batch.create(
                sql, members: "SELECT person_id, frame_id FROM person WHERE person_id = ?", [try personKey(employeeId)], each: handOn)
        case .team(let head, let below, let activeOn):
            totals = try batch.create(
                sql,
                members: try teamCTE(head, below: below) + """
                    SELECT p.person_id, p.frame_id FROM person AS p
                    WHERE p.person_id IN (SELECT person_id FROM team) AND (p.left_on IS NULL OR p.left_on >= ?)
                    """, [activeOn.description], each: handOn)
        }
        if let dated { try checkOwnersExisted(owners, at: dated) }
        return totals
    }

    func unscored(_ quarter: Quarter) throws -> [String] { try sql.unscored(quarter) }

    func close(_ quarter: Quarter, note: String?) throws {
        let stamp = try writeStamp()
        try sql.execute(
            "INSERT INTO closed_quarter (quarter, closed_at, closed_by, note, figures) VALUES (?, ?, ?, ?, ?)",
            [quarter.description, Timestamp.string(stamp.now), stamp.actor, note, try sql.quarterFigures(quarter.description)])
        try history().record(person: nil, field: "quarter", old: "open", new: "closed \(quarter)", note: note)
    }

    func reopen(_ quarter: Quarter, note: String) throws {
        try sql.execute("DELETE FROM closed_quarter WHERE quarter = ?", [quarter.description])
        try history().record(person: nil, field: "quarter", old: "closed", new: "open \(quarter)", note: note)
    }
}
