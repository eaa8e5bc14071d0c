import Foundation

/// Check-ins: progress values recorded against a goal's items, and their corrections.
public struct CheckInService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// Records a check-in (``NewCheckIn/plan(_:value:item:on:note:confidence:corrects:today:context:find:)``
    /// says what it may be), and returns it as stored. A correction is a new check-in naming the one it corrects.
    public func checkIn(
        _ goalId: Int64, value: String, item: String?, on date: Day?, note: String?, confidence: Int?, corrects: Int64?, actor: String,
        now: Date = Date()
    ) throws -> CheckIn {
        try NewCheckIn.checkConfidence(confidence)
        return try engine.writing(WriteStamp(actor: actor, command: "checkin", now: now), dryRun: false) { tx in
            let goal = try tx.goal(goalId)
            let checkIn = try NewCheckIn.plan(
                goal, value: value, item: item, on: date, note: note, confidence: confidence, corrects: corrects, today: Day(now),
                context: try tx.context(goal), find: tx.checkIn)
            return try tx.record(checkIn)
        }
    }

    /// A goal's check-ins, oldest first (by date, then as recorded), corrections included.
    public func checkins(_ goalId: Int64) throws -> [CheckIn] {
        try engine.reading { tx in
            _ = try tx.goal(goalId)
            return try tx.checkins(goalId)
        }
    }
}
