import Foundation
import GRDB

extension SQLiteEngine {

    /// The SQL form of ``CheckIn/effective(_:)`` for a check-in `c`: no correction replaced it.
    static let effectiveCheckinSQL = """
        NOT EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.checkin_id)
        AND NOT EXISTS (SELECT 1 FROM checkin AS k WHERE k.corrects_checkin_id = c.corrects_checkin_id AND k.checkin_id > c.checkin_id)
        """

    static func checkins(db: Database, where condition: String, _ arguments: StatementArguments) throws -> [CheckIn] {
        var checkins: [CheckIn] = []
        try FastStatement.forEachRow(
            db,
            sql: """
                SELECT checkin_id, goal_id, item, value, number, unit, checked_on, confidence, note, corrects_checkin_id, recorded_at, actor
                FROM checkin WHERE \(condition) ORDER BY checked_on, checkin_id
                """, arguments
        ) { row in
            checkins.append(
                CheckIn(
                    id: row.int(0), goalId: row.int(1), item: row.text(2), value: row.text(3), number: row.double(4),
                    unit: row.textOrNil(5), checkedOn: row.text(6), confidence: row.intOrNil(7).map { Int($0) },
                    note: row.textOrNil(8), corrects: row.intOrNil(9), recordedAt: row.text(10), actor: row.text(11)))
        }
        return checkins
    }

    // MARK: - Settings

    /// The organization's progress settings.
    static func settings(db: Database) throws -> ProgressSettings {
        var settings = ProgressSettings()
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM setting") {
            let key: String = row["key"]
            let value: String = row["value"]
            switch key {
            case "fiscal_year_start_month": settings.fiscalYearStartMonth = Int(value).flatMap { (1...12).contains($0) ? $0 : nil } ?? 1
            case "on_track_ratio": settings.onTrackRatio = Double(value) ?? settings.onTrackRatio
            case "at_risk_ratio": settings.atRiskRatio = Double(value) ?? settings.atRiskRatio
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

    static func closedAt(_ quarter: Quarter, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT closed_at FROM closed_quarter WHERE quarter = ?", arguments: [quarter.description])
    }
}
