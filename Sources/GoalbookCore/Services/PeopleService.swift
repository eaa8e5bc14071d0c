import Foundation

/// People: importing, adding and changing them, their leaving, and reading them with their history.
public struct PeopleService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// Adds or updates people in one transaction after checking every row (``PeoplePlan``): the
    /// frame exists, ids are unique, managers exist (in the batch or the database) and form no
    /// cycle. Every problem is reported at once, as `file:line: problem`, and nothing is written.
    /// - Parameter inputProblems: problems already found reading the file, reported with the rest.
    public func write(
        _ inputs: [PersonInput], file: String, mode: PeopleMode, actor: String, command: String, inputProblems: [InputIssue] = [],
        now: Date = Date(), dated: Day? = nil, progress: ProgressMeter? = nil
    ) throws -> PeopleChangeSummary {
        try engine.writing(try WriteStamp(actor: actor, command: command, now: now, dated: dated, progress: progress), dryRun: false) { tx in
            let plan = try PeoplePlan.plan(
                inputs, file: file, mode: mode, stored: try tx.storedPeople(named: PeoplePlan.named(by: inputs)), frames: try tx.frames(),
                inputProblems: inputProblems)
            try tx.apply(plan)
            return plan.summary
        }
    }

    /// Ends a person's employment on `date` (their last day); false when it was so already. They
    /// and their goals stay in every report.
    public func leave(_ employeeId: String, on date: Day, actor: String, now: Date = Date()) throws -> Bool {
        try engine.writing(WriteStamp(actor: actor, command: "people leave", now: now), dryRun: false) { tx in
            let person = try tx.person(employeeId)
            guard person.leftOn != date.description else { return false }
            try tx.leave(employeeId, on: date, was: person.leftOn)
            return true
        }
    }

    /// People, ordered by id; with `team`, that manager and everyone below them at any depth.
    public func people(team: String? = nil, below: Bool = false) throws -> [Person] {
        try engine.reading { try $0.people(team: team, below: below) }
    }

    /// One person, by employee id.
    public func person(_ employeeId: String) throws -> Person { try engine.reading { try $0.person(employeeId) } }

    /// A person's history, oldest first.
    public func history(_ employeeId: String) throws -> [HistoryEntry] { try engine.reading { try $0.personHistory(employeeId) } }
}
