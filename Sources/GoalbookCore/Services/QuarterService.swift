import Foundation

/// Quarters: closing one freezes its goals and figures, reopening takes a note, and the scores
/// list shows what is scored at its end.
public struct QuarterService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// Freezes a quarter: its goals and check-ins take no more writes. Says which active or done
    /// goals have no score; with `requireScores` it refuses to close while any are missing.
    /// Refused before the quarter's last day unless `early`.
    public func close(
        _ quarter: Quarter, note: String?, requireScores: Bool = false, early: Bool = false, actor: String, now: Date = Date()
    ) throws -> QuarterCloseResult {
        try engine.writing(WriteStamp(actor: actor, command: "quarter close", now: now), dryRun: false) { tx in
            if try tx.closedAt(quarter.description) != nil { return QuarterCloseResult(closed: false, unscored: []) }
            try quarter.checkFinished(on: Day(now), early: early, fiscalYearStartMonth: try tx.settings().fiscalYearStartMonth, what: "close it")
            let unscored = try tx.unscored(quarter)
            if requireScores && !unscored.isEmpty {
                throw GoalbookError.refused(
                    "\(quarter) was not closed: \(unscored.count) goal\(unscored.count == 1 ? " has" : "s have") no score: "
                        + QuarterCloseResult.list(unscored, quarter: quarter) + " (goalbook goals score G… VALUE, or close without --require-scores)")
            }
            try tx.close(quarter, note: note)
            return QuarterCloseResult(closed: true, unscored: unscored)
        }
    }

    /// Opens a closed quarter again, with a note for the record.
    public func reopen(_ quarter: Quarter, note: String, actor: String, now: Date = Date()) throws {
        try engine.writing(WriteStamp(actor: actor, command: "quarter reopen", now: now), dryRun: false) { tx in
            guard try tx.closedAt(quarter.description) != nil else { throw GoalbookError.refused("\(quarter) is not closed") }
            try tx.reopen(quarter, note: note)
        }
    }

    /// When the quarter was closed, or nil while it is open.
    public func closedAt(_ quarter: Quarter) throws -> String? { try engine.reading { try $0.closedAt(quarter.description) } }

    /// The goals of a quarter that are scored at its end (active and done), with their scores and
    /// what their progress suggests; a team's only with `team`.
    public func scores(_ quarter: Quarter, team: String?, below: Bool = false, now: Date = Date()) throws -> [ScoreLine] {
        try engine.reading { tx in
            let lines = try ReportService.lines(tx, quarter: quarter, scope: team.map { .team($0, below: below) } ?? .all, asOf: nil, now: now)
            let settings = try tx.settings()
            let scored = lines.goals.filter(\.status.isScored)
            let ids = scored.map { try? GoalID.parse($0.goalId) }
            let scorers = try tx.scorers(ofGoals: ids.compactMap { $0 }, through: PastView(effective: lines.asOf))
            let names = Dictionary(lines.people.map { ($0.employeeId, $0.name) }, uniquingKeysWith: { a, _ in a })
            return zip(scored, ids).map { goal, id in
                let scale = settings.scale(goal.framework)
                let scorer = id.flatMap { scorers[$0] }
                return ScoreLine(
                    goalId: goal.goalId, personId: goal.employeeId, personName: names[goal.employeeId] ?? "",
                    framework: goal.framework, row: goal.rowNumber, title: goal.title, status: goal.status,
                    progress: goal.progress, suggested: scale.isValid ? goal.progress.map { scale.suggest(progress: $0) } : nil,
                    score: goal.score, scale: scale, scoredBy: scorer?.actor, scoredAt: scorer?.at)
            }
        }
    }
}
