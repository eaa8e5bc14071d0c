/// Appends history rows for one command: one clock reading, one actor, one prepared statement.
struct HistoryWriter<Statement: SQLStatement> {
    /// ``EngineSQL/historyInsert``, prepared.
    let insert: Statement
    /// When the changes take effect (`changed_at`) and when they are recorded (`recorded_at`).
    let stamp: String
    let recorded: String
    let actor: String
    let command: String

    func record(
        person: Int64?, goal: Int64? = nil, item: String? = nil, field: String,
        old: String?, new: String?, note: String? = nil
    ) throws {
        try insert.run(
            .text(stamp), .text(recorded), .text(actor), .text(command), .int(person), .int(goal), .text(item), .text(field),
            .text(old), .text(new), .text(note))
    }
}
