import Foundation
import GRDB
import GoalbookCore
import GoalbookTestSupport
import Testing

/// Old databases open and keep their data; check finds what is wrong; backups restore.
@Suite struct UpgradeAndMaintenanceTests {
    /// A fresh copy of an upgrade fixture made by an earlier schema.
    func copyOfFixture(version: Int) throws -> String {
        let path = try makeTemporaryFolder().appendingPathComponent("old.db").path
        try FileManager.default.copyItem(at: fixtureURL("upgrade/schema-v\(version).db"), to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: 1..<5)
    func aDatabaseFromEachEarlierSchemaOpensAndKeepsItsData(version: Int) throws {
        let path = try copyOfFixture(version: version)
        let store = try SQLiteEngine(path: path, actor: "upgrade")
        #expect(store.schemaVersionBefore == version)
        #expect(try store.appliedMigrations().map(\.version) == Array(1...SQLiteEngine.schemaVersion))
        #expect(try store.check() == [])
        let frame = try CanonService(store).frame(function: "AI / Machine Learning Engineering", level: "P2")
        #expect(frame.statements(.responsibility).map(\.text) == ["Trains models — with “care”."])
        if version >= 2 {
            let goal = try GoalService(store).goal(1)
            #expect(goal.employeeId == "E100")
            #expect(goal.filledText.contains("KR1. From 10% to 40% by ⟨date⟩"))
            #expect(try CheckInService(store).checkins(1).map(\.value) == ["25%"])
            #expect(try GoalService(store).log(1).count == 5)
        }
        if version >= 3 { #expect(try ReportService(store).settings().onTrackRatio == 0.8, "settings an organization changed survive") }
        if version >= 2 {
            // Goals from before alignment, weights and scores: none of them, and progress as before.
            let goal = try GoalService(store).goal(1)
            #expect(goal.alignedTo == nil && goal.weight == nil && goal.score == nil && goal.items.allSatisfy { $0.weight == nil })
            let progress = try RawDatabase(path).strings("SELECT round(progress, 4) FROM goal_current WHERE goal_id = 1")
            #expect(progress == ["0.5"], "KR1 10% → 25% → 40% is 0.5; KR2 has no target")
            #expect(try ReportService(store).settings().scale(.okr) == ScoreScale(min: 0, max: 1, step: 0.1))
        }
    }

    @Test func checkFindsBrokenRulesThatRawSQLCanCause() throws {
        let (store, path, goals) = try ReportFixture.build()
        #expect(try store.check() == [])
        let raw = try RawDatabase(path)
        try raw.execute("UPDATE goal_slot SET value = '99%', number = 99 WHERE goal_id = \(goals["ada-okr"]!) AND item = 'KR1' AND slot = 'target'")
        try raw.execute("UPDATE goal SET status = 'done' WHERE goal_id = \(goals["lin-mbo"]!)")
        try raw.execute("UPDATE person SET manager_person_id = (SELECT person_id FROM person WHERE employee_id = 'E102') WHERE employee_id = 'E001'")
        try raw.execute("UPDATE goal_slot SET unit = 'ms' WHERE goal_id = \(goals["ada-okr"]!) AND item = 'KR1' AND slot = 'baseline'")
        let problems = try store.check()
        #expect(problems.contains("goal that differs from its history: G\(goals["ada-okr"]!) KR1.target is 99%, history says 60%"))
        #expect(problems.contains("goal that differs from its history: G\(goals["lin-mbo"]!) status is done, history says active"))
        #expect(
            problems.contains("goal that differs from its history: G\(goals["ada-okr"]!) KR1.baseline number or unit does not match its value 10%"))
        #expect(problems.contains("person in a manager cycle: E001"))
        #expect(problems.contains("item whose baseline and target disagree on the unit: G\(goals["ada-okr"]!) KR1: 10% vs 99%"))
    }

    @Test func aBackupIsAConsistentCopyThatRestores() throws {
        let (store, path, goals) = try ReportFixture.build()
        let folder = try makeTemporaryFolder()
        let backup = folder.appendingPathComponent("backup.db").path
        try store.backup(to: backup, replace: false)
        #expect(((try FileManager.default.attributesOfItem(atPath: backup))[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try databaseDump(backup) == databaseDump(path))
        #expect(throws: GoalbookError.refused("\(backup) already exists; it was left untouched (--force replaces it)")) {
            try store.backup(to: backup, replace: false)
        }
        _ = try GoalService(store).setStatus(goals["ada-okr"]!, to: .done, note: nil, actor: "x")
        let changed = try databaseDump(path)
        let stamp = try RawDatabase(path).strings("SELECT max(changed_at) FROM history")[0]!
        #expect(
            throws: GoalbookError.refused(
                "\(path) already exists; it was left untouched (--force replaces it with \(backup), "
                    + "losing 1 change and 0 check-ins recorded after the backup (the last at \(stamp)))")
        ) {
            _ = try SQLiteEngine.restore(from: backup, to: path, replace: false, actor: "x")
        }
        #expect(try databaseDump(path) == changed)
        let outcome = try SQLiteEngine.restore(from: backup, to: path, replace: true, actor: "x")
        #expect(outcome.loss == RestoreLoss(history: 1, checkins: 0, lastChange: stamp))
        #expect(try GoalService(SQLiteEngine(path: path, actor: "x")).goal(goals["ada-okr"]!).status == .active)
        #expect(try databaseDump(path) == databaseDump(backup))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent).filter { $0.contains(".tmp") } == [])
    }

    @Test func backupForceReplacesOnlyAGoalbookDatabaseAndNeverDeletesAFolderOrFollowsALink() throws {
        let (store, path, _) = try ReportFixture.build()
        let folder = try makeTemporaryFolder()
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        // A folder with the wal and shm names beside it too, another program's file, a link to a file, a FIFO.
        for name in ["dir/sub", "dir-wal", "dir-shm"] {
            try FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: true)
        }
        #expect(FileManager.default.createFile(atPath: file("dir/sub/keep.txt"), contents: Data("keep".utf8)))
        #expect(FileManager.default.createFile(atPath: file("notes.txt"), contents: Data("mine".utf8)))
        try FileManager.default.createSymbolicLink(atPath: file("link.db"), withDestinationPath: file("notes.txt"))
        mkfifo(file("fifo"), 0o600)
        let cases: [(String, String)] = [
            ("dir", "\(file("dir")) is a folder; it was left untouched (name a file for the backup)"),
            ("notes.txt", "\(file("notes.txt")) is not a Goalbook database, so --force does not replace it; it was left untouched"),
            ("link.db", "\(file("link.db")) is a symbolic link; it was left untouched (name the file itself)"),
            ("fifo", "\(file("fifo")) is not a regular file (a device, FIFO or socket); it was left untouched"),
        ]
        for (name, message) in cases {
            #expect(throws: GoalbookError.refused(message), "\(name)") { try store.backup(to: file(name), replace: true) }
        }
        #expect(FileManager.default.contents(atPath: file("dir/sub/keep.txt")) == Data("keep".utf8))
        #expect(FileManager.default.contents(atPath: file("notes.txt")) == Data("mine".utf8))
        #expect(FileTarget.at(file("dir-wal")) == .directory && FileTarget.at(file("link.db")) == .symbolicLink)
        // The database itself, however it is named, and its -wal.
        let spelled =
            folder.path + "/../" + folder.lastPathComponent + "/../" + ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
            + "/" + (path as NSString).lastPathComponent
        #expect(throws: GoalbookError.refused("\(path) is this database itself; back it up to another file")) {
            try store.backup(to: path, replace: true)
        }
        #expect(FileTarget.same(spelled, path), "the test's two folders share a parent")
        #expect(throws: GoalbookError.refused("\(spelled) is this database itself; back it up to another file")) {
            try store.backup(to: spelled, replace: true)
        }
        #expect(throws: GoalbookError.refused("\(path)-wal is this database's -wal file itself; back it up to another file")) {
            try store.backup(to: path + "-wal", replace: true)
        }
        // A Goalbook backup is replaced, through a temporary file: nothing is left beside it.
        try store.backup(to: file("b.db"), replace: false)
        try store.backup(to: file("b.db"), replace: true)
        #expect(try databaseDump(file("b.db")) == databaseDump(path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") || $0.hasPrefix("b.db-") } == [])
    }

    @Test func restoreChecksTheBackupFirstAndChangesNothingWhenItIsBad() throws {
        let (_, path, _) = try ReportFixture.build()
        let before = try databaseDump(path)
        let folder = try makeTemporaryFolder()
        let notADatabase = try writeFile(folder, "junk.db", String(repeating: "junk ", count: 1000))
        #expect(throws: GoalbookError.cannotOpen(path: notADatabase, reason: "the file is not a SQLite database")) {
            _ = try SQLiteEngine.restore(from: notADatabase, to: path, replace: true, actor: "x")
        }
        let other = folder.appendingPathComponent("other.db").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x); PRAGMA user_version = 1") }
        #expect(throws: GoalbookError.refused("\(other) is not a Goalbook database; nothing was restored")) {
            _ = try SQLiteEngine.restore(from: other, to: path, replace: true, actor: "x")
        }
        // A sound SQLite file from Goalbook whose triggers were dropped and history rewritten.
        let tampered = folder.appendingPathComponent("tampered.db").path
        try FileManager.default.copyItem(atPath: path, toPath: tampered)
        let shell = try run(
            "/usr/bin/sqlite3", [tampered, "DROP TRIGGER history_no_update; UPDATE history SET new_value = 'done' WHERE field = 'status';"])
        #expect(shell.status == 0)
        #expect {
            _ = try SQLiteEngine.restore(from: tampered, to: path, replace: true, actor: "x")
        } throws: { error in
            let message = (error as? GoalbookError)?.errorDescription ?? ""
            return message.hasPrefix("\(tampered) fails goalbook check, so it was not restored; \(path) was left untouched:")
                && message.contains("schema: trigger history_no_update is missing")
        }
        #expect(try databaseDump(path) == before)
    }
}
