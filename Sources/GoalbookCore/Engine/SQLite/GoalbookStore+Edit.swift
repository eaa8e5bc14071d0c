import Foundation
import GRDB

extension GoalbookStore {
    /// The newest history row of each goal, taken when the file is opened, to see later who else
    /// changed them.
    public func editSnapshot(_ goals: [Goal]) throws -> [Int64: Int64] {
        try read { db in
            var snapshot: [Int64: Int64] = [:]
            for goal in goals {
                snapshot[goal.id] = try Int64.fetchOne(db, sql: "SELECT max(history_id) FROM history WHERE goal_id = ?", arguments: [goal.id]) ?? 0
            }
            return snapshot
        }
    }

    /// Checks the edited sections as `goals set` and `goals status` would, writing nothing; returns
    /// each goal's problem at the line of the value it is about. With `unfilled`, a goal with
    /// unfilled slots may become active.
    public func checkEdit(_ sections: [GoalEditFile.Section], goals: [Goal], unfilled: Bool = false) throws -> [GoalEditFile.Problem] {
        var problems: [GoalEditFile.Problem] = []
        for section in sections {
            do {
                _ = try write(rollback: true) { db in
                    try Self.applyEdit(
                        section, goals: goals, unfilled: unfilled,
                        history: HistoryWriter(db: db, stamp: "", actor: "", command: "check"), db: db)
                }
            } catch let error as GoalbookError {
                // Under the line the message is about (it names the key), else the first changed one.
                let message = error.errorDescription ?? "\(error)"
                let changed = Self.changedKeys(section, goals: goals)
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

    /// Saves the edited sections in one transaction, with history. A goal someone else changed
    /// since `snapshot` is not saved; the result names who changed what.
    public func saveEdit(
        _ sections: [GoalEditFile.Section], goals: [Goal], snapshot: [Int64: Int64], unfilled: Bool = false, actor: String,
        now: Date = Date()
    ) throws -> GoalEditResult {
        try write { db in
            var result = GoalEditResult()
            let history = try HistoryWriter(db: db, stamp: Timestamp.string(now), actor: actor, command: "goals edit")
            for section in sections {
                let others = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT changed_at, actor, item, field, old_value, new_value FROM history
                        WHERE goal_id = ? AND history_id > ? ORDER BY history_id
                        """, arguments: [section.goalId, snapshot[section.goalId] ?? 0])
                if !others.isEmpty, Self.changedKeys(section, goals: goals).isEmpty == false {
                    let what = others.map { row -> String in
                        let item: String? = row["item"]
                        let field: String = row["field"]
                        let name = item.map { $0 == "main" ? field : "\($0).\(field)" } ?? field
                        return
                            "\(row["actor"] as String) set \(name) \(row["old_value"] as String? ?? "∅") → \(row["new_value"] as String? ?? "∅") "
                            + "at \(row["changed_at"] as String)"
                    }
                    result.conflicts.append(
                        "\(GoalID.format(section.goalId)) was changed while the file was open (\(what.joined(separator: "; "))); your changes to "
                            + "it were not saved"
                    )
                    continue
                }
                result.changes += try Self.applyEdit(section, goals: goals, unfilled: unfilled, history: history, db: db).map { (section.goalId, $0) }
            }
            return result
        }
    }

    /// The keys whose values differ from what the file was opened with.
    static func changedKeys(_ section: GoalEditFile.Section, goals: [Goal]) -> [String] {
        guard let goal = goals.first(where: { $0.id == section.goalId }) else { return [] }
        return GoalEditFile.keys(goal).filter { key in
            section.values[key].map { $0.value != GoalEditFile.value(goal, key: key) } ?? false
        }
    }

    private static func applyEdit(
        _ section: GoalEditFile.Section, goals: [Goal], unfilled: Bool, history: HistoryWriter,
        db: Database
    ) throws -> [GoalChange] {
        guard let goal = goals.first(where: { $0.id == section.goalId }) else { return [] }
        let changed = changedKeys(section, goals: goals)
        var changes: [GoalChange] = []
        var byItem: [(item: String, assignments: [(key: String, value: String)])] = []
        for key in changed where key != "status" && key != "note" {
            // `weight` alone is the goal's; every other key belongs to an item.
            let (item, field) = key == "weight" ? ("", "weight") : goal.field(named: key)
            let assignment = (key: field, value: section.values[key]!.value)
            if let index = byItem.firstIndex(where: { $0.item == item }) {
                byItem[index].assignments.append(assignment)
            } else {
                byItem.append((item, [assignment]))
            }
        }
        for group in byItem {
            changes += try setGoal(goal.id, group.assignments, item: group.item.isEmpty ? nil : group.item, direction: nil, history: history, db: db)
        }
        let note = section.values["note"]?.value
        if changed.contains("status") {
            let text = section.values["status"]!.value
            guard let status = GoalStatus(rawValue: text) else {
                throw GoalbookError.invalidArgument("status '\(text)' is not one of draft, active, done, dropped")
            }
            if let change = try setStatus(
                goal.id, to: status, note: note.flatMap { $0.isEmpty ? nil : $0 }, unfilled: unfilled,
                history: history, db: db)
            {
                changes.append(change)
            }
        } else if let note, !note.isEmpty {
            throw GoalbookError.invalidArgument("a note is kept with a status change; change status too, or leave note empty")
        }
        return changes
    }
}
