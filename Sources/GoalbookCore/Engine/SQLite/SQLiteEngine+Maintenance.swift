import Foundation
import GRDB

extension SQLiteEngine {
    // MARK: - Checking

    /// Every problem found: SQLite's integrity and foreign-key checks, then Goalbook's own rules.
    /// Empty when the database is sound.
    public func check() throws -> [String] {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "integrity: \($0)" } }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append(
                    "foreign key: \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) points at a missing \(row[2] as String? ?? "?") row")
            }
            let rules: [(String, String)] = [
                (
                    "goal without its canon link (template, frame version or statement missing)",
                    """
                    SELECT 'G' || g.goal_id FROM goal AS g
                    LEFT JOIN goal_template AS t ON t.template_id = g.template_id
                    LEFT JOIN frame_statement AS s ON s.statement_id = t.statement_id
                    LEFT JOIN frame_version AS fv ON fv.frame_version_id = t.frame_version_id
                    WHERE t.template_id IS NULL OR s.statement_id IS NULL OR fv.frame_version_id IS NULL
                    """
                ),
                (
                    "goal with no 'created' history",
                    """
                    SELECT 'G' || g.goal_id FROM goal AS g
                    WHERE NOT EXISTS (SELECT 1 FROM history AS h WHERE h.goal_id = g.goal_id AND h.field = 'created')
                    """
                ),
                (
                    "person with no 'created' history",
                    """
                    SELECT p.employee_id FROM person AS p
                    WHERE NOT EXISTS (SELECT 1 FROM history AS h WHERE h.person_id = p.person_id AND h.goal_id IS NULL AND h.field = 'created')
                    """
                ),
                (
                    "person in a manager cycle",
                    """
                    WITH RECURSIVE up(start, person_id, steps) AS (
                        SELECT person_id, manager_person_id, 1 FROM person WHERE manager_person_id IS NOT NULL
                        UNION ALL
                        SELECT u.start, p.manager_person_id, u.steps + 1 FROM up AS u JOIN person AS p ON p.person_id = u.person_id
                        WHERE p.manager_person_id IS NOT NULL AND u.person_id <> u.start AND u.steps < 10000)
                    SELECT DISTINCT p.employee_id FROM up JOIN person AS p ON p.person_id = up.start WHERE up.person_id = up.start
                    """
                ),
                (
                    "item whose baseline and target disagree on the unit",
                    """
                    SELECT 'G' || b.goal_id || ' ' || b.item || ': ' || b.value || ' vs ' || t.value FROM goal_slot AS b
                    JOIN goal_slot AS t ON t.goal_id = b.goal_id AND t.item = b.item AND t.slot = 'target'
                    WHERE b.slot = 'baseline' AND b.value IS NOT NULL AND t.value IS NOT NULL AND b.unit IS NOT t.unit
                    """
                ),
                (
                    "slot whose number does not match its value",
                    """
                    SELECT 'G' || goal_id || ' ' || item || '.' || slot FROM goal_slot
                    WHERE (slot <> 'date' AND (value IS NULL) <> (number IS NULL))
                       OR (slot = 'date' AND (number IS NOT NULL OR (value IS NOT NULL AND date(value) IS NOT value)))
                    """
                ),
                (
                    "check-in not in its item's unit",
                    """
                    SELECT 'C' || c.checkin_id || ' (' || c.value || ') of G' || c.goal_id FROM checkin AS c
                    JOIN goal_slot AS t ON t.goal_id = c.goal_id AND t.item = c.item AND t.slot = 'target'
                    WHERE t.value IS NOT NULL AND c.unit IS NOT t.unit
                    """
                ),
            ]
            for (rule, sql) in rules {
                let found = try String.fetchAll(db, sql: sql + " LIMIT 21")
                problems += found.prefix(20).map { "\(rule): \($0)" }
                if found.count > 20 { problems.append("\(rule): … and more") }
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            problems += try Self.schemaProblems(db: db, version: version).map { "schema: \($0)" }
            problems += try Self.migrationRecordProblems(db: db, version: version).map { "schema: \($0)" }
            problems += try Self.replayProblems(db: db)
            problems += try Self.closedQuarterProblems(db: db)
            return problems
        }
    }

    /// The first twenty problems of a long list, then how many more there are.
    static func limited(_ problems: [String]) -> [String] {
        var list = ProblemList()
        for problem in problems { list.add(problem) }
        return list.lines
    }

    /// Problems as they are found: the first twenty word for word, the rest only counted, so a
    /// file broken in every one of its five million goals is told in 21 lines and a few kilobytes.
    struct ProblemList {
        private var shown: [String] = []
        private var more = 0

        mutating func add(_ problem: String) {
            if shown.count < 20 { shown.append(problem) } else { more += 1 }
        }

        var lines: [String] { more == 0 ? shown : shown + ["… and \(more) more"] }
    }

    // MARK: - Backup and restore

    /// Writes a consistent copy of the database to `target` with SQLite's online backup API, while
    /// other commands may be writing. The copy is made in a temporary file beside the target,
    /// checked, synced and renamed into place, so a failure leaves the target as it was. With
    /// `replace`, an existing target is replaced only when it is a Goalbook database file; a
    /// folder, a link, a device, another program's file, this database itself or its -wal and
    /// -shm are refused. Nothing is ever deleted but the replaced file's own -wal and -shm.
    public func backup(to target: String, replace: Bool, progress: ProgressMeter? = nil) throws {
        for own in [path, path + "-wal", path + "-shm"] where FileTarget.same(own, target) {
            throw GoalbookError.refused(
                "\(target) is this database\(own == path ? "" : "'s \(own.hasSuffix("-wal") ? "-wal" : "-shm") file") itself; back it up to "
                    + "another file"
            )
        }
        switch FileTarget.at(target) {
        case .missing: break
        case .directory: throw GoalbookError.refused("\(target) is a folder; it was left untouched (name a file for the backup)")
        case .symbolicLink: throw GoalbookError.refused("\(target) is a symbolic link; it was left untouched (name the file itself)")
        case .special: throw GoalbookError.refused("\(target) is not a regular file (a device, FIFO or socket); it was left untouched")
        case .regularFile:
            guard replace else { throw GoalbookError.refused("\(target) already exists; it was left untouched (--force replaces it)") }
            do {
                _ = try Self.checkBackup(target)
            } catch {
                throw GoalbookError.refused("\(target) is not a Goalbook database, so --force does not replace it; it was left untouched")
            }
        }
        for suffix in ["-wal", "-shm", "-journal"] {
            switch FileTarget.at(target + suffix) {
            case .missing, .regularFile: continue
            default: throw GoalbookError.refused("\(target + suffix) is not a regular file; \(target) was left untouched")
            }
        }
        let temporary = FileTarget.temporary(beside: target)
        _ = unlink(temporary)
        _ = try Self.createFileIfMissing(temporary)
        do {
            let copy = try SQLiteConnection.open(temporary)
            // 4 MiB a step, all inside one read transaction of the source: a steady snapshot
            // whose progress can be shown.
            try queue.backup(to: copy, pagesPerStep: 1024) { step in
                progress?.update(done: step.completedPageCount, total: step.totalPageCount)
            }
            let result = try copy.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            guard result == ["ok"] else {
                throw GoalbookError.refused("the backup at \(target) failed its integrity check: \(result.joined(separator: "; "))")
            }
            // Closing the only connection checkpoints the copy: it is one whole file before it moves.
            try copy.close()
            guard FileTarget.at(temporary + "-wal") == .missing else {
                throw GoalbookError.cannotOpen(path: target, reason: "the copy could not be made into one file")
            }
            FileTarget.sync(file: temporary)
            // The replaced database's -wal and -shm would be read as the new file's: they go first.
            for suffix in ["-wal", "-shm", "-journal"] where FileTarget.at(target + suffix) != .missing { _ = unlink(target + suffix) }
            guard rename(temporary, target) == 0 else {
                throw GoalbookError.cannotOpen(path: target, reason: String(cString: strerror(errno)))
            }
            FileTarget.sync(file: target)
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { _ = unlink(temporary + suffix) }
            if let error = error as? DatabaseError { throw GoalbookError.cannotOpen(path: target, reason: error.message ?? "\(error)") }
            throw error
        }
    }

    /// Checks a backup file before it is restored: a sound SQLite file, made by Goalbook, no newer
    /// than this Goalbook. Returns its schema version.
    public static func checkBackup(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else {
            throw GoalbookError.cannotOpen(path: path, reason: "there is no file there")
        }
        do {
            let source = try SQLiteConnection.open(path, readOnly: true)
            return try source.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else {
                    throw GoalbookError.refused(
                        "\(path) fails SQLite's integrity check (\(integrity.prefix(3).joined(separator: "; "))); nothing was restored")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let isGoalbook = try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM sqlite_schema WHERE name = 'schema_migration'") ?? false
                guard version > 0, isGoalbook else { throw GoalbookError.refused("\(path) is not a Goalbook database; nothing was restored") }
                guard version <= Self.schemaVersion else {
                    throw GoalbookError.newerDatabase(path: path, version: version, known: Self.schemaVersion)
                }
                return version
            }
        } catch let error as DatabaseError {
            throw GoalbookError.cannotOpen(
                path: path, reason: error.resultCode == .SQLITE_NOTADB ? "the file is not a SQLite database" : (error.message ?? "\(error)"))
        }
    }

    /// What restoring `source` over the database at `path` would lose: the history rows and
    /// check-ins recorded after the backup was made. Nil when there is no database at `path`.
    public static func restoreLoss(from source: String, to path: String) throws -> RestoreLoss? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        func newest(_ file: String) throws -> (history: Int64, checkin: Int64) {
            do {
                return try SQLiteConnection.open(file, readOnly: true).read { db in
                    (
                        try Int64.fetchOne(db, sql: "SELECT COALESCE(max(history_id), 0) FROM history") ?? 0,
                        try Int64.fetchOne(db, sql: "SELECT COALESCE(max(checkin_id), 0) FROM checkin") ?? 0
                    )
                }
            } catch let error as DatabaseError {
                throw GoalbookError.cannotOpen(path: file, reason: error.message ?? "\(error)")
            }
        }
        let backup = try newest(source)
        do {
            return try SQLiteConnection.open(path, readOnly: true).read { db in
                let history = try Row.fetchOne(
                    db, sql: "SELECT count(*) AS n, max(COALESCE(recorded_at, changed_at)) AS last FROM history WHERE history_id > ?",
                    arguments: [backup.history])
                let checkins = try Int.fetchOne(db, sql: "SELECT count(*) FROM checkin WHERE checkin_id > ?", arguments: [backup.checkin]) ?? 0
                return RestoreLoss(history: history?["n"] ?? 0, checkins: checkins, lastChange: history?["last"])
            }
        } catch is DatabaseError {
            // Not a database Goalbook can read: there is no history of its own to lose.
            return RestoreLoss(history: 0, checkins: 0, lastChange: nil)
        }
    }

    /// Replaces the database at `path` with the backup at `source`. The backup is first copied
    /// beside the database, brought up to date and run through the whole of ``check()``: a backup
    /// that fails it (its triggers dropped, its history rewritten) is refused and nothing changes.
    /// An existing database is replaced only with `replace`; the copy goes in with the online
    /// backup API, so other commands wait rather than see half a database.
    public static func restore(from source: String, to path: String, replace: Bool, actor: String) throws -> RestoreOutcome {
        let version = try checkBackup(source)
        let loss = try restoreLoss(from: source, to: path)
        if let loss, !replace {
            throw GoalbookError.refused(
                "\(path) already exists; it was left untouched (--force replaces it with "
                    + "\(source)\(loss.isEmpty ? "" : ", losing " + loss.description))"
            )
        }
        let staging = FileTarget.temporary(beside: path, label: "restore")
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { _ = unlink(staging + suffix) } }
        for suffix in ["", "-wal", "-shm", "-journal"] { _ = unlink(staging + suffix) }
        do {
            _ = try createFileIfMissing(staging)
            try SQLiteConnection.open(source, readOnly: true).backup(to: SQLiteConnection.open(staging))
        } catch let error as DatabaseError {
            throw GoalbookError.cannotOpen(path: source, reason: error.message ?? "\(error)")
        }
        // Opening brings an older backup up to date; check then proves it whole.
        let staged = try SQLiteEngine(path: staging, actor: actor)
        let problems = try staged.check()
        guard problems.isEmpty else {
            throw GoalbookError.refused(
                "\(source) fails goalbook check, so it was not restored; \(path) was left untouched:\n"
                    + limited(problems).map { "  " + $0 }.joined(separator: "\n"))
        }
        _ = try createFileIfMissing(path)
        do {
            try staged.queue.backup(to: SQLiteConnection.open(path))
        } catch let error as DatabaseError {
            throw GoalbookError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
        _ = try SQLiteEngine(path: path, actor: actor)
        return RestoreOutcome(version: version, loss: loss ?? RestoreLoss(history: 0, checkins: 0, lastChange: nil))
    }
}

/// What a restore loses: the changes recorded after the backup was made.
public struct RestoreLoss: Sendable, Equatable, CustomStringConvertible {
    public var history: Int
    public var checkins: Int
    /// When the newest of them was recorded.
    public var lastChange: String?

    public var isEmpty: Bool { history == 0 && checkins == 0 }

    public init(history: Int, checkins: Int, lastChange: String?) {
        self.history = history
        self.checkins = checkins
        self.lastChange = lastChange
    }

    /// `12 changes and 3 check-ins recorded after the backup (the last at …)`.
    public var description: String {
        "\(counted(history, "change")) and \(counted(checkins, "check-in")) recorded after the backup"
            + (lastChange.map { " (the last at \($0))" } ?? "")
    }
}

public struct RestoreOutcome: Sendable, Equatable {
    /// The backup's schema version.
    public var version: Int
    public var loss: RestoreLoss
}
