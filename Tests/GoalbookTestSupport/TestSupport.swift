import Foundation
import GRDB
import GoalbookCore

/// The repository's root, found from this file's place in it.
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixture file's exact bytes, from `Tests/<target>/Fixtures/`.
public func fixtureBytes(_ name: String, target: String = "GoalbookCoreTests") throws -> [UInt8] {
    Array(try Data(contentsOf: fixtureURL(name, target: target)))
}

/// A fixture file's text.
public func fixtureText(_ name: String, target: String = "GoalbookCoreTests") throws -> String {
    String(decoding: try fixtureBytes(name, target: target), as: UTF8.self)
}

public func fixtureURL(_ name: String, target: String = "GoalbookCoreTests") -> URL {
    repositoryRoot.appendingPathComponent("Tests/\(target)/Fixtures/\(name)")
}

/// One folder under the system's temp folder for everything this test process makes, removed
/// when the process exits, so that runs do not pile folders up in /tmp.
private let testRunFolder: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("goalbook-tests-\(getpid())-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit {
        // Folders a test made read-only are made writable again first, or their files would stay.
        let fm = FileManager.default
        let root = FileManager.default.temporaryDirectory.path
        guard let runs = try? fm.contentsOfDirectory(atPath: root) else { return }
        for run in runs where run.hasPrefix("goalbook-tests-\(getpid())-") {
            let folder = root + "/" + run
            for case let item as String in fm.enumerator(atPath: folder) ?? NSEnumerator() {
                chmod(folder + "/" + item, 0o700)
            }
            try? fm.removeItem(atPath: folder)
        }
    }
    return url
}()

/// A fresh, empty folder under this test process's temp folder, unique to the caller.
public func makeTemporaryFolder(_ label: String = "goalbook-test") throws -> URL {
    let url = testRunFolder.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes text to a new file in `folder` and returns its path.
@discardableResult
public func writeFile(_ folder: URL, _ name: String, _ text: String) throws -> String {
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

/// A new database in a fresh temp folder: its store and path.
public func makeStore(actor: String = "tester") throws -> (store: SQLiteEngine, path: String) {
    let path = try makeTemporaryFolder().appendingPathComponent("goalbook.db").path
    return (try SQLiteEngine(path: path, actor: actor), path)
}

/// Every row of every table, as sorted text: equal dumps mean an unchanged database.
public func databaseDump(_ path: String) throws -> String {
    let queue = try DatabaseQueue(path: path)
    return try queue.read { db in
        var out: [String] = []
        out.append("user_version=\(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? -1)")
        let objects = try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_schema ORDER BY name")
        for object in objects {
            out.append("\(object["type"] as String) \(object["name"] as String): \((object["sql"] as String?) ?? "")")
            guard object["type"] == "table" else { continue }
            let name: String = object["name"]
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\"").map { $0.description }.sorted()
            out += rows.map { "  \(name) \($0)" }
        }
        return out.joined(separator: "\n")
    }
}

/// What running a command gave back.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
    /// Standard output's exact bytes, for golden comparisons (`stdout` is decoded, and a String
    /// comparison treats NFC and NFD spellings as equal).
    public let stdoutBytes: [UInt8]
}

/// Runs an executable with arguments, optional stdin, environment and working folder.
public func run(
    _ executable: String, _ arguments: [String], stdin: String? = nil,
    environment: [String: String]? = nil, in folder: URL? = nil
) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = folder }
    // Output goes to files, so a chatty command never blocks on a full pipe.
    let folderForOutput = try makeTemporaryFolder("goalbook-run")
    defer { try? FileManager.default.removeItem(at: folderForOutput) }
    let outURL = folderForOutput.appendingPathComponent("stdout")
    let errURL = folderForOutput.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let outData = try Data(contentsOf: outURL)
    let errData = try Data(contentsOf: errURL)
    return CommandResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self),
        stdoutBytes: Array(outData))
}

/// Runs `count` copies of a command at once, output discarded, and returns their exit statuses.
public func runAtOnce(_ executable: String, _ arguments: [String], count: Int, environment: [String: String]) throws -> [Int32] {
    let processes = (0..<count).map { _ -> Process in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }
    for process in processes { try process.run() }
    for process in processes { process.waitUntilExit() }
    return processes.map(\.terminationStatus)
}

/// The `goalbook` binary that `swift build` made beside the test bundle.
public func goalbookBinary() throws -> String {
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("goalbook").path
    for candidate in [besideTests, repositoryRoot.appendingPathComponent(".build/debug/goalbook").path]
    where FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
    }
    throw GoalbookError.invalidArgument("the goalbook binary was not built: run swift build --build-tests")
}

/// An environment with nothing of the caller's Goalbook settings: HOME is `home`, no GOALBOOK_DB.
public func cleanEnvironment(home: URL, extra: [String: String] = [:]) -> [String: String] {
    var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "GOALBOOK_USER": "e2e", "LANG": "C.UTF-8"]
    environment.merge(extra) { $1 }
    return environment
}

/// Compares `actual` with a golden fixture byte for byte. With `GOALBOOK_RECORD=1` in the
/// environment it writes the fixture instead (re-record on purpose, then read the diff).
/// Returns a description of the difference, or nil when they are equal.
public func goldenMismatch(_ actual: String, fixture name: String, target: String = "GoalbookCoreTests") throws -> String? {
    let url = fixtureURL(name, target: target)
    if ProcessInfo.processInfo.environment["GOALBOOK_RECORD"] == "1" {
        try Data(actual.utf8).write(to: url)
        return nil
    }
    let expected = try Data(contentsOf: url)
    if expected == Data(actual.utf8) { return nil }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
    return
        "\(name) differs at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   "
        + "\(line < a.count ? String(a[line]) : "<end>")"
}

/// A plain connection to a Goalbook database on either engine (a path is SQLite through GRDB,
/// a URL PostgreSQL through psql), for trying what an analyst's raw SQL can do.
public struct RawDatabase {
    let location: String
    let queue: DatabaseQueue?

    public init(_ location: String) throws {
        self.location = location
        queue = location.contains("://") ? nil : try DatabaseQueue(path: location)
    }

    /// Runs statements; throws with the engine's message when the database refuses them.
    public func execute(_ sql: String) throws {
        guard let queue else {
            try PostgresTestServer.sql(sql, on: location)
            return
        }
        try queue.write { try $0.execute(sql: sql) }
    }

    /// The first column of every row, as text (nil for NULL).
    public func strings(_ sql: String) throws -> [String?] { try rows(sql).map { $0[0] } }

    /// Every row, each column as text (nil for NULL): numbers as the engine prints them.
    public func rows(_ sql: String) throws -> [[String?]] {
        guard let queue else { return try PostgresTestServer.rows(sql, on: location) }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value -> String? in
                    switch value.storage {
                    case .null: nil
                    case .int64(let int): String(int)
                    case .double(let double): String(double)
                    case .string(let text): text
                    case .blob(let data): String(decoding: data, as: UTF8.self)
                    }
                }
            }
        }
    }
}
