import Foundation
import GoalbookTestSupport
import Testing

/// `goalbook sql` and `goalbook schema` as an analyst runs them.
@Suite struct SQLCommandTests {
    @Test func readsFromArgumentsOrStdinAndRefusesWritesWithExitOne() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let db = home.path + "/g.db"
        let env = cleanEnvironment(home: home)
        _ = try run(try goalbookBinary(), ["init", "--db", db], environment: env)
        let before = try databaseDump(db)
        let count = try run(
            try goalbookBinary(),
            ["sql", "--db", db, "SELECT count(*) AS frames FROM frame_current WHERE level_code = :l", "--param", "l=P2", "--format", "csv"],
            environment: env)
        #expect(count.stdout == "frames\n1\n")
        let piped = try run(
            try goalbookBinary(), ["sql", "--db", db, "-", "--format", "jsonl"],
            stdin: "SELECT kind, count(*) AS n FROM canon_statement WHERE level = 'IC2' GROUP BY kind ORDER BY kind", environment: env)
        #expect(
            piped.stdout == "{\"kind\": \"dimension\", \"n\": 5}\n{\"kind\": \"footnote\", \"n\": 1}\n{\"kind\": \"paragraph\", \"n\": 1}\n"
                + "{\"kind\": \"responsibility\", \"n\": 39}\n{\"kind\": \"summary\", \"n\": 1}\n{\"kind\": \"title\", \"n\": 2}\n")
        let write = try run(try goalbookBinary(), ["sql", "--db", db, "DELETE FROM history"], environment: env)
        #expect(write.status == 1)
        #expect(write.stderr.hasPrefix("Error: goalbook sql only reads"))
        let bad = try run(try goalbookBinary(), ["sql", "--db", db, "SELECT nope FROM frame"], environment: env)
        #expect(bad.status == 1 && bad.stderr.contains("no such column: nope"))
        #expect(try databaseDump(db) == before)
        let missing = try run(try goalbookBinary(), ["sql", "--db", home.path + "/none.db", "SELECT 1"], environment: env)
        #expect(missing.status == 1 && !FileManager.default.fileExists(atPath: home.path + "/none.db"), "sql never creates a database")
    }

    @Test func schemaPrintsTheCommittedDataDictionary() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let result = try run(try goalbookBinary(), ["schema", "--db", home.path + "/g.db"], environment: cleanEnvironment(home: home))
        #expect(result.stdout == (try String(contentsOf: repositoryRoot.appendingPathComponent("docs/data-dictionary.md"), encoding: .utf8)))
    }
}
