/// A check-in about to be recorded, decided by ``NewCheckIn/plan(_:value:item:on:note:confidence:corrects:today:context:find:)``
/// before anything is written; an engine stores it with ``EngineWriter/record(_:)``.
public struct NewCheckIn: Sendable, Equatable {
    public var goalId: Int64
    public var item: String
    public var measure: Measure
    public var day: Day
    public var confidence: Int?
    public var note: String?
    /// The check-in this one corrects.
    public var corrects: Int64?

    /// Refuses a confidence outside 0 to 10.
    public static func checkConfidence(_ confidence: Int?) throws {
        if let confidence, !(0...10).contains(confidence) {
            throw GoalbookError.invalidArgument("confidence must be a whole number from 0 to 10; got \(confidence)")
        }
    }

    /// What a check-in of `goal` records: a value in the goal's unit for one of its items, dated
    /// inside the quarter and never in the future. A correction names the check-in it `corrects`
    /// (`find` gives that check-in, and the correction of it made already, if any): it replaces it
    /// once, and keeps its item and, unless dated anew, its date.
    public static func plan(
        _ goal: Goal, value: String, item: String?, on date: Day?, note: String?, confidence: Int?,
        corrects: Int64?, today: Day, context: GoalContext, find: (Int64) throws -> (checkIn: CheckIn, correctedBy: Int64?)?
    ) throws -> NewCheckIn {
        try checkConfidence(confidence)
        try goal.checkWritable(context)
        let quarter = try goal.quarterValue()
        var corrected: CheckIn?
        if let corrects {
            guard let found = try find(corrects), found.checkIn.goalId == goal.id else {
                throw GoalbookError.notFound(what: "check-in C\(corrects) of \(goal.displayId)", suggestions: [])
            }
            // A correction replaces what it corrects, once: a second one would make two values count.
            if let later = found.correctedBy {
                throw GoalbookError.refused(
                    "C\(corrects) was corrected already by C\(later): correct that one instead "
                        + "(goalbook checkin \(goal.displayId) VALUE --corrects C\(later))")
            }
            corrected = found.checkIn
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
            throw GoalbookError.invalidArgument("\(goal.displayId) has \(measurable.map(\.name).joined(separator: " and ")): name one with --item")
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
        let fiscal = context.settings.fiscalYearStartMonth
        let first = quarter.firstDay(fiscalYearStartMonth: fiscal)
        let last = quarter.lastDay(fiscalYearStartMonth: fiscal)
        let day = date ?? corrected.flatMap { Day(iso: $0.checkedOn) } ?? min(today, last)
        guard day <= today else {
            throw GoalbookError.invalidArgument("a check-in cannot be dated in the future (\(day) is after today, \(today))")
        }
        guard day >= first && day <= last else {
            throw GoalbookError.invalidArgument("a check-in of \(goal.displayId) must be dated inside \(quarter) (\(first) to \(last)); got \(day)")
        }
        return NewCheckIn(
            goalId: goal.id, item: itemName, measure: measure, day: day, confidence: confidence, note: note, corrects: corrected?.id)
    }
}
