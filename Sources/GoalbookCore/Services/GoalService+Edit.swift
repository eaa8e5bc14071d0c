import Foundation

/// `goals edit`: a person's goals as one text file, checked and saved as `goals set` and
/// `goals status` would, refusing to overwrite what someone else changed meanwhile.
extension GoalService {
    /// The newest history row of each goal, taken when the file is opened, to see later who else
    /// changed them.
    public func editSnapshot(_ goals: [Goal]) throws -> [Int64: Int64] {
        try engine.reading { tx in
            var snapshot: [Int64: Int64] = [:]
            for goal in goals { snapshot[goal.id] = try tx.lastHistoryId(goal.id) }
            return snapshot
        }
    }

    /// Checks the edited sections as `goals set` and `goals status` would, writing nothing; returns
    /// each goal's problem at the line of the value it is about. With `unfilled`, a goal with
    /// unfilled slots may become active.
    public func checkEdit(_ sections: [GoalEditFile.Section], goals: [Goal], unfilled: Bool = false) throws -> [GoalEditFile.Problem] {
        try engine.reading { tx in
            var problems: [GoalEditFile.Problem] = []
            for section in sections {
                do {
                    _ = try Self.edit(section, goals: goals, unfilled: unfilled, tx: tx)
                } catch let error as GoalbookError {
                    // Under the line the message is about (it names the key), else the first changed one.
                    let message = error.errorDescription ?? "\(error)"
                    let changed = GoalEditFile.changedKeys(section, goals: goals)
                    let key =
                        changed.filter {
                            message.contains($0) || ($0 == "status" && (message.contains("cannot become") || message.contains("--unfilled")))
                        }
                        .max { $0.count < $1.count } ?? changed.first
                    problems.append(.init(line: key.flatMap { section.values[$0]?.line } ?? section.headerLine, message: message))
                }
            }
            return problems
        }
    }

    /// Saves the edited sections in one transaction, with history. A goal someone else changed
    /// since `snapshot` is not saved; the result names who changed what.
    public func saveEdit(
        _ sections: [GoalEditFile.Section], goals: [Goal], snapshot: [Int64: Int64], unfilled: Bool = false, actor: String,
        now: Date = Date(), dated: Day? = nil
    ) throws -> GoalEditResult {
        try engine.writing(try WriteStamp(actor: actor, command: "goals edit", now: now, dated: dated), dryRun: false) { tx in
            var result = GoalEditResult()
            for section in sections {
                let others = try tx.history(of: section.goalId, after: snapshot[section.goalId] ?? 0)
                if !others.isEmpty, !GoalEditFile.changedKeys(section, goals: goals).isEmpty {
                    let what = others.map { "\($0.actor) set \($0.field) \($0.old ?? "∅") → \($0.new ?? "∅") at \($0.changedAt)" }
                    result.conflicts.append(
                        "\(GoalID.format(section.goalId)) was changed while the file was open (\(what.joined(separator: "; "))); your changes to "
                            + "it were not saved"
                    )
                    continue
                }
                guard let plan = try Self.edit(section, goals: goals, unfilled: unfilled, tx: tx) else { continue }
                try tx.apply(plan)
                result.changes += plan.changes.map { (section.goalId, $0) }
            }
            return result
        }
    }

    /// Plans one section: its values item by item as `goals set` would, then its status (with
    /// its note) as `goals status` would, each from the goal as the step before left it.
    private static func edit(_ section: GoalEditFile.Section, goals: [Goal], unfilled: Bool, tx: any EngineReader) throws -> GoalPlan? {
        guard let opened = goals.first(where: { $0.id == section.goalId }) else { return nil }
        let changed = GoalEditFile.changedKeys(section, goals: goals)
        guard !changed.isEmpty else { return nil }  // an untouched section: nothing to read or check
        var byItem: [(item: String, assignments: [(key: String, value: String)])] = []
        for key in changed where key != "status" && key != "note" {
            guard let value = section.values[key]?.value else { continue }
            // `weight` alone is the goal's; every other key belongs to an item.
            let (item, field) = key == "weight" ? ("", "weight") : opened.field(named: key)
            if let index = byItem.firstIndex(where: { $0.item == item }) {
                byItem[index].assignments.append((field, value))
            } else {
                byItem.append((item, [(field, value)]))
            }
        }
        let stored = try tx.goal(section.goalId)
        let context = try tx.context(stored)
        var plan = GoalPlan(stored)
        for group in byItem {
            plan = plan.then(
                try GoalPlan.set(
                    plan.goal, group.assignments, item: group.item.isEmpty ? nil : group.item, direction: nil, context: context,
                    person: tx.requirePerson))
        }
        let note = section.values["note"]?.value
        if changed.contains("status"), let text = section.values["status"]?.value {
            guard let status = GoalStatus(rawValue: text) else {
                throw GoalbookError.invalidArgument("status '\(text)' is not one of draft, active, done, dropped")
            }
            let noted = note.flatMap { $0.isEmpty ? nil : $0 }
            plan = plan.then(try GoalPlan.status(plan.goal, to: status, note: noted, unfilled: unfilled, context: context))
        } else if let note, !note.isEmpty {
            throw GoalbookError.invalidArgument("a note is kept with a status change; change status too, or leave note empty")
        }
        return plan
    }
}
