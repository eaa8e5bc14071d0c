import Foundation

/// Check-ins, settings and closed quarters, on both engines.
extension SQLRunner {
    /// Check-ins matching a condition on `checkin`, oldest first (by `checked_on`, then id); with
    /// `byGoal`, goal by goal and oldest first within each. That order is made here: the rows
    /// come from the goals' index nearly in it, which Swift's sort (it finds runs) puts right in
    /// a pass, where SQLite sorted each goal's rows in a temporary B-tree (342M instructions for a
    /// 48k-goal team's check-ins in the shell, a fifth of their read). `checked_on` is an ASCII
    /// date, which String's `<` orders as SQL's binary collation does.
    func checkins(where condition: String, _ arguments: SQLArguments, byGoal: Bool = false) throws -> [CheckIn] {
        var checkins: [CheckIn] = []
        try forEachRow(
            """
            SELECT checkin_id, goal_id, item, value, number, unit, checked_on, confidence, note, corrects_checkin_id, recorded_at, actor
            FROM checkin WHERE \(condition)\(byGoal ? "" : " ORDER BY checked_on, checkin_id")
            """, arguments
        ) { row in
            checkins.append(
                CheckIn(
                    id: row.int(0), goalId: row.int(1), item: row.text(2), value: row.text(3), number: row.double(4),
                    unit: row.textOrNil(5), checkedOn: row.text(6), confidence: row.intOrNil(7).map { Int($0) },
                    note: row.textOrNil(8), corrects: row.intOrNil(9), recordedAt: row.text(10), actor: row.text(11)))
        }
        if byGoal { checkins.sort { ($0.goalId, $0.checkedOn, $0.id) < ($1.goalId, $1.checkedOn, $1.id) } }
        return checkins
    }

    // MARK: - Settings

    /// The organization's progress settings.
    func settings() throws -> ProgressSettings {
        var settings = ProgressSettings()
        for (key, value) in try all("SELECT key, value FROM setting", [], { ($0.text(0), $0.text(1)) }) {
            switch key {
            case "fiscal_year_start_month": settings.fiscalYearStartMonth = Int(value).flatMap { (1...12).contains($0) ? $0 : nil } ?? 1
            case "on_track_ratio": settings.onTrackRatio = Double(value) ?? settings.onTrackRatio
            case "at_risk_ratio": settings.atRiskRatio = Double(value) ?? settings.atRiskRatio
            case "stale_checkin_days": settings.staleCheckinDays = Int(value).flatMap { $0 >= 1 ? $0 : nil } ?? settings.staleCheckinDays
            case "score_due_days": settings.scoreDueDays = Int(value).flatMap { $0 >= 0 ? $0 : nil } ?? settings.scoreDueDays
            default:
                // <framework>_score_min, _max, _step
                for framework in Framework.allCases where key.hasPrefix("\(framework.rawValue)_score_") {
                    var scale = settings.scale(framework)
                    let number = Double(value) ?? .nan
                    switch key.dropFirst(framework.rawValue.count + 7) {
                    case "min": scale.min = number
                    case "max": scale.max = number
                    case "step": scale.step = number
                    default: continue
                    }
                    settings.scales[framework] = scale
                }
            }
        }
        return settings
    }

    // MARK: - Closing quarters

    func closedAt(_ quarter: Quarter) throws -> String? {
        try text("SELECT closed_at FROM closed_quarter WHERE quarter = ?", [quarter.description])
    }
}
