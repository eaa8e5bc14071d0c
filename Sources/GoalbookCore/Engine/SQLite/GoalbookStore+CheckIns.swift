import Foundation
import GRDB

extension GoalbookStore {
    /// Records a check-in: a value in the goal's unit for one of its items, dated inside the
    /// quarter and never in the future. A correction is a new check-in naming the one it corrects.
    public func checkIn(
        _ goalId: Int64, value: String, item: String?, on date: Day?, note: String?, confidence: Int?,
        corrects: Int64?, actor: String, now: Date = Date()
    ) throws -> CheckIn {
        if let confidence, !(0...10).contains(confidence) {
            throw GoalbookError.invalidArgument("confidence must be a whole number from 0 to 10; got \(confidence)")
        }
        return try write { db in
            let goal = try Self.goal(goalId, db: db)
            try Self.checkWritable(goal, db: db)
            let settings = try Self.settings(db: db)
            let quarter = Quarter(goal.quarter)!
            var corrected: CheckIn?
            if let corrects {
                guard let original = try Self.checkins(db: db, where: "checkin_id = ?", [corrects]).first, original.goalId == goalId else {
                    throw GoalbookError.notFound(what: "check-in C\(corrects) of \(goal.displayId)", suggestions: [])
                }
                // A correction replaces what it corrects, once: a second one would make two values count.
                if let later = try Int64.fetchOne(db, sql: "SELECT max(checkin_id) FROM checkin WHERE corrects_checkin_id = ?", arguments: [corrects])
                {
                    throw GoalbookError.refused(
                        "C\(corrects) was corrected already by C\(later): correct that one instead "
                            + "(goalbook checkin \(goal.displayId) VALUE --corrects C\(later))")
                }
                corrected = original
            }
            let measurable = goal.items.filter { $0.slot(.target) != nil }
            let itemName: String
            if let item {
                guard measurable.contains(where: { $0.name == item }) else {
                    throw GoalbookError.invalidArgument(
                        "\(goal.displayId) has no item \(item) to check in; its items are \(measurable.map(\.name).joined(separator: ", "))")
                }
                itemName = item
            } else if let corrected {
                itemName = corrected.item
            } else if measurable.count == 1 {
                itemName = measurable[0].name
            } else {
                throw GoalbookError.invalidArgument(
                    "\(goal.displayId) has \(measurable.map(\.name).joined(separator: " and ")): name one with --item")
            }
            let what = goal.items.count == 1 ? "the check-in" : "the \(itemName) check-in"
            let measure = try Measure.parse(value, what: what)
            // Once the baseline or target is filled, the goal's unit is known, and "no unit" is a unit too.
            if let target = goal.item(itemName), target.slot(.baseline)?.value != nil || target.slot(.target)?.value != nil,
                measure.unit != target.unit
            {
                let expected = Measure(number: measure.number, unit: target.unit)
                throw GoalbookError.invalidArgument(
                    target.unit.map { "\(what) \(measure) is not in the goal's unit (\($0)): give it like \(expected)" }
                        ?? "\(what) \(measure) has a unit, but \(goal.displayId)'s values have none: give it as a plain number, like \(expected)")
            }
            let today = Day(now)
            let first = quarter.firstDay(fiscalYearStartMonth: settings.fiscalYearStartMonth)
            let last = quarter.lastDay(fiscalYearStartMonth: settings.fiscalYearStartMonth)
            let day = date ?? corrected.flatMap { Day(iso: $0.checkedOn) } ?? min(today, last)
            guard day <= today else {
                throw GoalbookError.invalidArgument("a check-in cannot be dated in the future (\(day) is after today, \(today))")
            }
            guard day >= first && day <= last else {
                throw GoalbookError.invalidArgument(
                    "a check-in of \(goal.displayId) must be dated inside \(quarter) (\(first) to \(last)); got \(day)")
            }
            try db.execute(
                sql: """
                    INSERT INTO checkin (goal_id, item, value, number, unit, checked_on, confidence, note, corrects_checkin_id, recorded_at, actor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    goalId, itemName, measure.description, measure.number, measure.unit, day.description, confidence,
                    note, corrects, Timestamp.string(now), actor,
                ])
            return try Self.checkins(db: db, where: "checkin_id = ?", [db.lastInsertedRowID])[0]
        }
    }

    /// A goal's check-ins, oldest first (by date, then as recorded), corrections included.
    public func checkins(_ goalId: Int64) throws -> [CheckIn] {
        try read { db in
            _ = try Self.goal(goalId, db: db)
            return try Self.checkins(db: db, where: "goal_id = ?", [goalId])
        }
    }

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
    public func settings() throws -> ProgressSettings { try read { try Self.settings(db: $0) } }

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

    /// When the quarter was closed, or nil while it is open.
    public func closedAt(_ quarter: Quarter) throws -> String? {
        try read { try Self.closedAt(quarter, db: $0) }
    }

    static func closedAt(_ quarter: Quarter, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT closed_at FROM closed_quarter WHERE quarter = ?", arguments: [quarter.description])
    }

    /// Freezes a quarter: its goals and check-ins take no more writes. Says which active or done
    /// goals have no score; with `requireScores` it refuses to close while any are missing.
    /// Refused before the quarter's last day unless `early`.
    public func closeQuarter(
        _ quarter: Quarter, note: String?, requireScores: Bool = false, early: Bool = false, actor: String,
        now: Date = Date()
    ) throws -> QuarterCloseResult {
        try write { db in
            if try Self.closedAt(quarter, db: db) != nil { return QuarterCloseResult(closed: false, unscored: []) }
            try quarter.checkFinished(
                on: Day(now), early: early, fiscalYearStartMonth: try Self.settings(db: db).fiscalYearStartMonth,
                what: "close it")
            let unscored = try Self.unscored(quarter, db: db)
            if requireScores && !unscored.isEmpty {
                throw GoalbookError.refused(
                    "\(quarter) was not closed: \(unscored.count) goal\(unscored.count == 1 ? " has" : "s have") no score: "
                        + QuarterCloseResult.list(unscored, quarter: quarter) + " (goalbook goals score G… VALUE, or close without --require-scores)")
            }
            let stamp = Timestamp.string(now)
            try db.execute(
                sql: "INSERT INTO closed_quarter (quarter, closed_at, closed_by, note, figures) VALUES (?, ?, ?, ?, ?)",
                arguments: [quarter.description, stamp, actor, note, try Self.quarterFigures(quarter.description, db: db)])
            try HistoryWriter(db: db, stamp: stamp, actor: actor, command: "quarter close")
                .record(person: nil, field: "quarter", old: "open", new: "closed \(quarter)", note: note)
            return QuarterCloseResult(closed: true, unscored: unscored)
        }
    }

    /// Opens a closed quarter again, with a note for the record.
    public func reopenQuarter(_ quarter: Quarter, note: String, actor: String, now: Date = Date()) throws {
        try write { db in
            guard try Self.closedAt(quarter, db: db) != nil else { throw GoalbookError.refused("\(quarter) is not closed") }
            try db.execute(sql: "DELETE FROM closed_quarter WHERE quarter = ?", arguments: [quarter.description])
            try HistoryWriter(db: db, stamp: Timestamp.string(now), actor: actor, command: "quarter reopen")
                .record(person: nil, field: "quarter", old: "closed", new: "open \(quarter)", note: note)
        }
    }

    /// Refuses writes to the goals of a closed quarter.
    static func checkQuarterOpen(_ quarter: String, db: Database) throws {
        if let q = Quarter(quarter), let closed = try closedAt(q, db: db) {
            throw GoalbookError.refused(
                "\(quarter) was closed on \(closed): its goals and check-ins take no more changes (goalbook quarter reopen \(quarter) --note … to "
                    + "change that)"
            )
        }
    }
}
