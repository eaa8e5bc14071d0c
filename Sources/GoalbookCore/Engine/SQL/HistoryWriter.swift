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
        insert = try FastStatement(db, sql: EngineSQL.historyInsert)
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
