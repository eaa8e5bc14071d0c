import Foundation
import GoalbookTestSupport
import Testing

/// Conventions users bring from other tools: global options first, names Datasette shows.
@Suite struct ConventionsTests {
    @Test func dbAndByWorkBeforeTheSubcommandAsWithGitAndDocker() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let env = cleanEnvironment(home: home, extra: ["NO_COLOR": "1"])
        let db = home.appendingPathComponent("x.db").path
        let binary = try goalbookBinary()
        let created = try run(binary, ["--db", db, "init"], environment: env)
        #expect(created.status == 0 && created.stdout.hasPrefix("Created \(db)"), "\(created.stderr)")
        let added = try run(
            binary,
            [
                "--db=\(db)", "--by", "hr-bot", "people", "add", "E1", "--name", "Ada Park",
                "--function", "AI / Machine Learning Engineering", "--level", "P2",
            ], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try RawDatabase(db).strings("SELECT actor FROM history WHERE field = 'created'") == ["hr-bot"])
        #expect(try run(binary, ["people", "list", "--db", db], environment: env).stdout.contains("E1"), "after the subcommand, as before")
        let twice = try run(binary, ["--db", db, "people", "list", "--db", home.appendingPathComponent("y.db").path], environment: env)
        #expect(twice.status == 64 && twice.stderr.hasPrefix("Error: --db is given twice"))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("y.db").path))
        let missing = try run(binary, ["--db"], environment: env)
        #expect(missing.status == 64 && missing.stderr.hasPrefix("Error: Missing value for '--db <path>'."))
    }

    @Test func datasetteMetadataIsKeyedByTheDatabasesFileStem() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let env = cleanEnvironment(home: home, extra: ["NO_COLOR": "1"])
        let db = home.appendingPathComponent("demo.db").path
        func databases(_ arguments: [String]) throws -> [String] {
            let result = try run(try goalbookBinary(), ["schema", "--db", db, "--format", "datasette"] + arguments, environment: env)
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return ((json?["databases"] as? [String: Any])?.keys).map { Array($0) } ?? []
        }
        #expect(try databases([]) == ["demo"])
        #expect(try databases(["--name", "hr"]) == ["hr"])
    }

    /// Help lists an option's values from the type itself, so a list written by hand cannot drift;
    /// plain text output is `text` everywhere, and its earlier names still work in scripts.
    @Test func helpListsEveryValueAndTextIsOneName() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let env = cleanEnvironment(home: home, extra: ["NO_COLOR": "1"])
        let binary = try goalbookBinary()
        func help(_ command: String...) throws -> String {
            // Unwrapped, so that a value list never breaks across lines.
            try run(binary, command + ["--help"], environment: env.merging(["COLUMNS": "400"]) { $1 }).stdout
        }
        #expect(try help("goals", "status").contains("(values: draft, active, done, dropped, carried)"))
        #expect(try help("goals", "log").contains("(values: text, json; default: text)"))
        #expect(try help("report").contains("(values: text, md, csv, json, html; default: text)"))
        #expect(try help("sql").contains("(values: text, csv, tsv, json, jsonl; default: text)"))
        #expect(try help("goals", "tree").contains("(values: text, json; default: text)"))
        #expect(try help("people", "list").contains("(values: text, csv, json; default: text)"))
        for command in [["goals", "log"], ["report"], ["goals", "tree"], ["people", "list"], ["quarter", "scores"], ["sql"]] {
            let text = try help(command[0], command.count > 1 ? command[1] : "--help")
            #expect(!text.contains("txt") && !text.contains("table,"), "\(command) names an old spelling")
        }
        let top = try help()
        for group in ["SETUP", "CANON AND TEMPLATES", "PEOPLE AND GOALS", "QUARTER", "ANALYST", "SAFETY"] {
            #expect(top.contains("\n\(group) SUBCOMMANDS:\n"), "\(group)")
        }

        let db = home.appendingPathComponent("d.db").path
        #expect(try run(binary, ["demo", "--db", db, "--people", "12"], environment: env).status == 0)
        for (command, old) in [
            (["report", "--team", "E001", "--as-of", "2026-12-01"], "txt"), (["goals", "tree", "G1", "--as-of", "2026-12-01"], "txt"),
            (["people", "list"], "table"),
            (["goals", "list", "--person", "E001"], "table"), (["sql", "SELECT count(*) FROM person"], "table"),
        ] {
            let text = try run(binary, command + ["--db", db, "--format", "text"], environment: env)
            let before = try run(binary, command + ["--db", db, "--format", old], environment: env)
            #expect(text.status == 0 && !text.stdout.isEmpty, "\(command): \(text.stderr)")
            #expect(before.stdoutBytes == text.stdoutBytes && before.status == 0, "\(command) --format \(old)")
        }
    }
}
