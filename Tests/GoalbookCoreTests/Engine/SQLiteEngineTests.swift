import Foundation
import GRDB
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Opening, migrating and refusing databases.
@Suite struct SQLiteEngineTests {
    @Test func aNewDatabaseIsMigratedInWALWithTheBuiltInCanonAndMode0600() throws {
        let folder = try makeTemporaryFolder().appendingPathComponent("nested/deeper")
        let path = folder.appendingPathComponent("g.db").path
        let store = try SQLiteEngine(path: path, actor: "tester")
        #expect(store.wasCreated)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let queue = try DatabaseQueue(path: path)
        let facts = try queue.read { db in
            [
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchOne(db, sql: "SELECT count(*) FROM schema_migration"),
                try String.fetchOne(db, sql: "SELECT imported_by FROM canon_version"),
            ]
        }
        #expect(facts == ["wal", "\(SQLiteEngine.schemaVersion)", "\(Migration.all.count)", "tester"])
        #expect(try CanonService(store).frames().map(\.function) == ["AI / Machine Learning Engineering", "Machine Learning Engineer"])
    }

    @Test func reopeningChangesNothing() throws {
        let (_, path) = try makeStore()
        let before = try databaseDump(path)
        let again = try SQLiteEngine(path: path, actor: "someone else")
        #expect(!again.wasCreated)
        #expect(try databaseDump(path) == before)
    }

    @Test func aDatabaseFromANewerGoalbookIsRefusedAndLeftUntouched() throws {
        let (_, path) = try makeStore()
        try DatabaseQueue(path: path).write { try $0.execute(sql: "PRAGMA user_version = 999") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: GoalbookError.newerDatabase(path: path, version: 999, known: SQLiteEngine.schemaVersion)) {
            _ = try SQLiteEngine(path: path, actor: "tester")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func someoneElsesSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        let path = try makeTemporaryFolder().appendingPathComponent("other.db").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE mine (x)") }
        let before = try databaseDump(path)
        #expect(throws: GoalbookError.cannotOpen(path: path, reason: "it is a SQLite database, but not a Goalbook one; it was left untouched")) {
            _ = try SQLiteEngine(path: path, actor: "tester")
        }
        #expect(try databaseDump(path) == before)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let folder = try makeTemporaryFolder()
        let path = try writeFile(folder, "notes.db", String(repeating: "not sqlite at all\n", count: 100))
        #expect(throws: GoalbookError.cannotOpen(path: path, reason: "the file is not a SQLite database")) {
            _ = try SQLiteEngine(path: path, actor: "tester")
        }
    }

    @Test func aFolderInPlaceOfTheFileIsAClearError() throws {
        let folder = try makeTemporaryFolder()
        #expect(throws: GoalbookError.cannotOpen(path: folder.path, reason: "it is a folder")) {
            _ = try SQLiteEngine(path: folder.path, actor: "tester")
        }
    }

    @Test func theDefaultPathFollowsTheFlagThenTheEnvironmentThenXDGThenHome() {
        #expect(DatabaseLocation.resolve(explicit: "x.db", environment: ["GOALBOOK_DB": "/e.db"]) == "x.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["GOALBOOK_DB": "/e.db", "XDG_DATA_HOME": "/xdg"]) == "/e.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/h"]) == "/xdg/goalbook/goalbook.db")
        #expect(
            DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])
                == "/h/.local/share/goalbook/goalbook.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/goalbook/goalbook.db")
    }

    @Test func aPathIsSQLiteAPostgresURLIsPostgresAndOtherSchemesAreRefusedWithoutThePassword() throws {
        #expect(try DatabaseLocation.kind(of: "/data/goalbook.db") == .sqlite(path: "/data/goalbook.db"))
        #expect(try DatabaseLocation.kind(of: "odd:name.db") == .sqlite(path: "odd:name.db"), "a colon alone is still a file name")
        #expect(try DatabaseLocation.kind(of: "./9p://x") == .sqlite(path: "./9p://x"), "no scheme starts with a dot")
        for url in ["postgres://hr@db.example.org/goals", "POSTGRESQL://db/goals"] {
            #expect(try DatabaseLocation.kind(of: url) == .postgres(url: url))
        }
        #expect(!DatabaseLocation.hasPassword("postgresql://alice@db:5432/goals?sslmode=require"))
        for (url, shown) in [
            ("postgresql://alice:s3cret@db:5432/goals?sslmode=require", "postgresql://alice:***@db:5432/goals?sslmode=require"),
            ("postgres://db/goals?user=alice&Password=s3cret", "postgres://db/goals?user=alice&password=***"),
        ] {
            #expect(DatabaseLocation.hasPassword(url))
            #expect(
                throws: GoalbookError.invalidArgument(
                    "\(shown) has a password in it; give it in $PGPASSWORD or ~/.pgpass instead, so it is never on a command line")
            ) { try DatabaseLocation.kind(of: url) }
        }
        do {
            _ = try DatabaseLocation.sqlitePath("postgresql://alice@db:5432/goals?sslmode=require", instead: "use pg_dump")
            Issue.record("a postgres URL was taken for a path")
        } catch let error as GoalbookError {
            #expect(error == .invalidArgument("postgresql://alice@db:5432/goals?sslmode=require is a PostgreSQL database: use pg_dump"))
        }
        #expect(
            throws: GoalbookError.invalidArgument(
                "mysql://u:***@db/goals is not a database Goalbook opens: 'mysql://' is no scheme it knows; "
                    + "give the path of a SQLite file or a postgresql:// URL")
        ) { try DatabaseLocation.kind(of: "mysql://u:pw@db/goals") }
    }
}
