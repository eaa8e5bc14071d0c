/// A goal of a later quarter that continues an active goal, decided by
/// ``CarriedGoal/plan(_:into:startingOn:latest:)`` before anything is written; an engine stores
/// it with ``EngineWriter/insert(_:)``.
public struct CarriedGoal: Sendable, Equatable {
    /// The goal it continues, as it is.
    public var from: Goal
    /// The quarter it is carried into.
    public var quarter: Quarter
    /// Its items with their slots, weights, directions, keep rules and tolerances.
    public var items: [GoalItem]
    /// The history rows of the new goal, in order, from `created` on.
    public var history: [PlannedHistory]
    /// Each item's new baseline, for the command to print.
    public var baselines: [String: String]

    /// Carries a goal: the same template row, weight and items, each item's baseline its latest
    /// check-in (`latest`, by item) or its old baseline, and a due date kept only when it falls
    /// inside the new quarter (on or after `start`).
    public static func plan(_ old: Goal, into quarter: Quarter, startingOn start: Day, latest: (String) throws -> GoalSlot?) rethrows -> CarriedGoal {
        var history = [
            PlannedHistory(person: old.employeeId, field: "created", old: nil, new: GoalStatus.active.rawValue, note: "carried from \(old.displayId)")
        ]
        func record(_ item: String?, _ field: String, _ value: String?) {
            if let value { history.append(PlannedHistory(person: old.employeeId, item: item, field: field, old: nil, new: value)) }
        }
        record(nil, "weight", GoalWeights.format(old.weight))
        var items: [GoalItem] = []
        var baselines: [String: String] = [:]
        for item in old.items {
            record(item.name, "weight", GoalWeights.format(item.weight))
            record(item.name, "direction", item.direction?.rawValue)
            record(item.name, "keep", item.keep?.rawValue)
            record(item.name, "tolerance", item.toleranceText)
            let newest = try latest(item.name)
            var copy = item
            copy.slots = item.slots.map { slot in
                var carried = slot
                if slot.slot == .baseline, let newest {
                    carried = GoalSlot(slot: .baseline, value: newest.value, number: newest.number, unit: newest.unit)
                }
                if slot.slot == .date, let value = slot.value, let day = Day(iso: value), day < start { carried.value = nil }
                return carried
            }
            for slot in copy.slots {
                record(item.name, slot.slot.rawValue, slot.value)
                if slot.slot == .baseline, let value = slot.value { baselines[item.name] = value }
            }
            items.append(copy)
        }
        return CarriedGoal(from: old, quarter: quarter, items: items, history: history, baselines: baselines)
    }
}
