import Foundation
import GRDB

extension SQLiteEngine {
    // MARK: - Importing

    /// Stores parsed canon documents, all in one transaction, by the rules of ``CanonImport``.
    public func importCanon(
        _ documents: [CanonDocument], actor: String, now: Date = Date(), progress: ProgressMeter? = nil
    ) throws -> [CanonImportOutcome] {
        let stamp = Timestamp.string(now)
        return try write { db in
            try CanonImport.run(documents, in: SQLiteCanonStore(db: db), actor: actor, stamp: stamp, progress: progress)
        }
    }

    // MARK: - Reading

    /// Every frame as it stands now, ordered by family, function and level.
    static func frameSummaries(db: Database) throws -> [FrameSummary] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT fc.family, fc.function, fc.level_code, fc.level_title, fc.canon_version_id, cv.source, cv.release_label,
                       sum(s.kind = 'responsibility') AS responsibilities,
                       sum(s.kind = 'dimension') AS dimensions,
                       sum(s.kind = 'rubric') AS rubrics
                FROM frame_current AS fc
                JOIN canon_version AS cv ON cv.canon_version_id = fc.canon_version_id
                LEFT JOIN frame_statement AS s ON s.frame_version_id = fc.frame_version_id
                GROUP BY fc.frame_id
                ORDER BY fc.family, fc.function, fc.level_code
                """
        ).map { row in
            FrameSummary(
                family: row["family"], function: row["function"], level: row["level_code"], title: row["level_title"],
                responsibilities: row["responsibilities"] ?? 0, dimensions: row["dimensions"] ?? 0, rubrics: row["rubrics"] ?? 0,
                canonVersion: row["canon_version_id"], source: row["source"], release: row["release_label"])
        }
    }

    /// A stored frame version with its statements.
    static func frame(versionId: Int64, db: Database) throws -> Frame {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT fv.frame_id, fv.frame_version_id, fv.canon_version_id, fv.level_title, f.family, f.function, f.level_code,
                           cv.source, cv.release_label
                    FROM frame_version AS fv
                    JOIN frame AS f ON f.frame_id = fv.frame_id
                    JOIN canon_version AS cv ON cv.canon_version_id = fv.canon_version_id
                    WHERE fv.frame_version_id = ?
                    """, arguments: [versionId])
        else { throw GoalbookError.notFound(what: "frame version \(versionId)", suggestions: []) }
        let statements = try Row.fetchAll(
            db,
            sql: """
                SELECT statement_id, kind, position, name, area, description, text, source_label, source_line
                FROM frame_statement WHERE frame_version_id = ? ORDER BY statement_id
                """, arguments: [versionId]
        ).map { s in
            CanonStatement(
                id: s["statement_id"], kind: StatementKind(rawValue: s["kind"]) ?? .responsibility, position: s["position"],
                name: s["name"], area: s["area"], description: s["description"], text: s["text"],
                sourceLabel: s["source_label"], line: s["source_line"])
        }
        return Frame(
            frameId: row["frame_id"], frameVersionId: row["frame_version_id"], canonVersionId: row["canon_version_id"],
            canonSource: row["source"], canonRelease: row["release_label"], family: row["family"], function: row["function"],
            levelCode: row["level_code"], levelTitle: row["level_title"], statements: statements)
    }
}

/// A canon import's reads and writes on SQLite.
struct SQLiteCanonStore: CanonImportStore {
    let db: Database

    func canonVersion(sha256: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT canon_version_id FROM canon_version WHERE sha256 = ?", arguments: [sha256])
    }

    func insertCanonVersion(_ document: CanonDocument, sha256: String, stamp: String, actor: String) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO canon_version (source, release_label, format, file_name, sha256, byte_count, imported_at, imported_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                document.source, document.releaseLabel, document.format.rawValue, document.fileName, sha256,
                document.bytes.count, stamp, actor,
            ])
        return db.lastInsertedRowID
    }

    func frameId(_ frame: FrameSpec) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT frame_id FROM frame WHERE family = ? AND function = ? AND level_code = ?",
            arguments: [frame.family, frame.function, frame.levelCode])
    }

    func hasFrameVersion(frameId: Int64, canonVersionId: Int64) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM frame_version WHERE frame_id = ? AND canon_version_id = ?", arguments: [frameId, canonVersionId]) == true
    }

    func latestFingerprint(frameId: Int64) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT content_sha256 FROM frame_version WHERE frame_id = ? ORDER BY frame_version_id DESC LIMIT 1",
            arguments: [frameId])
    }

    func insertFrame(_ frame: FrameSpec) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO frame (family, function, level_code) VALUES (?, ?, ?)", arguments: [frame.family, frame.function, frame.levelCode])
        return db.lastInsertedRowID
    }

    func insertFrameVersion(
        frameId: Int64, canonVersionId: Int64, title: String?, fingerprint: String,
        statements: [(position: Int, statement: StatementSpec)]
    ) throws {
        try db.execute(
            sql: "INSERT INTO frame_version (frame_id, canon_version_id, level_title, content_sha256) VALUES (?, ?, ?, ?)",
            arguments: [frameId, canonVersionId, title, fingerprint])
        let frameVersionId = db.lastInsertedRowID
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO frame_statement (frame_version_id, kind, position, name, area, description, text, source_label, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, statement) in statements {
            try insert.execute(arguments: [
                frameVersionId, statement.kind.rawValue, position, statement.name, statement.area,
                statement.description, statement.text, statement.sourceLabel, statement.line,
            ])
        }
    }
}
