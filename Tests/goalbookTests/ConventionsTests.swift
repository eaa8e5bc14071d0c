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
        let added = try run(binary, ["--db=\(db)", "--by", "hr-bot", "people", "add", "E1", "--name", "Ada Park",
                                     "--function", "AI / Machine Learning Engineering", "--level", "P2"], environment: env)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try GRDBQueue(db).strings("SELECT actor FROM history WHERE field = 'created'") == ["hr-bot"])
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
}
