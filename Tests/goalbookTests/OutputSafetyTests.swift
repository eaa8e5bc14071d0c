import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// What goalbook writes never destroys a user's file, never fails silently, and never lets the
/// data drive the terminal.
@Suite struct OutputSafetyTests {
    struct Setup {
        let home: URL
        let db: String
        func callAsFunction(_ arguments: [String]) throws -> CommandResult {
            try run(try goalbookBinary(), arguments + ["--db", db], environment: cleanEnvironment(home: home))
        }
        func path(_ name: String) -> String { home.appendingPathComponent(name).path }
    }

    /// Grace and one goal, in `self.db` in a new folder, or in a new database on `engine`.
    func setup(_ engine: TestEngine = .sqlite) throws -> Setup {
        let home = try makeTemporaryFolder("goalbook-out")
        let s = Setup(home: home, db: engine == .sqlite ? home.appendingPathComponent("self.db").path : try engine.newDatabase(home: home))
        _ = try s(["people", "add", "E001", "--name", "Grace", "--function", "AI / Machine Learning Engineering", "--level", "P2"])
        _ = try s(["goals", "add", "E001", "-p", "this quarter", "--framework", "smart", "--row", "1"])
        return s
    }

    func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func reportOutputNeverReplacesTheDatabaseAFolderOrALinkToThem() throws {
        let s = try setup()
        try FileManager.default.createDirectory(atPath: s.path("folder/inner"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: s.path("link.db"), withDestinationPath: s.db)
        try FileManager.default.createSymbolicLink(atPath: s.path("wal-link"), withDestinationPath: s.db + "-wal")
        let before = try databaseDump(s.db)
        let bytes = FileManager.default.contents(atPath: s.db)
        let refused: [(String, String)] = [
            (s.db, "is the database itself"),
            (s.home.path + "/folder/../self.db", "is the database itself"),
            (s.path("link.db"), "is the database itself"),
            (s.db + "-wal", "is the database's -wal file"),
            (s.home.path + "/folder/inner/../../self.db-shm", "is the database's -shm file"),
            (s.path("wal-link"), "is the database's -wal file"),
            (s.path("folder"), "is a folder; it was left untouched"),
            (s.path("missing-folder/r.txt"), "its folder does not exist"),
        ]
        for (target, message) in refused {
            let result = try s(["report", "-o", target])
            #expect(result.status == 1 && result.stderr.contains(message), "\(target): \(result.stderr)")
        }
        let after = try databaseDump(s.db)
        #expect(FileManager.default.contents(atPath: s.db) == bytes && after == before)
        #expect(FileTarget.at(s.path("folder/inner")) == .directory && FileTarget.at(s.path("link.db")) == .symbolicLink)
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.home.path).filter { $0.contains(".tmp") } == [])
    }

    @Test func reportFilesAreNewAt0600ReplacedKeepingTheirModeAndFIFOsAreWrittenInto() throws {
        let s = try setup()
        // csv: the same bytes at each run (txt starts with the instant it was printed).
        let expected = try s(["report", "--format", "csv"]).stdout
        #expect(try s(["report", "--format", "csv", "-o", s.path("new.txt")]).status == 0)
        #expect(try mode(s.path("new.txt")) == 0o600, "a new report holds personal data")
        #expect(FileManager.default.contents(atPath: s.path("new.txt")) == Data(expected.utf8))
        #expect(FileManager.default.createFile(atPath: s.path("shared.txt"), contents: Data("old".utf8), attributes: [.posixPermissions: 0o640]))
        #expect(try s(["report", "--format", "csv", "-o", s.path("shared.txt")]).status == 0)
        #expect(try mode(s.path("shared.txt")) == 0o640 && FileManager.default.contents(atPath: s.path("shared.txt")) == Data(expected.utf8))
        // A link to a report file: the file it leads to is replaced and the link stays a link.
        try FileManager.default.createSymbolicLink(atPath: s.path("latest"), withDestinationPath: s.path("shared.txt"))
        #expect(try s(["report", "-o", s.path("latest"), "--format", "json"]).status == 0)
        #expect(FileTarget.at(s.path("latest")) == .symbolicLink)
        #expect(String(decoding: FileManager.default.contents(atPath: s.path("shared.txt")) ?? Data(), as: UTF8.self).hasPrefix("{"))
        // A FIFO is written into, and stays a FIFO.
        mkfifo(s.path("fifo"), 0o600)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat '\(s.path("fifo"))' > '\(s.path("from-fifo.txt"))'"]
        try reader.run()
        #expect(try s(["report", "--format", "csv", "-o", s.path("fifo")]).status == 0)
        reader.waitUntilExit()
        #expect(FileTarget.at(s.path("fifo")) == .special)
        #expect(FileManager.default.contents(atPath: s.path("from-fifo.txt")) == Data(expected.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.home.path).filter { $0.contains(".tmp") || $0.hasSuffix(".partial") } == [])
    }

    /// Runs goalbook with standard output sent to `/dev/full`.
    func runToFullDevice(_ s: Setup, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try goalbookBinary())
        process.arguments = arguments + ["--db", s.db]
        process.environment = cleanEnvironment(home: s.home)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test(arguments: TestEngine.available) func aWriteThatFailsIsAMessageAndExitOneNeverSilence(engine: TestEngine) throws {
        let s = try setup(engine)
        for arguments in [
            ["report"], ["report", "--format", "json"], ["sql", "SELECT * FROM history"], ["people", "list"],
            ["templates", "print", "--function", "AI / Machine Learning Engineering", "--level", "P2"],
        ] {
            let result = try runToFullDevice(s, arguments)
            #expect(
                result.status == 1 && result.stderr.contains("cannot write to standard output: No space left on device"), "\(arguments): \(result)")
        }
        let toFile = try s(["report", "-o", "/dev/full"])
        #expect(toFile.status == 1 && toFile.stderr.contains("cannot write /dev/full: No space left on device"), "\(toFile.stderr)")
        #expect(!toFile.stderr.contains("Fatal error"))
    }

    @Test(arguments: TestEngine.available) func onATerminalControlCharactersAndBidiOverridesAreShownEscaped(engine: TestEngine) throws {
        let s = try setup(engine)
        let name = "Mallory \u{1B}[2J\u{1B}]0;pwned\u{07} \u{202E}gnp.exe\u{7F}\r"
        let added = try s([
            "people", "add", "E666", "--name", name, "--function", "AI / Machine Learning Engineering", "--level", "P2", "--manager", "E001",
        ])
        #expect(added.status == 0, "\(added.stderr)")
        // Into a file or a pipe: the exact text.
        let shown = try s(["people", "show", "E666"]).stdout
        #expect(shown.contains(name))
        #expect(try s(["sql", "SELECT name FROM person WHERE employee_id = 'E666'", "--format", "csv"]).stdout.contains(name))
        // At a terminal: escaped, and not one escape byte of the data left.
        for command in ["people list", "people show E666", "report", "sql \"SELECT name FROM person\"", "goals log G1"] {
            let line = "'\(try goalbookBinary())' \(command) --db '\(s.db)'"
            let result = try run(
                "/usr/bin/script", ["-qec", line, "/dev/null"], environment: cleanEnvironment(home: s.home, extra: ["NO_COLOR": "1"]))
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" || $0 == "\u{7F}" }, "\(command)")
            if command != "goals log G1" {
                #expect(result.stdout.contains("Mallory \\e[2J\\e]0;pwned\\x07 \\u202Egnp.exe\\x7F\\r"), "\(command): \(result.stdout)")
            }
        }
        // An error naming the value, on a terminal too.
        let line = "'\(try goalbookBinary())' people show 'E\u{1B}[31mX' --db '\(s.db)'"
        let error = try run("/usr/bin/script", ["-qec", line, "/dev/null"], environment: cleanEnvironment(home: s.home))
        #expect(error.stdout.contains("E\\e[31mX") && !error.stdout.contains("\u{1B}[31mX"), "\(error.stdout)")
    }

    @Test(arguments: TestEngine.available) func markdownAndHTMLReportsShowMarkupInTheDataAsText(engine: TestEngine) throws {
        let s = try setup(engine)
        let name = "<script>alert(1)</script> | <img src=x onerror=alert(2)>"
        _ = try s(["people", "add", "E007", "--name", name, "--function", "AI / Machine Learning Engineering", "--level", "P2", "--manager", "E001"])
        _ = try s(["goals", "add", "E007", "-p", "this quarter", "--framework", "smart", "--row", "1"])
        let md = try s(["report", "--format", "md"]).stdout
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| &lt;img src=x onerror=alert(2)&gt;"), "\(md)")
        #expect(!md.contains("<script") && !md.contains("<img"))
        let html = try s(["report", "--format", "html"]).stdout
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x"))
    }
}
