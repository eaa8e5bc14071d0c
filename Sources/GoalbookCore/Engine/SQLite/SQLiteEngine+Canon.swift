import Foundation
import GRDB

extension SQLiteEngine {
    // MARK: - Importing

    /// Stores parsed canon documents, all in one transaction.
    ///
    /// A file whose bytes were imported before changes nothing. Otherwise it becomes a new canon
    /// version, and each frame whose content differs from its newest stored version gets a new
    /// frame version with its statements. Old versions stay, so goals keep what they point at.
    public func importCanon(_ documents: [CanonDocument], actor: String, now: Date = Date()) throws -> [CanonImportOutcome] {
        let stamp = Timestamp.string(now)
        return try write { db in
            try documents.map { try Self.importCanon($0, actor: actor, stamp: stamp, db: db) }
        }
    }

    /// Imports the canon embedded in the binary; files already imported change nothing.
    public func importBuiltInCanon(actor: String, now: Date = Date()) throws -> [CanonImportOutcome] {
        try importCanon(Self.builtInCanonDocuments(), actor: actor, now: now)
    }

    /// The canon embedded in the binary, parsed.
    static func builtInCanonDocuments() throws -> [CanonDocument] {
        try Resources.builtInCanon.map { file in
            try CanonParser.parse(
                bytes: Array(file.bytes), fileName: "builtin:\(file.name)", format: nil,
                family: Resources.builtInLadderFamilies[file.name])
        }
    }

    static func importCanon(_ document: CanonDocument, actor: String, stamp: String, db: Database) throws -> CanonImportOutcome {
        let sha = SHA256Hex.of(document.bytes)
        // The same bytes read again change nothing, frame by frame: but a ladder read under another
        // --family is another frame, added to the canon version those bytes already have.
        let existing = try Int64.fetchOne(db, sql: "SELECT canon_version_id FROM canon_version WHERE sha256 = ?", arguments: [sha])
        if existing == nil {
            try db.execute(
                sql: """
                    INSERT INTO canon_version (source, release_label, format, file_name, sha256, byte_count, imported_at, imported_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    document.source, document.releaseLabel, document.format.rawValue, document.fileName, sha,
                    document.bytes.count, stamp, actor,
                ])
        }
        let versionId = existing ?? db.lastInsertedRowID
        var outcome = CanonImportOutcome(
            fileName: document.fileName, status: .imported, canonVersionId: versionId,
            framesAdded: 0, framesChanged: 0, framesUnchanged: 0)
        let insertStatement = try db.makeStatement(
            sql: """
                INSERT INTO frame_statement (frame_version_id, kind, position, name, area, description, text, source_label, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for frame in document.frames {
            let fingerprint = contentFingerprint(frame)
            let frameId: Int64
            if let id = try Int64.fetchOne(
                db, sql: "SELECT frame_id FROM frame WHERE family = ? AND function = ? AND level_code = ?",
                arguments: [frame.family, frame.function, frame.levelCode])
            {
                frameId = id
                // Bytes imported before, for a frame they made already: nothing new (even where a
                // later file has changed the frame since).
                if existing != nil,
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM frame_version WHERE frame_id = ? AND canon_version_id = ?",
                        arguments: [id, versionId]) == true
                {
                    outcome.framesUnchanged += 1
                    continue
                }
                let current = try String.fetchOne(
                    db, sql: "SELECT content_sha256 FROM frame_version WHERE frame_id = ? ORDER BY frame_version_id DESC LIMIT 1",
                    arguments: [id])
                if current == fingerprint {
                    outcome.framesUnchanged += 1
                    continue
                }
                outcome.framesChanged += 1
            } else {
                try db.execute(
                    sql: "INSERT INTO frame (family, function, level_code) VALUES (?, ?, ?)",
                    arguments: [frame.family, frame.function, frame.levelCode])
                frameId = db.lastInsertedRowID
                outcome.framesAdded += 1
            }
            try db.execute(
                sql: "INSERT INTO frame_version (frame_id, canon_version_id, level_title, content_sha256) VALUES (?, ?, ?, ?)",
                arguments: [frameId, versionId, frame.levelTitle, fingerprint])
            let frameVersionId = db.lastInsertedRowID
            var positions: [StatementKind: Int] = [:]
            for statement in frame.statements {
                let position = (positions[statement.kind] ?? 0) + 1
                positions[statement.kind] = position
                try insertStatement.execute(arguments: [
                    frameVersionId, statement.kind.rawValue, position, statement.name, statement.area,
                    statement.description, statement.text, statement.sourceLabel, statement.line,
                ])
            }
        }
        if existing != nil && outcome.framesAdded == 0 && outcome.framesChanged == 0 { outcome.status = .unchanged }
        return outcome
    }

    /// A fingerprint of everything a frame says (title and statements, not line numbers).
    static func contentFingerprint(_ frame: FrameSpec) -> String {
        var bytes: [UInt8] = []
        func add(_ value: String?) {
            guard let value else {
                bytes.append(0x2D)
                bytes.append(0x00)
                return
            }
            bytes += Array("\(value.utf8.count):".utf8) + Array(value.utf8)
        }
        add(frame.levelTitle)
        for statement in frame.statements {
            for field in [statement.kind.rawValue, statement.name, statement.area, statement.description, statement.text, statement.sourceLabel] {
                add(field)
            }
        }
        return SHA256Hex.of(bytes)
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
