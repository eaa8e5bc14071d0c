import Foundation

/// Who writes, with which command, and when: every row one command writes carries the same stamp.
public struct WriteStamp: Sendable, Equatable {
    /// Who is acting, for the record.
    public var actor: String
    /// The command, as history names it (`goals set`).
    public var command: String
    /// The one clock reading of the command: when its changes take effect (`history.changed_at`).
    /// A write dated back with `--date` takes effect on that day, at this clock time of day.
    public var now: Date
    /// When the command ran (`history.recorded_at`): `now`, unless the write is dated back.
    public var recordedAt: Date
    /// Where long writes say how far they are; nil for no progress line.
    public var progress: ProgressMeter?

    public init(actor: String, command: String, now: Date = Date(), progress: ProgressMeter? = nil) {
        self.actor = actor
        self.command = command
        self.now = now
        self.recordedAt = now
        self.progress = progress
    }

    /// A stamp whose changes take effect on `day` (nil: now), at the clock's time of day. A day
    /// after the clock's is refused; the clock's own day is the same as no date.
    public init(actor: String, command: String, now clock: Date = Date(), dated day: Day?, progress: ProgressMeter? = nil) throws {
        self.init(actor: actor, command: command, now: clock, progress: progress)
        guard let day else { return }
        let today = Day(clock)
        guard day <= today else {
            throw GoalbookError.invalidArgument("--date \(day) is in the future (today is \(today), UTC): a change can be dated back, not ahead")
        }
        now = clock.addingTimeInterval(-Double(today.dayNumber - day.dayNumber) * 86_400)
    }

    /// The day the changes take effect when it is before the day they are recorded (`--date`); nil otherwise.
    public var datedDay: Day? { Day(now) < Day(recordedAt) ? Day(now) : nil }

    /// Two stamps are the same write whatever their progress lines.
    public static func == (a: WriteStamp, b: WriteStamp) -> Bool {
        (a.actor, a.command, a.now, a.recordedAt) == (b.actor, b.command, b.now, b.recordedAt)
    }
}

/// What opening a database found and did to its schema.
public struct SchemaState: Sendable, Equatable {
    /// True when this open created the schema (and imported the built-in canon with it).
    public var created: Bool
    /// The schema version before this open (0 for a new database).
    public var before: Int
    /// The schema version now: the number of migrations this Goalbook carries for the engine.
    public var current: Int
}

/// The seam between the services, which decide, and a database engine, which stores: everything
/// an engine must implement. Services see only this protocol and the two below it; all SQL, and
/// everything else an engine needs, lives behind it (`Engine/SQLite` today).
///
/// An operation in a transaction is a method of ``EngineReader`` or ``EngineWriter``, handed to
/// the service's closure by ``reading(_:)`` or ``writing(_:dryRun:_:)``. The canon import is one
/// transaction of its own, since an engine also runs it when it creates a database.
public protocol GoalbookEngine: AnyObject {
    /// Where the database is, as the user named it (a URL without its password).
    var location: String { get }
    /// What opening found: a database created now, or the schema version it had and has.
    var schema: SchemaState { get }

    /// Runs `body` in one read transaction: everything it reads is of one moment.
    func reading<T>(_ body: (any EngineReader) throws -> T) throws -> T

    /// Runs `body` in one write transaction, whose rows all carry `stamp`. Any thrown error rolls
    /// everything back, and with `dryRun` the transaction is rolled back even when `body` succeeds.
    func writing<T>(_ stamp: WriteStamp, dryRun: Bool, _ body: (any EngineWriter) throws -> T) throws -> T

    // MARK: - Canon, whole

    /// Stores parsed canon documents, all in one transaction.
    func importCanon(_ documents: [CanonDocument], actor: String, now: Date, progress: ProgressMeter?) throws -> [CanonImportOutcome]

    /// The data dictionary the database holds: every table, view and column, described.
    func dictionary() throws -> [DictionaryEntry]
}

extension GoalbookEngine {
    /// Imports the canon embedded in the binary; files already imported change nothing.
    public func importBuiltInCanon(actor: String, now: Date = Date()) throws -> [CanonImportOutcome] {
        try importCanon(CanonImport.builtInDocuments(), actor: actor, now: now, progress: nil)
    }
}

/// The reads a service makes inside a transaction.
public protocol EngineReader {
    /// The organization's settings, read once per transaction.
    func settings() throws -> ProgressSettings
    /// A stored goal with its items and slots, as it is now; not found names it.
    func goal(_ goalId: Int64) throws -> Goal
    /// When the quarter was closed, or nil while it is open.
    func closedAt(_ quarter: String) throws -> String?
    /// Refuses an employee id that names nobody, with close matches.
    func requirePerson(_ employeeId: String) throws
    /// The goal a goal is aligned to, nil for none or for no such goal.
    func alignedTo(_ goalId: Int64) throws -> Int64?
    /// A check-in by id, and the correction made of it already, if any.
    func checkIn(_ checkInId: Int64) throws -> (checkIn: CheckIn, correctedBy: Int64?)?
    /// The newest history row of a goal (0 for none): a mark to see later changes by.
    func lastHistoryId(_ goalId: Int64) throws -> Int64
    /// A goal's history after a mark from ``lastHistoryId(_:)``, oldest first.
    func history(of goalId: Int64, after mark: Int64) throws -> [HistoryEntry]
    /// Goals matching the filter, ordered by person and id; with `asOf`, as they were then.
    func goals(_ filter: GoalFilter) throws -> [Goal]
    /// A goal as it stood at `asOf`, rebuilt from its history; nil when it did not exist yet (or
    /// its creation was recorded after `asOf.recorded`).
    func rebuilt(_ goal: Goal, asOf: PastView) throws -> Goal?
    /// Every change to a goal, oldest first.
    func goalHistory(_ goalId: Int64) throws -> [HistoryEntry]
    /// The goals aligned straight under a goal (any status), by id.
    func alignedUnder(_ goalId: Int64) throws -> [Int64]
    /// A goal's check-ins, oldest first (by date, then as recorded), corrections included.
    func checkins(_ goalId: Int64) throws -> [CheckIn]
    /// The goal a person has for a template row in a quarter, if any.
    func existingGoal(of employeeId: String, quarter: Quarter, framework: Framework, frameId: Int64, row: Int) throws -> Int64?
    /// An item's latest check-in that no correction replaced, as a baseline slot.
    func latestCheckIn(_ goalId: Int64, item: String) throws -> GoalSlot?
    /// The goal of `quarter` that continues a goal carried into it.
    func carriedInto(_ goalId: Int64, quarter: Quarter) throws -> Int64?
    /// A goal's check-ins dated up to `day`, oldest first.
    func checkins(_ goalId: Int64, through day: Day) throws -> [CheckIn]

    // MARK: Canon

    /// Every frame as it stands now, with its counts, ordered by family, function and level.
    func frameSummaries() throws -> [FrameSummary]
    /// The current version of every frame, to find one by name (``FrameLookup``).
    func currentFrames() throws -> [FrameLookup.Candidate]
    /// A stored frame version with its statements.
    func frame(versionId: Int64) throws -> Frame
    /// The newest version of a frame, and the canon version it came with.
    func currentVersion(ofFrame frameId: Int64) throws -> (frameVersionId: Int64, canonVersionId: Int64)?

    // MARK: People

    /// Every frame of the canon, to resolve the frames people name.
    func frames() throws -> FrameIndex
    /// The people stored that a batch is checked against: those `named` (when given) and everyone
    /// above them, else everyone. A batch names its people and their managers: the checks of
    /// ``PeoplePlan`` read no one else, as a cycle runs up through managers.
    func storedPeople(named: Set<String>?) throws -> [PeoplePlan.Stored]
    /// People, ordered by id; with `team`, that manager and everyone below them at any depth
    /// (with `below`, only the people below them).
    func people(team: String?, below: Bool) throws -> [Person]
    /// One person, by employee id; not found names close matches.
    func person(_ employeeId: String) throws -> Person
    /// A person's own history (not their goals'), oldest first.
    func personHistory(_ employeeId: String) throws -> [HistoryEntry]

    // MARK: Report reads

    /// Everyone as they were at `asOf` (now when nil), in the engine's key order. A person's field
    /// at T is the newest change at or before T; where the only changes came later, the value the
    /// first of them replaced; with no change at all, today's.
    func people(asOf: PastView?) throws -> [PersonAsOf]
    /// `root` and everyone below them (those who left too), as they are now or as they were at
    /// `asOf` (as ``people(asOf:)`` has them), in the engine's key order: what a report of a team
    /// reads, so that its cost follows the team and not the organization. A manager cycle ends the
    /// walk.
    func people(under root: String, asOf: PastView?) throws -> [PersonAsOf]
    /// One person as they are now or as they were at `asOf`; nil when they were not in Goalbook yet.
    func person(_ employeeId: String, asOf: PastView?) throws -> PersonAsOf?
    /// The owners of the goals `selection` picks in `quarter`, and for a team's selection the
    /// whole team, as they are now: what a goal tree reads.
    func people(owning selection: GoalSelection, quarter: Quarter) throws -> [PersonAsOf]
    /// The ids of the quarter's goals, in order: as they are now, of `people` (keys from
    /// ``people(asOf:)``); or as they were at `asOf`, those created by then that `people` held
    /// at some time up to it (their owners then are among them), all of them when `people` is
    /// nil. With `only`, the goals it selects instead. Callers keep the people they want.
    func reportGoalIds(quarter: Quarter, asOf: PastView?, people: [Int64]?, only: GoalSelection?) throws -> [Int64]
    /// Goals by id, in id order, with items and slots but no template text: as they are now, or
    /// as they were at `asOf` (those that did not exist yet left out). A report reads its goals
    /// this way a few thousand at a time, so that it never holds all of them at once.
    func reportGoals(_ ids: [Int64], asOf: PastView?) throws -> [Goal]
    /// The check-ins of goals dated up to `day` (and recorded by `recorded`, when given), goal by
    /// goal (by id) and in date order within each.
    func checkins(ofGoals goalIds: [Int64], recordedBy recorded: String?, through day: Day) throws -> [CheckIn]
    /// The changes a report lists (created; made done, dropped or carried; carried to; a target
    /// moved) to goals that took effect between two instants (and were recorded by
    /// `end.recorded`), oldest first, each handed to `body` as it is read.
    func changes(ofGoals goalIds: [Int64], from start: String, through end: PastView, _ body: (RecordedChange) throws -> Void) throws
    /// The owners of goals, by goal id.
    func owners(of goalIds: [Int64]) throws -> [Int64: String]
    /// Who gave each of the goals its latest score up to `asOf`, and when: looked up goal by goal,
    /// so that a team's scores cost its goals and not the quarter's.
    func scorers(ofGoals goalIds: [Int64], through asOf: PastView) throws -> [Int64: (actor: String, at: String)]
}

extension EngineReader {
    /// What the rules need to know around a goal: its quarter's state and the settings.
    public func context(_ goal: Goal) throws -> GoalContext {
        GoalContext(quarterClosedAt: try closedAt(goal.quarter), settings: try settings())
    }

    /// Refuses writes to a quarter that was closed.
    public func checkOpen(_ quarter: Quarter) throws {
        try Goal.checkQuarterOpen(quarter.description, closedAt: try closedAt(quarter.description))
    }
}

/// The writes a service makes inside a write transaction; each row carries the transaction's stamp.
public protocol EngineWriter: EngineReader {
    /// Writes a plan's fields and appends its history rows.
    func apply(_ plan: GoalPlan) throws
    /// Adds and changes people as the plan says, with history.
    func apply(_ plan: PeoplePlan) throws
    /// Ends a person's employment on `date` (their last day); `old` is what it was.
    func leave(_ employeeId: String, on date: Day, was old: String?) throws
    /// Stores a carried goal (its row, items, slots and history) and returns its id.
    func insert(_ carried: CarriedGoal) throws -> Int64
    /// Records a check-in and returns it as stored.
    func record(_ checkIn: NewCheckIn) throws -> CheckIn
    /// Creates goals from rows of one framework of each member's frame, skipping rows a member has
    /// a goal for already this quarter (listed as existing). Each member's result goes to `each`,
    /// in employee-id order, one at a time, so a million people are never held at once.
    func createGoals(
        _ members: GoalMembers, quarter: Quarter, framework: Framework, rows: [Int]?, each: (GoalCreation) throws -> Void
    ) throws -> GoalCreationTotals
    /// The active and done goals of a quarter that have no score: `G4 (E102)`, in goal order.
    func unscored(_ quarter: Quarter) throws -> [String]
    /// Closes a quarter: keeps its figures as they are now, with a history row.
    func close(_ quarter: Quarter, note: String?) throws
    /// Opens a closed quarter again, with a history row.
    func reopen(_ quarter: Quarter, note: String) throws
}

/// Whose goals ``EngineWriter/createGoals(_:quarter:framework:rows:each:)`` creates.
public enum GoalMembers: Sendable, Equatable {
    /// One person.
    case person(String)
    /// A team's head and everyone below them (with `below`, only those below) who had not left
    /// before `activeOn`.
    case team(String, below: Bool, activeOn: Day)
}
