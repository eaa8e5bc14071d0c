import Foundation
import GRDB

extension GoalbookStore {
    // MARK: - Alignment

    /// The goal with everything aligned under it, as it is now or as it stood at `asOf`.
    public func goalTree(_ goalId: Int64, asOf: String?, now: Date = Date()) throws -> (report: Report, trees: [GoalTreeNode]) {
        let goal = try self.goal(goalId, asOf: asOf)
        let report = try self.report(
            quarter: Quarter(goal.quarter)!, scope: .all, asOf: asOf, now: now,
            onlyGoals: "SELECT \(goalId) UNION " + Self.linkedGoalsSQL)
        guard report.goals.contains(where: { $0.goalId == goal.displayId }) else {
            throw GoalbookError.refused("\(goal.displayId)'s owner \(goal.employeeId) had left before \(goal.quarter) began")
        }
        return (report, GoalTree.build(report, roots: [goal.displayId]))
    }

    /// The trees of a team's goals in a quarter (the manager's and everyone's below them; with
    /// `below`, only theirs below): each goal aligned to nothing, or to a goal outside the team,
    /// with everything under it.
    public func goalTree(team: String, below: Bool = false, quarter: Quarter, asOf: String?, now: Date = Date()) throws -> (
        report: Report, trees: [GoalTreeNode]
    ) {
        let teamSQL = try read { try Self.teamCTE(team, below: below, db: $0) }
        let report = try self.report(
            quarter: quarter, scope: .all, asOf: asOf, now: now,
            onlyGoals: teamSQL + """
                SELECT goal_id FROM goal WHERE person_id IN team UNION \(Self.linkedGoalsSQL)
                """)
        guard report.people.contains(where: { $0.employeeId == team }) else {
            _ = try read { try Self.personId(team, db: $0) }  // not found, with close matches
            throw GoalbookError.refused("\(team) was not in Goalbook in \(quarter) as of \(report.asOf)")
        }
        let chart = OrgChart(report.people.map { (employeeId: $0.employeeId, managerId: $0.managerId) })
        var members = Set([team] + chart.below(team))
        if below { members.remove(team) }
        return (report, GoalTree.build(report, roots: GoalTree.teamRoots(report, members: members)))
    }

    /// Goals of a quarter (the one `?`) that are or ever were on either end of a link: the goals
    /// an alignment tree can hold, now or at any past instant. History holds every link.
    static let linkedGoalsSQL = """
        SELECT g.goal_id FROM goal AS g WHERE g.quarter = ? AND (g.aligned_to IS NOT NULL OR g.goal_id IN (
            SELECT h.goal_id FROM history AS h WHERE h.field = 'aligned_to'
            UNION SELECT CAST(substr(h.new_value, 2) AS INTEGER) FROM history AS h WHERE h.field = 'aligned_to' AND h.new_value IS NOT NULL
            UNION SELECT c.aligned_to FROM goal AS c WHERE c.aligned_to IS NOT NULL))
        """

    // MARK: - Scores

    /// The score a goal's progress suggests, on its framework's scale, as of `now`.
    public func scoreSuggestion(_ goalId: Int64, now: Date = Date()) throws -> ScoreSuggestion {
        try read { db in
            let goal = try Self.goal(goalId, db: db)
            let settings = try Self.settings(db: db)
            let scale = try settings.usableScale(goal.framework)
            let quarter = Quarter(goal.quarter)!
            let day = min(Day(now), quarter.lastDay(fiscalYearStartMonth: settings.fiscalYearStartMonth))
            let checkins = try Self.checkins(db: db, where: "goal_id = ? AND checked_on <= ?", [goalId, day.description])
            let progress = ProgressRules.goal(goal.items.map { ProgressRules.item($0, checkins: checkins, settings: settings) }).clamped
            return ScoreSuggestion(goal: goal, scale: scale, progress: progress, suggested: progress.map { scale.suggest(progress: $0) })
        }
    }

    /// The goals of a quarter that are scored at its end (active and done), with their scores and
    /// what their progress suggests; a team's only with `team`.
    public func scores(_ quarter: Quarter, team: String?, below: Bool = false, now: Date = Date()) throws -> [ScoreLine] {
        let report = try self.report(quarter: quarter, scope: team.map { .team($0, below: below) } ?? .all, now: now)
        return try read { db in
            let settings = try Self.settings(db: db)
            var scoredBy: [String: (String, String)] = [:]
            try FastStatement.forEachRow(
                db,
                sql: """
                    SELECT h.goal_id, h.actor, h.changed_at FROM history AS h JOIN goal AS g ON g.goal_id = h.goal_id
                    WHERE g.quarter = ? AND h.field = 'score' AND h.changed_at <= ? ORDER BY h.changed_at, h.history_id
                    """, [quarter.description, report.asOf]
            ) { row in
                scoredBy[GoalID.format(row.int(0))] = (row.text(1), row.text(2))
            }
            let names = Dictionary(report.people.map { ($0.employeeId, $0.name) }, uniquingKeysWith: { a, _ in a })
            return report.goals.filter(\.status.isScored).map { goal in
                let scale = settings.scale(goal.framework)
                return ScoreLine(
                    goalId: goal.goalId, personId: goal.employeeId, personName: names[goal.employeeId] ?? "",
                    framework: goal.framework, row: goal.rowNumber, title: goal.title, status: goal.status,
                    progress: goal.progress, suggested: scale.isValid ? goal.progress.map { scale.suggest(progress: $0) } : nil,
                    score: goal.score, scale: scale, scoredBy: scoredBy[goal.goalId]?.0, scoredAt: scoredBy[goal.goalId]?.1)
            }
        }
    }

    /// ``GoalStatus/isScored`` as SQL on `goal AS g`: one rule for who is scored.
    static let scoredStatusSQL = GoalStatus.allCases.filter(\.isScored).map { "g.status = '\($0.rawValue)'" }.joined(separator: " OR ")

    /// `G4 (E102)` for each active or done goal of the quarter with no score.
    static func unscored(_ quarter: Quarter, db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT g.goal_id, p.employee_id FROM goal AS g JOIN person AS p ON p.person_id = g.person_id
                WHERE g.quarter = ? AND g.score IS NULL AND (\(Self.scoredStatusSQL)) ORDER BY g.goal_id
                """, arguments: [quarter.description]
        ).map { "\(GoalID.format($0["goal_id"])) (\($0["employee_id"] as String))" }
    }
}
