import Foundation
import GRDB

/// One SQLite transaction as the services see it: the reads of ``EngineReader`` and, in a write
/// transaction, the writes of ``EngineWriter``. Settings are read once, history rows go through
/// one prepared statement, and each employee id is looked up once.
final class SQLiteSession: EngineWriter {
    let db: Database
    /// The stamp of a write transaction; nil in a read transaction.
    let stamp: WriteStamp?
    private var cachedSettings: ProgressSettings?
    private var historyWriter: HistoryWriter?
    private var personKeys: [String: Int64] = [:]
    /// The last id list written as JSON (``jsonArray(_:)``).
    var lastIdList: (ids: [Int64], json: String)?

    init(db: Database, stamp: WriteStamp?) {
        self.db = db
        self.stamp = stamp
    }

    // MARK: - Reading

    func settings() throws -> ProgressSettings {
        if let cachedSettings { return cachedSettings }
        let settings = try SQLiteEngine.settings(db: db)
        cachedSettings = settings
        return settings
    }

    func goal(_ goalId: Int64) throws -> Goal { try SQLiteEngine.goal(goalId, db: db) }

    func closedAt(_ quarter: String) throws -> String? {
        guard let quarter = Quarter(quarter) else { return nil }
        return try SQLiteEngine.closedAt(quarter, db: db)
    }

    func requirePerson(_ employeeId: String) throws { _ = try personKey(employeeId) }

    func alignedTo(_ goalId: Int64) throws -> Int64? {
        try Int64?.fetchOne(db, sql: "SELECT aligned_to FROM goal WHERE goal_id = ?", arguments: [goalId]) ?? nil
    }

    func checkIn(_ checkInId: Int64) throws -> (checkIn: CheckIn, correctedBy: Int64?)? {
        guard let checkIn = try SQLiteEngine.checkins(db: db, where: "checkin_id = ?", [checkInId]).first else { return nil }
        let later = try Int64.fetchOne(db, sql: "SELECT max(checkin_id) FROM checkin WHERE corrects_checkin_id = ?", arguments: [checkInId])
        return (checkIn, later)
    }

    func lastHistoryId(_ goalId: Int64) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(history_id) FROM history WHERE goal_id = ?", arguments: [goalId]) ?? 0
    }

    func history(of goalId: Int64, after mark: Int64) throws -> [HistoryEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT changed_at, actor, command, item, field, old_value, new_value, note FROM history
                WHERE goal_id = ? AND history_id > ? ORDER BY history_id
                """, arguments: [goalId, mark]
        ).map(EngineSQL.historyEntry)
    }

    /// The stored key of a person, looked up once per transaction.
    func personKey(_ employeeId: String) throws -> Int64 {
        if let key = personKeys[employeeId] { return key }
        let key = try SQLiteEngine.personId(employeeId, db: db)
        personKeys[employeeId] = key
        return key
    }

    /// Keeps a person's key read with other columns, so that it is not looked up again.
    func remember(_ employeeId: String, key: Int64) { personKeys[employeeId] = key }

    // MARK: - Writing

    func writeStamp() throws -> WriteStamp {
        guard let stamp else { throw GoalbookError.refused("this command only reads; nothing was written") }
        return stamp
    }

    func history() throws -> HistoryWriter {
        if let historyWriter { return historyWriter }
        let stamp = try writeStamp()
        let writer = try HistoryWriter(db: db, stamp: Timestamp.string(stamp.now), actor: stamp.actor, command: stamp.command)
        historyWriter = writer
        return writer
    }

    func apply(_ plan: GoalPlan) throws {
        let goalId = plan.goalId
        for write in plan.writes {
            switch write {
            case .slot(let item, let slot):
                try db.execute(
                    sql: "UPDATE goal_slot SET value = ?, number = ?, unit = ? WHERE goal_id = ? AND item = ? AND slot = ?",
                    arguments: [slot.value, slot.number, slot.unit, goalId, item, slot.slot.rawValue])
            case .direction(let item, let direction):
                try db.execute(
                    sql: "UPDATE goal_item SET direction = ? WHERE goal_id = ? AND item = ?", arguments: [direction?.rawValue, goalId, item])
            case .keep(let item, let keep, let tolerance):
                try db.execute(
                    sql: "UPDATE goal_item SET keep = ?, tolerance = ? WHERE goal_id = ? AND item = ?",
                    arguments: [keep?.rawValue, tolerance, goalId, item])
            case .itemWeight(let item, let weight):
                try db.execute(sql: "UPDATE goal_item SET weight = ? WHERE goal_id = ? AND item = ?", arguments: [weight, goalId, item])
            case .weight(let weight):
                try db.execute(sql: "UPDATE goal SET weight = ? WHERE goal_id = ?", arguments: [weight, goalId])
            case .owner(let employeeId):
                try db.execute(sql: "UPDATE goal SET person_id = ? WHERE goal_id = ?", arguments: [try personKey(employeeId), goalId])
            case .status(let status):
                try db.execute(sql: "UPDATE goal SET status = ? WHERE goal_id = ?", arguments: [status.rawValue, goalId])
            case .alignedTo(let target):
                try db.execute(sql: "UPDATE goal SET aligned_to = ? WHERE goal_id = ?", arguments: [target, goalId])
            case .score(let score):
                try db.execute(sql: "UPDATE goal SET score = ? WHERE goal_id = ?", arguments: [score, goalId])
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
        try db.execute(
            sql: """
                INSERT INTO checkin (goal_id, item, value, number, unit, checked_on, confidence, note, corrects_checkin_id, recorded_at, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                checkIn.goalId, checkIn.item, measure.description, measure.number, measure.unit, checkIn.day.description,
                checkIn.confidence, checkIn.note, checkIn.corrects, Timestamp.string(stamp.now), stamp.actor,
            ])
        guard let stored = try SQLiteEngine.checkins(db: db, where: "checkin_id = ?", [db.lastInsertedRowID]).first else {
            throw GoalbookError.refused("the check-in was not stored")
        }
        return stored
    }

    func createGoals(_ members: GoalMembers, quarter: Quarter, framework: Framework, rows: [Int]?) throws -> [GoalCreation] {
        let stamp = try writeStamp()
        let batch = GoalBatch(
            quarter: quarter, framework: framework, rows: rows, stamp: Timestamp.string(stamp.now), actor: stamp.actor, command: stamp.command)
        switch members {
        case .person(let employeeId):
            return try batch.create(db: db, members: "SELECT person_id, frame_id FROM person WHERE person_id = ?", [try personKey(employeeId)])
        case .team(let head, let below, let activeOn):
            let team = try SQLiteEngine.teamCTE(head, below: below, db: db)
            return try batch.create(
                db: db,
                members: team + """
                    SELECT p.person_id, p.frame_id FROM person AS p
                    WHERE p.person_id IN team AND (p.left_on IS NULL OR p.left_on >= ?)
                    """, [activeOn.description])
        }
    }

    func unscored(_ quarter: Quarter) throws -> [String] { try SQLiteEngine.unscored(quarter, db: db) }

    func close(_ quarter: Quarter, note: String?) throws {
        let stamp = try writeStamp()
        try db.execute(
            sql: "INSERT INTO closed_quarter (quarter, closed_at, closed_by, note, figures) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                quarter.description, Timestamp.string(stamp.now), stamp.actor, note, try SQLiteEngine.quarterFigures(quarter.description, db: db),
            ])
        try history().record(person: nil, field: "quarter", old: "open", new: "closed \(quarter)", note: note)
    }

    func reopen(_ quarter: Quarter, note: String) throws {
        try db.execute(sql: "DELETE FROM closed_quarter WHERE quarter = ?", arguments: [quarter.description])
        try history().record(person: nil, field: "quarter", old: "closed", new: "open \(quarter)", note: note)
    }
}

extension SQLiteEngine: GoalbookEngine {
    public var location: String { path }
    public var schema: SchemaState { SchemaState(created: wasCreated, before: schemaVersionBefore, current: Self.schemaVersion) }

    public func reading<T>(_ body: (any EngineReader) throws -> T) throws -> T {
        try read { db in try body(SQLiteSession(db: db, stamp: nil)) }
    }

    public func writing<T>(_ stamp: WriteStamp, dryRun: Bool, _ body: (any EngineWriter) throws -> T) throws -> T {
        try write(rollback: dryRun) { db in try body(SQLiteSession(db: db, stamp: stamp)) }
    }
}
