import Foundation

/// One PostgreSQL transaction as the services see it: the reads of ``EngineReader`` and, in a
/// write transaction, the writes of ``EngineWriter``.
///
/// The canon's reads are here today (`PostgresEngine+Canon.swift`). People, goals, check-ins,
/// quarters and reports come with their migrations; until then each of those operations refuses
/// with ``PostgresSession/notYet(_:)``, before anything is written.
final class PostgresSession: EngineWriter {
    let connection: PostgresConnection
    /// The stamp of a write transaction; nil in a read transaction.
    let stamp: WriteStamp?

    init(connection: PostgresConnection, stamp: WriteStamp?) {
        self.connection = connection
        self.stamp = stamp
    }

    /// The refusal of an operation this engine does not have yet.
    func notYet(_ what: String) -> GoalbookError {
        .refused("\(what) are not on PostgreSQL yet: this Goalbook keeps the canon and templates there; use a SQLite file for the rest")
    }

    // MARK: - Not on PostgreSQL yet

    func settings() throws -> ProgressSettings { throw notYet("settings") }
    func goal(_ goalId: Int64) throws -> Goal { throw notYet("goals") }
    func closedAt(_ quarter: String) throws -> String? { throw notYet("quarters") }
    func requirePerson(_ employeeId: String) throws { throw notYet("people") }
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
    func frames() throws -> FrameIndex { throw notYet("people") }
    func storedPeople() throws -> [PeoplePlan.Stored] { throw notYet("people") }
    func people(team: String?, below: Bool) throws -> [Person] { throw notYet("people") }
    func person(_ employeeId: String) throws -> Person { throw notYet("people") }
    func personHistory(_ employeeId: String) throws -> [HistoryEntry] { throw notYet("people") }
    func people(asOf: String?) throws -> [PersonAsOf] { throw notYet("reports") }
    func reportGoals(quarter: Quarter, asOf: String?, people: [Int64], only: GoalSelection?) throws -> [Goal] { throw notYet("reports") }
    func checkins(ofGoals goalIds: [Int64], recordedBy asOf: String, through day: Day) throws -> [CheckIn] { throw notYet("reports") }
    func changes(ofGoals goalIds: [Int64], from start: String, through end: String, _ body: (RecordedChange) throws -> Void) throws {
        throw notYet("reports")
    }
    func owners(of goalIds: [Int64]) throws -> [Int64: String] { throw notYet("reports") }
    func scorers(_ quarter: Quarter, through asOf: String) throws -> [Int64: (actor: String, at: String)] { throw notYet("scores") }

    func apply(_ plan: GoalPlan) throws { throw notYet("goals") }
    func apply(_ plan: PeoplePlan) throws { throw notYet("people") }
    func leave(_ employeeId: String, on date: Day, was old: String?) throws { throw notYet("people") }
    func insert(_ carried: CarriedGoal) throws -> Int64 { throw notYet("goals") }
    func record(_ checkIn: NewCheckIn) throws -> CheckIn { throw notYet("check-ins") }
    func createGoals(_ members: GoalMembers, quarter: Quarter, framework: Framework, rows: [Int]?) throws -> [GoalCreation] {
        throw notYet("goals")
    }
    func unscored(_ quarter: Quarter) throws -> [String] { throw notYet("quarters") }
    func close(_ quarter: Quarter, note: String?) throws { throw notYet("quarters") }
    func reopen(_ quarter: Quarter, note: String) throws { throw notYet("quarters") }
}
