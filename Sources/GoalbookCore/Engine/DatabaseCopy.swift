import Foundation

/// An engine whose transactions hand out the shared SQL runner: what a copy between engines reads
/// and writes through.
protocol RunnerEngine: GoalbookEngine {
    associatedtype Runner: SQLEngineRunner
    /// Runs `body` in one read transaction.
    func readingRows<T>(_ body: (Runner) throws -> T) throws -> T
    /// Runs `body` in one write transaction, with the engine's own triggers off where it can
    /// turn them off for the copy (the rows come from a database that kept the same rules).
    func copyingInto<T>(_ body: (Runner) throws -> T) throws -> T
}

/// `goalbook copy`: every row of one Goalbook database into a new, empty one on the same or the
/// other engine, ids and all, in one transaction on each side. The target keeps its own schema
/// record and dictionary (each engine has its own migrations); everything else is the source's.
public enum DatabaseCopy {
    /// Every table a copy fills, parents first, with its columns (the same on both engines, as
    /// a test checks) and the order its rows are read in.
    static let tables: [(name: String, columns: [String], order: String)] = [
        (
            "canon_version",
            ["canon_version_id", "source", "release_label", "format", "file_name", "sha256", "byte_count", "imported_at", "imported_by"],
            "canon_version_id"
        ),
        ("frame", ["frame_id", "family", "function", "level_code"], "frame_id"),
        ("frame_version", ["frame_version_id", "frame_id", "canon_version_id", "level_title", "content_sha256"], "frame_version_id"),
        (
            "frame_statement",
            ["statement_id", "frame_version_id", "kind", "position", "name", "area", "description", "text", "source_label", "source_line"],
            "statement_id"
        ),
        ("person", ["person_id", "employee_id", "name", "email", "manager_person_id", "frame_id", "left_on", "created_at"], "person_id"),
        (
            "goal_template", ["template_id", "frame_version_id", "framework", "row_number", "statement_id", "title", "template_text"],
            "template_id"
        ),
        (
            "goal",
            [
                "goal_id", "person_id", "quarter", "framework", "row_number", "frame_id", "template_id", "status", "carried_from", "created_at",
                "created_by", "aligned_to", "weight", "score",
            ], "goal_id"
        ),
        ("goal_item", ["goal_id", "item", "first_line", "last_line", "direction", "weight", "keep", "tolerance"], "goal_id, item"),
        ("goal_slot", ["goal_id", "item", "slot", "value", "number", "unit"], "goal_id, item, slot"),
        (
            "checkin",
            [
                "checkin_id", "goal_id", "item", "value", "number", "unit", "checked_on", "confidence", "note", "corrects_checkin_id",
                "recorded_at", "actor", "on_behalf_of",
            ], "checkin_id"
        ),
        (
            "history",
            [
                "history_id", "changed_at", "actor", "command", "person_id", "goal_id", "item", "field", "old_value", "new_value", "note",
                "on_behalf_of", "recorded_at",
            ],
            "history_id"
        ),
        ("closed_quarter", ["quarter", "closed_at", "closed_by", "note", "figures"], "quarter"),
    ]

    /// The columns a copy carries, table by table (`setting` goes by key; `schema_migration` and
    /// `dictionary` are each engine's own).
    public static var copiedColumns: [String: [String]] { Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0.columns) }) }

    /// The tables whose rows say a database holds something: a target with any is refused.
    static let contentTables = ["canon_version", "person", "goal", "history"]

    /// Copies the database at `source` into a new one at `target` (a file path that does not
    /// exist yet, or an empty PostgreSQL database). Returns each table's row count.
    /// `progress` counts the rows copied, of all tables, against their total.
    public static func copy(
        from source: String, to target: String, actor: String, progress: ProgressMeter? = nil
    ) throws -> [(table: String, rows: Int)] {
        guard source != target else { throw GoalbookError.invalidArgument("--from and --to name the same database") }
        if case .sqlite(let path) = try DatabaseLocation.kind(of: source), !FileManager.default.fileExists(atPath: path) {
            throw GoalbookError.cannotOpen(path: path, reason: "there is no database there to copy")
        }
        let sourceEngine = try runnerEngine(source, actor: actor, builtInCanon: true)
        switch try DatabaseLocation.kind(of: target) {
        case .sqlite(let path):
            if FileManager.default.fileExists(atPath: path) {
                throw GoalbookError.refused("\(path) exists already: a copy makes a new file, and the file was left untouched")
            }
            do {
                return try copy(sourceEngine, into: try runnerEngine(target, actor: actor, builtInCanon: false), progress: progress)
            } catch {
                // The file was made by this copy: a copy that failed leaves nothing behind.
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                throw error
            }
        case .postgres:
            return try copy(sourceEngine, into: try runnerEngine(target, actor: actor, builtInCanon: false), progress: progress)
        }
    }

    private static func runnerEngine(_ location: String, actor: String, builtInCanon: Bool) throws -> any RunnerEngine {
        switch try DatabaseLocation.kind(of: location) {
        case .sqlite(let path): return try SQLiteEngine(path: path, actor: actor, builtInCanon: builtInCanon)
        case .postgres(let url): return try PostgresEngine(url: url, actor: actor, builtInCanon: builtInCanon)
        }
    }

    private static func copy(
        _ source: some RunnerEngine, into target: some RunnerEngine, progress: ProgressMeter?
    ) throws -> [(table: String, rows: Int)] {
        try source.readingRows { from in
            try target.copyingInto { to in
                for table in contentTables where try to.int("SELECT count(*) FROM \(table)") ?? 0 > 0 {
                    throw GoalbookError.refused(
                        "\(target.location) is not empty (\(table) has rows): a copy goes into a new database only, and it was left untouched")
                }
                var counts: [(table: String, rows: Int)] = []
                var links: [(goal: Int64, alignedTo: Int64)] = []
                // The total, for the progress line only (one count per table, in the same read).
                var total: Int?
                if progress != nil {
                    total = try tables.reduce(0) { $0 + Int(try from.int("SELECT count(*) FROM \($1.name)") ?? 0) }
                }
                var copied = 0
                for table in tables {
                    let columns = table.columns.joined(separator: ", ")
                    let alignedAt = table.name == "goal" ? table.columns.firstIndex(of: "aligned_to") : nil
                    // Rows go in a few hundred at a time: one statement each would cost a round trip per row.
                    let batch = max(1, 2000 / table.columns.count)
                    let row = "(" + table.columns.map { _ in "?" }.joined(separator: ", ") + ")"
                    let insertMany = try to.prepare(
                        "INSERT INTO \(table.name) (\(columns)) VALUES " + Array(repeating: row, count: batch).joined(separator: ", "))
                    var pending: [SQLValue] = []
                    var count = 0
                    func flush() throws {
                        let rows = pending.count / table.columns.count
                        guard rows > 0 else { return }
                        if rows == batch {
                            try insertMany.run(pending)
                        } else {
                            try to.prepare(
                                "INSERT INTO \(table.name) (\(columns)) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
                            ).run(pending)
                        }
                        pending.removeAll(keepingCapacity: true)
                    }
                    try from.forEachRow("SELECT \(columns) FROM \(table.name) ORDER BY \(table.order)", []) { row in
                        var values = (0..<table.columns.count).map { row.value(Int32($0)) }
                        // Links may point at later goals: every goal first, then the links.
                        if let alignedAt, !row.isNull(Int32(alignedAt)) {
                            links.append((row.int(0), row.int(Int32(alignedAt))))
                            values[alignedAt] = .null
                        }
                        pending += values
                        count += 1
                        copied += 1
                        progress?.update(done: copied, total: total)
                        if pending.count == batch * table.columns.count { try flush() }
                    }
                    try flush()
                    counts.append((table.name, count))
                }
                for link in links { try to.execute("UPDATE goal SET aligned_to = ? WHERE goal_id = ?", [link.alignedTo, link.goal]) }
                // Settings: the source's values over the target's defaults, and any the source adds.
                try from.forEachRow("SELECT key, value, description FROM setting ORDER BY key", []) { row in
                    try to.execute(
                        """
                        INSERT INTO setting (key, value, description) VALUES (?, ?, ?)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value, description = excluded.description
                        """, [row.text(0), row.text(1), row.text(2)])
                }
                counts.append(("setting", try to.int("SELECT count(*) FROM setting").map { Int($0) } ?? 0))
                // Every table holds what the source holds, row for row.
                for (table, count) in counts where table != "setting" {
                    let copied = try to.int("SELECT count(*) FROM \(table)") ?? -1
                    guard copied == Int64(count) else {
                        throw GoalbookError.refused("the copy of \(table) holds \(copied) rows where the source has \(count); nothing was copied")
                    }
                }
                try to.finishCopy()
                // The copied tables' statistics, so that the first commands on the new database are
                // planned on its rows (on PostgreSQL a team's past report took 3.7-4.4 s on a fresh
                // copy of the 100k file before autovacuum came by); nothing on SQLite.
                try to.refreshStatistics(counts.map(\.0))
                return counts
            }
        }
    }
}
