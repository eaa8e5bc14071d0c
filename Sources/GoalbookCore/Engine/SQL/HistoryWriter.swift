/// Appends history rows for one command: one clock reading, one actor, one prepared statement.
struct HistoryWriter<Statement: SQLStatement> {
    /// ``EngineSQL/historyInsert``, prepared.
    let insert: Statement
    let stamp: String
    let actor: String
    let command: String

    func record(
        person: Int64?, goal: Int64? = nil, item: String? = nil, field: String,
        old: String?, new: String?, note: String? = nil
    ) throws {
        try insert.run(
            .text(stamp), .text(actor), .text(command), .int(person), .int(goal), .text(item), .text(field),
            .text(old), .text(new), .text(note))
    }
}
