import Foundation

extension EngineSQL {
    /// ``GoalStatus/isScored`` as SQL on `goal AS g`: one rule for who is scored.
    static let scoredStatus = GoalStatus.allCases.filter(\.isScored).map { "g.status = '\($0.rawValue)'" }.joined(separator: " OR ")
}

extension SQLRunner {
    /// `G4 (E102)` for each active or done goal of the quarter with no score.
    func unscored(_ quarter: Quarter) throws -> [String] {
        try all(
            """
            SELECT g.goal_id, p.employee_id FROM goal AS g JOIN person AS p ON p.person_id = g.person_id
            WHERE g.quarter = ? AND g.score IS NULL AND (\(EngineSQL.scoredStatus)) ORDER BY g.goal_id
            """, [quarter.description]
        ) { "\(GoalID.format($0.int(0))) (\($0.text(1)))" }
    }
}
