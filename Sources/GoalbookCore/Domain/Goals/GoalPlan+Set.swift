/// The rules of `goals set`, `goals weight`, `goals fill` and `goals edit`: which values a goal
/// takes, and what follows from them.
extension GoalPlan {
    /// Plans setting slot values (`baseline`, `target`, `date`), `keep`, `tolerance`, `weight` and
    /// `owner` of a goal, checking every value first. An empty value empties a slot. Each touched
    /// item is then checked as a whole: baseline and target agree on the unit, and the direction
    /// follows from them.
    /// - Parameters:
    ///   - item: `--item`, the item the keys without one belong to.
    ///   - direction: `--direction`, needed where baseline equals target.
    ///   - person: refuses an `owner` who does not exist (the service asks the engine).
    public static func set(
        _ goal: Goal, _ assignments: [(key: String, value: String)], item: String?, direction: Direction?, context: GoalContext,
        person: (String) throws -> Void
    ) throws -> GoalPlan {
        try goal.checkWritable(context)
        var plan = GoalPlan(goal)
        let quarter = try goal.quarterValue()
        let fiscal = context.settings.fiscalYearStartMonth
        var items = Dictionary(uniqueKeysWithValues: goal.items.map { ($0.name, $0) })
        var touched = Set<String>()
        // keep= and tolerance= per item, checked with the item once its slots are settled ("" unsets).
        var keeps: [String: String] = [:]
        var tolerances: [String: String] = [:]
        let itemList = goal.items.map(\.name).joined(separator: ", ")
        if let item, items[item] == nil {
            throw GoalbookError.invalidArgument("\(goal.displayId) has no item \(item); its items are \(itemList)")
        }
        for (rawKey, value) in assignments {
            // `KR1.target=40%` names the item in the key, as goals edit writes it.
            var key = rawKey.lowercased()
            var item = item
            if let dot = key.firstIndex(of: ".") {
                let named = Goal.itemName(String(rawKey[..<dot]))
                guard items[named] != nil else {
                    throw GoalbookError.invalidArgument("\(goal.displayId) has no item \(named); its items are \(itemList)")
                }
                if let item, item != named { throw GoalbookError.invalidArgument("\(rawKey) names \(named), but --item says \(item)") }
                item = named
                key = String(key[key.index(after: dot)...])
            }
            if key == "weight" {
                plan = try plan.settingWeight(item: item, value: value)
                continue
            }
            if key == "owner" {
                try person(value)
                guard value != plan.goal.employeeId else { continue }
                let old = plan.goal.employeeId
                plan.write(.owner(value))
                plan.record(field: "owner", old: old, new: value, person: value)
                plan.print(FieldChange(field: "owner", old: old, new: value))
                continue
            }
            if key == "keep" || key == "tolerance" {
                let candidates = goal.items.filter { $0.slot(.target) != nil }.map(\.name)
                guard let itemName = item ?? (candidates.count == 1 ? candidates[0] : nil) else {
                    throw GoalbookError.invalidArgument(
                        "\(goal.displayId) has a \(key) in \(candidates.joined(separator: " and ")): name one with --item")
                }
                if key == "keep" { keeps[itemName] = value } else { tolerances[itemName] = value }
                touched.insert(itemName)
                continue
            }
            guard let slot = SlotName(rawValue: key) else {
                throw GoalbookError.invalidArgument(
                    "unknown field '\(rawKey)': a goal has baseline, target, date, keep, tolerance, weight and owner")
            }
            let candidates = goal.items.filter { candidate in candidate.slots.contains { $0.slot == slot } }.map(\.name)
            let itemName: String
            if let item {
                guard candidates.contains(item) else {
                    let slots = items[item]?.slots.map(\.slot.rawValue).joined(separator: ", ") ?? ""
                    throw GoalbookError.invalidArgument("\(item) of \(goal.displayId) has no \(key) (its slots: \(slots))")
                }
                itemName = item
            } else if candidates.count == 1 {
                itemName = candidates[0]
            } else if candidates.isEmpty {
                throw GoalbookError.invalidArgument("\(goal.displayId) has no \(key) slot")
            } else {
                throw GoalbookError.invalidArgument(
                    "\(goal.displayId) has a \(key) in \(candidates.joined(separator: " and ")): name one with --item")
            }
            let what = goal.fieldName(item: itemName, key)
            var newSlot = GoalSlot(slot: slot)
            if !value.trimmingBlanks().isEmpty {
                if slot == .date {
                    guard let day = Day(iso: value.trimmingBlanks()) else {
                        throw GoalbookError.invalidArgument(
                            "\(what) must be an ISO date like \(quarter.lastDay(fiscalYearStartMonth: fiscal)); got '\(value)'")
                    }
                    guard day >= quarter.firstDay(fiscalYearStartMonth: fiscal) else {
                        throw GoalbookError.invalidArgument(
                            "\(what) \(day) is before \(quarter) starts (\(quarter.firstDay(fiscalYearStartMonth: fiscal)))")
                    }
                    newSlot.value = day.description
                } else {
                    let measure = try Measure.parse(value, what: what)
                    newSlot = GoalSlot(slot: slot, value: measure.description, number: measure.number, unit: measure.unit)
                }
            }
            if var updated = items[itemName] {
                updated.slots = updated.slots.map { $0.slot == slot ? newSlot : $0 }
                items[itemName] = updated
            }
            touched.insert(itemName)
        }
        // Check each touched item as a whole: units agree, and the direction follows.
        for name in touched.sorted() {
            guard var updated = items[name], let original = goal.item(name) else { continue }
            let what = goal.items.count == 1 ? "" : "\(name) "
            if let baseline = updated.slot(.baseline)?.measure, let target = updated.slot(.target)?.measure {
                guard baseline.unit == target.unit else {
                    throw GoalbookError.invalidArgument(
                        "\(what)baseline \(baseline) and target \(target) must agree on the unit (\(baseline.unit ?? "none") vs "
                            + "\(target.unit ?? "none"))"
                    )
                }
                let derived: Direction = target.number > baseline.number ? .increase : target.number < baseline.number ? .decrease : .maintain
                if derived == .maintain && (direction ?? original.direction) != .maintain {
                    throw GoalbookError.invalidArgument(
                        "\(what)baseline and target are both \(target): a goal that keeps a value needs --direction maintain")
                }
                if let direction, direction != derived {
                    throw GoalbookError.invalidArgument(
                        "--direction \(direction.rawValue) contradicts \(what)baseline \(baseline) → target \(target), which is "
                            + "\(derived.rawValue)"
                    )
                }
                updated.direction = derived
            } else if let direction {
                updated.direction = direction
            }
            if keeps[name] != nil || tolerances[name] != nil {
                guard updated.direction == .maintain else {
                    throw GoalbookError.invalidArgument(
                        "\(what)keep and tolerance are for a goal that keeps a value (direction maintain); "
                            + "\(what.isEmpty ? "this goal" : name) is \(updated.direction?.rawValue ?? "not filled yet")")
                }
            }
            if let text = keeps[name] {
                updated.keep = text.trimmingBlanks().isEmpty ? nil : try Keep.parse(text, what: goal.fieldName(item: name, "keep"))
            }
            if let text = tolerances[name] {
                updated.tolerance = try Self.tolerance(text, field: goal.fieldName(item: name, "tolerance"), unit: updated.unit)
            }
            plan.settle(original, as: updated)
        }
        if direction != nil && touched.isEmpty {
            throw GoalbookError.invalidArgument("--direction goes with a baseline or target to set")
        }
        return plan
    }

    /// A tolerance as typed: a number of 0 or more in the goal's unit; empty unsets it.
    private static func tolerance(_ text: String, field: String, unit: String?) throws -> Double? {
        if text.trimmingBlanks().isEmpty { return nil }
        let measure = try Measure.parse(text, what: field)
        guard measure.number >= 0 else { throw GoalbookError.invalidArgument("\(field) cannot be below 0; got \(measure)") }
        guard measure.unit == unit else {
            throw GoalbookError.invalidArgument(
                "\(field) \(measure) must be in the goal's unit (\(unit ?? "none")): give it like \(Measure(number: measure.number, unit: unit))")
        }
        return measure.number
    }

    /// Writes what differs between an item as it was and as it is to be: its slots, direction,
    /// keep and tolerance, each with history.
    private mutating func settle(_ original: GoalItem, as updated: GoalItem) {
        let name = original.name
        for slot in updated.slots {
            let old = original.slot(slot.slot)
            guard old?.value != slot.value else { continue }
            write(.slot(item: name, slot))
            record(item: name, field: slot.slot.rawValue, old: old?.value, new: slot.value)
            print(FieldChange(field: goal.fieldName(item: name, slot.slot.rawValue), old: old?.value, new: slot.value))
        }
        if updated.direction != original.direction {
            write(.direction(item: name, updated.direction))
            record(item: name, field: "direction", old: original.direction?.rawValue, new: updated.direction?.rawValue)
            print(FieldChange(field: goal.fieldName(item: name, "direction"), old: original.direction?.rawValue, new: updated.direction?.rawValue))
        }
        if updated.keep != original.keep || updated.tolerance != original.tolerance {
            write(.keep(item: name, updated.keep, tolerance: updated.tolerance))
        }
        if updated.keep != original.keep {
            record(item: name, field: "keep", old: original.keep?.rawValue, new: updated.keep?.rawValue)
            print(FieldChange(field: goal.fieldName(item: name, "keep"), old: original.keep?.typed, new: updated.keep?.typed))
        }
        if updated.tolerance != original.tolerance {
            record(item: name, field: "tolerance", old: original.toleranceText, new: updated.toleranceText)
            print(FieldChange(field: goal.fieldName(item: name, "tolerance"), old: original.toleranceText, new: updated.toleranceText))
        }
    }

    /// Sets a goal's weight (no item) or a key result's weight (`item`); an empty value unsets it.
    func settingWeight(item: String?, value: String) throws -> GoalPlan {
        var plan = self
        let goal = plan.goal
        if let item, goal.items.count > 1 {
            let weight = try GoalWeights.parse(value, what: "the weight of \(item)")
            let old = goal.item(item)?.weight
            guard old != weight else { return plan }
            plan.write(.itemWeight(item: item, weight))
            plan.record(item: item, field: "weight", old: GoalWeights.format(old), new: GoalWeights.format(weight))
            plan.print(FieldChange(field: "\(item).weight", old: GoalWeights.format(old), new: GoalWeights.format(weight)))
            return plan
        }
        if item != nil && item != "main" {
            throw GoalbookError.invalidArgument(
                "\(goal.displayId) has one item: its weight is the goal's (goalbook goals weight \(goal.displayId) N)")
        }
        let weight = try GoalWeights.parse(value, what: "the weight of \(goal.displayId)")
        guard goal.weight != weight else { return plan }
        plan.write(.weight(weight))
        plan.record(field: "weight", old: GoalWeights.format(goal.weight), new: GoalWeights.format(weight))
        plan.print(FieldChange(field: "weight", old: GoalWeights.format(goal.weight), new: GoalWeights.format(weight)))
        return plan
    }
}
