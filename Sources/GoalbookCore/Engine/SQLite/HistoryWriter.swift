import GRDB

/// Appends history rows for one command: one clock reading, one actor, one prepared statement.
struct HistoryWriter {
    let stamp: String
    let actor: String
    let command: String
    private let insert: FastStatement

    init(db: Database, stamp: String, actor: String, command: String) throws {
        self.stamp = stamp
        self.actor = actor
        self.command = command
        insert = try FastStatement(
            db,
            sql: """
                INSERT INTO history (changed_at, actor, command, person_id, goal_id, item, field, old_value, new_value, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    func record(
        person: Int64?, goal: Int64? = nil, item: String? = nil, field: String,
        old: String?, new: String?, note: String? = nil
    ) throws {
        try insert.run(
            .text(stamp), .text(actor), .text(command), .int(person), .int(goal), .text(item), .text(field),
            .text(old), .text(new), .text(note))
    }
}
