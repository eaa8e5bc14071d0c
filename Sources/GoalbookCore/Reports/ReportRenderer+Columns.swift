import Foundation

/// The one-row-per-goal columns that csv and json share (docs/reports.md).
extension ReportRenderer {
    // MARK: - csv and json

    /// The columns of the csv rows (one per item) and json goals (the first item's), in order.
    public static let goalColumns = [
        "quarter", "goal_id", "person_id", "person_name", "manager_id", "family", "function", "level", "framework", "row", "title",
        "status", "track", "progress", "progress_raw", "expected", "item", "baseline", "latest", "target", "unit", "direction", "due",
        "last_checkin", "slots_filled", "slots_total", "unfilled", "carried_from", "carried_to", "weight", "score", "aligned_to", "aligned_to_person",
        "item_progress", "item_weight", "keep", "tolerance", "confidence", "note",
    ]

    /// The keys of each entry of a json goal's `items`, in order.
    static let itemColumns = [
        "item", "baseline", "latest", "target", "unit", "direction", "due", "last_checkin", "progress", "progress_raw",
        "weight", "keep", "tolerance", "confidence", "note",
    ]
    static let quotedItemColumns = itemColumns.map(quotedKey)

    /// `"quarter": ` and so on: each column's JSON key, written once.
    static let quotedGoalColumns = goalColumns.map(quotedKey)

    /// One goal's values for `goalColumns`, in order, with the figures of `item` (the goal's first
    /// by default); null where there is no value.
    static func goalRow(_ goal: ReportGoal, _ person: ReportPerson?, quarter: String, item: ItemProgress?) -> [JSONValue] {
        let text = JSONValue.text
        let number = JSONValue.rounded
        let values: [JSONValue] = [
            .string(quarter), .string(goal.goalId), .string(goal.employeeId), text(person?.name), text(person?.managerId),
            text(person?.family), text(person?.function), text(person?.level), .string(goal.framework.rawValue), .number(Double(goal.rowNumber)),
            .string(goal.title), .string(goal.status.rawValue), .string(goal.track.rawValue), number(goal.progress), number(goal.progressRaw),
            number(goal.expected), text(item?.item), number(item?.baseline?.number), number(item?.latest?.number), number(item?.target?.number),
            text(item?.target?.unit ?? item?.baseline?.unit), text(item?.direction?.rawValue), text(item?.due), text(goal.lastCheckin),
            .number(Double(goal.slotsFilled)), .number(Double(goal.slotsTotal)), .string(goal.unfilled.joined(separator: " ")),
            text(goal.carriedFrom), text(goal.carriedTo),
            goal.weight.map { .number($0) } ?? .null, goal.score.map { .number($0) } ?? .null, text(goal.alignedTo), text(goal.alignedToPerson),
            number(item?.clamped), item?.weight.map { .number($0) } ?? .null, text(item?.keep), item?.tolerance.map { .number($0) } ?? .null,
            item?.confidence.map { .number(Double($0)) } ?? .null, text(item?.note),
        ]
        return values
    }

    /// One item's values for `itemColumns`, in order.
    static func itemRow(_ item: ItemProgress) -> [JSONValue] {
        let text = JSONValue.text
        let number = JSONValue.rounded
        return [
            .string(item.item), number(item.baseline?.number), number(item.latest?.number), number(item.target?.number),
            text(item.target?.unit ?? item.baseline?.unit), text(item.direction?.rawValue), text(item.due), text(item.lastCheckin),
            number(item.clamped), number(item.raw), item.weight.map { .number($0) } ?? .null, text(item.keep),
            item.tolerance.map { .number($0) } ?? .null, item.confidence.map { .number(Double($0)) } ?? .null, text(item.note),
        ]
    }
}
