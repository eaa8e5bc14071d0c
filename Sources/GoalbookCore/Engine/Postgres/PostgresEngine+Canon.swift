import Foundation

/// A canon import's reads and writes on PostgreSQL.
struct PostgresCanonStore: CanonImportStore {
    let connection: PostgresConnection

    func canonVersion(sha256: String) throws -> Int64? {
        try connection.query("SELECT canon_version_id FROM canon_version WHERE sha256 = $1", [sha256]).rows.first?.int64("canon_version_id")
    }

    func insertCanonVersion(_ document: CanonDocument, sha256: String, stamp: String, actor: String) throws -> Int64 {
        try connection.query(
            """
            INSERT INTO canon_version (source, release_label, format, file_name, sha256, byte_count, imported_at, imported_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING canon_version_id
            """,
            [
                document.source, document.releaseLabel, document.format.rawValue, document.fileName, sha256,
                document.bytes.count, stamp, actor,
            ]
        ).rows[0].requiredInt64("canon_version_id")
    }

    func frameId(_ frame: FrameSpec) throws -> Int64? {
        try connection.query(
            "SELECT frame_id FROM frame WHERE family = $1 AND function = $2 AND level_code = $3",
            [frame.family, frame.function, frame.levelCode]
        ).rows.first?.int64("frame_id")
    }

    func hasFrameVersion(frameId: Int64, canonVersionId: Int64) throws -> Bool {
        try !connection.query("SELECT 1 FROM frame_version WHERE frame_id = $1 AND canon_version_id = $2", [frameId, canonVersionId])
            .rows.isEmpty
    }

    func latestFingerprint(frameId: Int64) throws -> String? {
        try connection.query(
            "SELECT content_sha256 FROM frame_version WHERE frame_id = $1 ORDER BY frame_version_id DESC LIMIT 1", [frameId]
        ).rows.first?.string("content_sha256")
    }

    func insertFrame(_ frame: FrameSpec) throws -> Int64 {
        try connection.query(
            "INSERT INTO frame (family, function, level_code) VALUES ($1, $2, $3) RETURNING frame_id",
            [frame.family, frame.function, frame.levelCode]
        ).rows[0].requiredInt64("frame_id")
    }

    func insertFrameVersion(
        frameId: Int64, canonVersionId: Int64, title: String?, fingerprint: String,
        statements: [(position: Int, statement: StatementSpec)]
    ) throws {
        let frameVersionId = try connection.query(
            """
            INSERT INTO frame_version (frame_id, canon_version_id, level_title, content_sha256) VALUES ($1, $2, $3, $4)
            RETURNING frame_version_id
            """, [frameId, canonVersionId, title, fingerprint]
        ).rows[0].requiredInt64("frame_version_id")
        guard !statements.isEmpty else { return }
        // One statement for all of a frame's statements: a round trip each would dominate the import.
        var sql = "INSERT INTO frame_statement (frame_version_id, kind, position, name, area, description, text, source_label, source_line) VALUES "
        var parameters: SQLArguments = []
        for (index, (position, statement)) in statements.enumerated() {
            let base = index * 9
            sql += (index == 0 ? "" : ", ") + "(" + (1...9).map { "$\(base + $0)" }.joined(separator: ", ") + ")"
            parameters +=
                [
                    frameVersionId, statement.kind.rawValue, position, statement.name, statement.area, statement.description,
                    statement.text, statement.sourceLabel, statement.line,
                ] as SQLArguments
        }
        try connection.query(sql, parameters)
    }
}

/// What PostgreSQL adds to the shared SQL: the reads of the canon, a closed quarter's figures and
/// new people's keys. The canon's reads: Text is ordered `COLLATE "C"`, byte order as on SQLite,
/// whatever the database's own collation.
extension PostgresConnection: SQLEngineRunner {
    func frameSummaries() throws -> [FrameSummary] {
        try query(
            """
            SELECT fc.family, fc.function, fc.level_code, fc.level_title, fc.canon_version_id, cv.source, cv.release_label,
                   count(*) FILTER (WHERE s.kind = 'responsibility') AS responsibilities,
                   count(*) FILTER (WHERE s.kind = 'dimension') AS dimensions,
                   count(*) FILTER (WHERE s.kind = 'rubric') AS rubrics
            FROM frame_current AS fc
            JOIN canon_version AS cv ON cv.canon_version_id = fc.canon_version_id
            LEFT JOIN frame_statement AS s ON s.frame_version_id = fc.frame_version_id
            GROUP BY fc.frame_id, fc.family, fc.function, fc.level_code, fc.level_title, fc.canon_version_id, cv.source, cv.release_label
            ORDER BY fc.family COLLATE "C", fc.function COLLATE "C", fc.level_code COLLATE "C"
            """
        ).rows.map { row in
            FrameSummary(
                family: try row.required("family"), function: try row.required("function"), level: try row.required("level_code"),
                title: row.string("level_title"), responsibilities: row.int("responsibilities") ?? 0,
                dimensions: row.int("dimensions") ?? 0, rubrics: row.int("rubrics") ?? 0,
                canonVersion: try row.requiredInt64("canon_version_id"), source: try row.required("source"),
                release: row.string("release_label"))
        }
    }

    func currentFrames() throws -> [FrameLookup.Candidate] {
        try query("SELECT frame_version_id, family, function, level_code FROM frame_current ORDER BY frame_id").rows.map {
            FrameLookup.Candidate(
                frameVersionId: try $0.requiredInt64("frame_version_id"), family: try $0.required("family"),
                function: try $0.required("function"), level: try $0.required("level_code"))
        }
    }

    func frame(versionId: Int64) throws -> Frame {
        guard
            let row = try query(
                """
                SELECT fv.frame_id, fv.frame_version_id, fv.canon_version_id, fv.level_title, f.family, f.function, f.level_code,
                       cv.source, cv.release_label
                FROM frame_version AS fv
                JOIN frame AS f ON f.frame_id = fv.frame_id
                JOIN canon_version AS cv ON cv.canon_version_id = fv.canon_version_id
                WHERE fv.frame_version_id = $1
                """, [versionId]
            ).rows.first
        else { throw GoalbookError.notFound(what: "frame version \(versionId)", suggestions: []) }
        let statements = try query(
            """
            SELECT statement_id, kind, position, name, area, description, text, source_label, source_line
            FROM frame_statement WHERE frame_version_id = $1 ORDER BY statement_id
            """, [versionId]
        ).rows.map { s in
            CanonStatement(
                id: try s.requiredInt64("statement_id"), kind: StatementKind(rawValue: try s.required("kind")) ?? .responsibility,
                position: s.int("position") ?? 0, name: s.string("name"), area: s.string("area"), description: s.string("description"),
                text: try s.required("text"), sourceLabel: try s.required("source_label"), line: s.int("source_line"))
        }
        return Frame(
            frameId: try row.requiredInt64("frame_id"), frameVersionId: try row.requiredInt64("frame_version_id"),
            canonVersionId: try row.requiredInt64("canon_version_id"), canonSource: try row.required("source"),
            canonRelease: row.string("release_label"), family: try row.required("family"), function: try row.required("function"),
            levelCode: try row.required("level_code"), levelTitle: row.string("level_title"), statements: statements)
    }

    func currentVersion(ofFrame frameId: Int64) throws -> (frameVersionId: Int64, canonVersionId: Int64)? {
        try query("SELECT frame_version_id, canon_version_id FROM frame_current WHERE frame_id = $1", [frameId]).rows.first.map {
            (try $0.requiredInt64("frame_version_id"), try $0.requiredInt64("canon_version_id"))
        }
    }

    func quarterFigures(_ quarter: String) throws -> String {
        try text(
            """
            SELECT COALESCE(json_agg(json_build_array(goal_id, person_id, status, progress, score, weight) ORDER BY goal_id), '[]')::text
            FROM goal_current WHERE quarter = ?
            """, [quarter]) ?? "[]"
    }

    /// The server's count over every row: a manager's own reads see only its subtree.
    func nextKey(_ column: String, in table: String) -> String { "SELECT goalbook_next_key('\(table)')" }

    /// The key column, and the highest key plus a row number in `order` (a sequence would leave
    /// gaps after a dry run, and lag behind keys a copy brought).
    func newKeys(_ column: String, after before: Int64, order: String) -> (column: String, value: String) {
        ("\(column), ", "\(before) + row_number() OVER (ORDER BY \(order)), ")
    }

    var keyType: String { "BIGINT" }

    /// ANALYZE, which runs inside the transaction and counts its own new rows. A role that does not
    /// own a table is told so in a notice and the table is skipped: its statistics are the server's.
    func refreshStatistics(_ tables: [String]) throws {
        try execute("ANALYZE " + tables.joined(separator: ", "), [])
    }

    /// Each identity sequence goes past the highest key the copy brought, so that rows added by
    /// hand later (or by a copy's own history) do not collide with it.
    func finishCopy() throws {
        for (table, key) in [
            ("canon_version", "canon_version_id"), ("frame", "frame_id"), ("frame_version", "frame_version_id"),
            ("frame_statement", "statement_id"), ("person", "person_id"), ("goal_template", "template_id"), ("goal", "goal_id"),
            ("checkin", "checkin_id"), ("history", "history_id"),
        ] {
            try execute(
                "SELECT setval(pg_get_serial_sequence('\(table)', '\(key)'), (SELECT COALESCE(max(\(key)), 0) + 1 FROM \(table)), false)", [])
        }
    }
}
