import Foundation

/// People: importing, adding and changing them, their leaving, and reading them with their history.
public struct PeopleService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// Adds or updates people in one transaction after checking every row: the frame exists, ids
    /// are unique, managers exist (in the batch or the database) and form no cycle. Every problem
    /// is reported at once, as `file:line: problem`, and nothing is written.
    public func write(
        _ inputs: [PersonInput], file: String, mode: PeopleMode, actor: String, command: String, inputProblems: [InputIssue] = [],
        now: Date = Date()
    ) throws -> PeopleChangeSummary {
        try engine.writePeople(inputs, file: file, mode: mode, actor: actor, command: command, inputProblems: inputProblems, now: now)
    }

    /// Ends a person's employment on `date` (their last day); false when it was so already.
    public func leave(_ employeeId: String, on date: Day, actor: String, now: Date = Date()) throws -> Bool {
        try engine.leave(employeeId, on: date, actor: actor, now: now)
    }

    /// People, ordered by id; with `team`, that manager and everyone below them at any depth.
    public func people(team: String? = nil, below: Bool = false) throws -> [Person] { try engine.people(team: team, below: below) }

    /// One person, by employee id.
    public func person(_ employeeId: String) throws -> Person { try engine.person(employeeId) }

    /// A person's history, oldest first.
    public func history(_ employeeId: String) throws -> [HistoryEntry] { try engine.personHistory(employeeId) }
}
