import Foundation
import GRDB

extension SQLiteEngine {
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
