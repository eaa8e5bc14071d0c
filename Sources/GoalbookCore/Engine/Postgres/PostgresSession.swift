import Foundation

/// One PostgreSQL transaction as the services see it: the reads of ``EngineReader`` and, in a
/// write transaction, the writes of ``EngineWriter``.
///
/// The canon (`PostgresEngine+Canon.swift`) and people (`PostgresSession+People.swift`) are
/// here today. Goals, check-ins, quarters and reports come next; until then each of those
/// operations refuses with ``PostgresSession/notYet(_:)``, before anything is written.
final class PostgresSession: EngineWriter {
    let connection: PostgresConnection
    /// The stamp of a write transaction; nil in a read transaction.
    let stamp: WriteStamp?
    private var personKeys: [String: Int64] = [:]

    init(connection: PostgresConnection, stamp: WriteStamp?) {
        self.connection = connection
        self.stamp = stamp
    }

    /// The refusal of an operation this engine does not have yet.
    func notYet(_ what: String) -> GoalbookError {
        .refused(
            "\(what) are not on PostgreSQL yet: this Goalbook keeps the canon, templates and people there; use a SQLite file for the rest")
    }

    // MARK: - People's keys, the stamp and history

    func requirePerson(_ employeeId: String) throws { _ = try personKey(employeeId) }

    /// The stored key of a person, looked up once per transaction.
    func personKey(_ employeeId: String) throws -> Int64 {
        if let key = personKeys[employeeId] { return key }
        let key = try EngineSQL.personId(
            employeeId, lookup: { try connection.query(EngineSQL.personIdSelect, [$0]).rows.first?.int64("person_id") },
            candidates: { try connection.query(EngineSQL.employeeIdsSelect).rows.map { $0.text("employee_id") } })
        personKeys[employeeId] = key
        return key
    }

    /// Keeps a person's key read with other columns, so that it is not looked up again.
    func remember(_ employeeId: String, key: Int64) { personKeys[employeeId] = key }

    func writeStamp() throws -> WriteStamp {
        guard let stamp else { throw GoalbookError.refused("this command only reads; nothing was written") }
        return stamp
    }

    /// Appends one history row with the transaction's stamp.
    func recordHistory(
        person: Int64?, goal: Int64? = nil, item: String? = nil, field: String, old: String?, new: String?, note: String? = nil
    ) throws {
        let stamp = try writeStamp()
        try connection.query(
            EngineSQL.historyInsert, [Timestamp.string(stamp.now), stamp.actor, stamp.command, person, goal, item, field, old, new, note])
    }

    // MARK: - Not on PostgreSQL yet

    func settings() throws -> ProgressSettings { throw notYet("settings") }
    func goal(_ goalId: Int64) throws -> Goal { throw notYet("goals") }
    func closedAt(_ quarter: String) throws -> String? { throw notYet("quarters") }
    func alignedTo(_ goalId: Int64) throws -> Int64? { throw notYet("goals") }
    func checkIn(_ checkInId: Int64) throws -> (checkIn: CheckIn, correctedBy: Int64?)? { throw notYet("check-ins") }
    func lastHistoryId(_ goalId: Int64) throws -> Int64 { throw notYet("goals") }
    func history(of goalId: Int64, after mark: Int64) throws -> [HistoryEntry] { throw notYet("goals") }
    func goals(_ filter: GoalFilter) throws -> [Goal] { throw notYet("goals") }
    func rebuilt(_ goal: Goal, asOf: String) throws -> Goal? { throw notYet("goals") }
    func goalHistory(_ goalId: Int64) throws -> [HistoryEntry] { throw notYet("goals") }
    func alignedUnder(_ goalId: Int64) throws -> [Int64] { throw notYet("goals") }
    func checkins(_ goalId: Int64) throws -> [CheckIn] { throw notYet("check-ins") }
    func existingGoal(of employeeId: String, quarter: Quarter, framework: Framework, frameId: Int64, row: Int) throws -> Int64? {
        throw notYet("goals")
    }
    func latestCheckIn(_ goalId: Int64, item: String) throws -> GoalSlot? { throw notYet("check-ins") }
    func carriedInto(_ goalId: Int64, quarter: Quarter) throws -> Int64? { throw notYet("goals") }
    func checkins(_ goalId: Int64, through day: Day) throws -> [CheckIn] { throw notYet("check-ins") }
    func people(asOf: String?) throws -> [PersonAsOf] { throw notYet("reports") }
    func reportGoals(quarter: Quarter, asOf: String?, people: [Int64], only: GoalSelection?) throws -> [Goal] { throw notYet("reports") }
    func checkins(ofGoals goalIds: [Int64], recordedBy asOf: String, through day: Day) throws -> [CheckIn] { throw notYet("reports") }
    func changes(ofGoals goalIds: [Int64], from start: String, through end: String, _ body: (RecordedChange) throws -> Void) throws {
        throw notYet("reports")
    }
    func owners(of goalIds: [Int64]) throws -> [Int64: String] { throw notYet("reports") }
    func scorers(_ quarter: Quarter, through asOf: String) throws -> [Int64: (actor: String, at: String)] { throw notYet("scores") }

    func apply(_ plan: GoalPlan) throws { throw notYet("goals") }
    func insert(_ carried: CarriedGoal) throws -> Int64 { throw notYet("goals") }
    func record(_ checkIn: NewCheckIn) throws -> CheckIn { throw notYet("check-ins") }
    func createGoals(_ members: GoalMembers, quarter: Quarter, framework: Framework, rows: [Int]?) throws -> [GoalCreation] {
        throw notYet("goals")
    }
    func unscored(_ quarter: Quarter) throws -> [String] { throw notYet("quarters") }
    func close(_ quarter: Quarter, note: String?) throws { throw notYet("quarters") }
    func reopen(_ quarter: Quarter, note: String) throws { throw notYet("quarters") }
}
