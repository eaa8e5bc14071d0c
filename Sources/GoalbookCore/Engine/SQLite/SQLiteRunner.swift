import GRDB

/// The shared SQL (`Engine/SQL/`) on a SQLite connection inside a transaction: rows are stepped
/// through SQLite's C API with no per-row copy, and values are bound typed (``FastStatement``).
struct SQLiteRunner: SQLRunner {
    let db: Database

    func forEachRow(_ sql: String, _ arguments: SQLArguments, _ body: (RawRow) throws -> Void) throws {
        try FastStatement.forEachRow(db, sql: sql, arguments.map { $0?.sqlValue ?? .null }, body)
    }

    func execute(_ sql: String, _ arguments: SQLArguments) throws {
        try FastStatement.run(db, sql: sql, arguments.map { $0?.sqlValue ?? .null })
    }

    func prepare(_ sql: String) throws -> FastStatement { try FastStatement(db, sql: sql) }

    func idList(_ ids: [Int64]) -> (sql: String, argument: SQLValue) {
        ("SELECT value FROM json_each(?)", .text("[" + ids.map(String.init).joined(separator: ",") + "]"))
    }

    func textList(_ values: [String]) -> (sql: String, argument: SQLValue) {
        ("SELECT value FROM json_each(?)", .text(JSONWriter.strings(values)))
    }
}

/// What SQLite adds to the shared SQL: the reads of the canon, a closed quarter's figures and new
/// people's keys.
extension SQLiteRunner: SQLEngineRunner {
    func frameSummaries() throws -> [FrameSummary] { try SQLiteEngine.frameSummaries(db: db) }

    func currentFrames() throws -> [FrameLookup.Candidate] {
        try all("SELECT frame_version_id, family, function, level_code FROM frame_current") {
            FrameLookup.Candidate(frameVersionId: $0.int(0), family: $0.text(1), function: $0.text(2), level: $0.text(3))
        }
    }

    func frame(versionId: Int64) throws -> Frame { try SQLiteEngine.frame(versionId: versionId, db: db) }

    func currentVersion(ofFrame frameId: Int64) throws -> (frameVersionId: Int64, canonVersionId: Int64)? {
        try first("SELECT frame_version_id, canon_version_id FROM frame_current WHERE frame_id = ?", [frameId]) { ($0.int(0), $0.int(1)) }
    }

    func quarterFigures(_ quarter: String) throws -> String { try SQLiteEngine.quarterFigures(quarter, db: db) }

    /// Nothing: a row's key is its rowid, and the next one follows the highest.
    func finishCopy() throws {}

    func nextKey(_ column: String, in table: String) -> String { EngineSQL.nextKey(column, in: table) }

    /// Nothing: rows inserted in order take the rowids after the highest, as a row number would give.
    func newKeys(_ column: String, after before: Int64, order: String) -> (column: String, value: String) { ("", "") }

    var keyType: String { "INTEGER" }

    func refreshStatistics(_ tables: [String]) throws {}
}

extension SQLiteEngine: GoalbookEngine {
    public var location: String { path }
    public var schema: SchemaState { SchemaState(created: wasCreated, before: schemaVersionBefore, current: Self.schemaVersion) }

    public func reading<T>(_ body: (any EngineReader) throws -> T) throws -> T {
        try read { db in try body(SQLSession(SQLiteRunner(db: db), stamp: nil)) }
    }

    public func writing<T>(_ stamp: WriteStamp, dryRun: Bool, _ body: (any EngineWriter) throws -> T) throws -> T {
        try write(rollback: dryRun) { db in try body(SQLSession(SQLiteRunner(db: db), stamp: stamp)) }
    }
}

extension SQLiteEngine: RunnerEngine {
    func readingRows<T>(_ body: (SQLiteRunner) throws -> T) throws -> T { try read { db in try body(SQLiteRunner(db: db)) } }

    /// SQLite's triggers stay on: rows from a Goalbook database keep its rules.
    func copyingInto<T>(_ body: (SQLiteRunner) throws -> T) throws -> T { try write { db in try body(SQLiteRunner(db: db)) } }
}
