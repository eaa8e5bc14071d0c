/// One entry of a goal's or a person's history, as `goals log` and `people show` print it.
public struct HistoryEntry: Sendable, Equatable, Codable {
    public var changedAt: String
    public var actor: String
    public var command: String
    /// `target`, `KR1.target`, `status`, `manager`, …
    public var field: String
    public var old: String?
    public var new: String?
    public var note: String?
    /// On PostgreSQL, the name --by gave when a manager's login made the change under its own
    /// name (``actor``); nil otherwise, and left out of JSON.
    public var onBehalfOf: String?
    /// When the change was recorded, where that was after it took effect (``changedAt``): a
    /// write dated back with `--date`. Nil otherwise, and then left out of JSON.
    public var recordedAt: String?

    public init(
        changedAt: String, actor: String, command: String, field: String, old: String?, new: String?, note: String?, onBehalfOf: String? = nil,
        recordedAt: String? = nil
    ) {
        self.changedAt = changedAt
        self.actor = actor
        self.command = command
        self.field = field
        self.old = old
        self.new = new
        self.note = note
        self.onBehalfOf = onBehalfOf
        self.recordedAt = recordedAt
    }

    /// When, as a log prints it: `2026-10-02T09:00:00.000Z (recorded 2026-12-01)` for a change dated back.
    public var when: String { changedAt + (recordedAt.map { " (recorded \($0.prefix(10)))" } ?? "") }

    /// Who, as a log prints it: `alice (for grace)` when a login acted for a name it was given.
    public var who: String { actor + (onBehalfOf.map { " (for \($0))" } ?? "") }
}
