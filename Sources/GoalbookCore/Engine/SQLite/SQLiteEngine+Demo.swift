import GRDB

extension SQLiteEngine {
    /// Marks this file as a demo database, which `goalbook demo` may replace without --force.
    func markDemo() throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO setting (key, value, description)
                    VALUES ('demo_database', 'true', 'This file was made by goalbook demo, which may replace it.')
                    """)
        }
    }

    /// True when the file at `path` is a demo database made by `goalbook demo`.
    public static func isDemoDatabase(_ path: String) -> Bool {
        guard let queue = try? SQLiteConnection.open(path, readOnly: true) else { return false }
        return (try? queue.read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = 'demo_database'") }) == "true"
    }
}
