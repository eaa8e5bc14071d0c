import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// `demo`, `checkin`, `report` and `quarter` through the binary.
@Suite struct ReportCommandTests {
    func env(_ home: URL) -> [String: String] { cleanEnvironment(home: home, extra: ["NO_COLOR": "1"]) }

    @Test func demoBuildsANewDatabaseAndPrintsTheTeamReportAndNeverTouchesOtherDatabases() throws {
        let home = try makeTemporaryFolder("goalbook-home")
        let result = try run(try goalbookBinary(), ["demo", "--people", "12"], environment: env(home))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Quarterly progress report · "))
        #expect(result.stdout.contains("\nTeams\n") && result.stdout.contains("\nChanges this quarter\n"))
        let demo = home.path + "/.local/share/goalbook/demo.db"
        #expect(result.stderr.contains("Demo database: \(demo)"))
        #expect(try run(try goalbookBinary(), ["demo", "--people", "12"], environment: env(home)).status == 0, "the demo replaces its own file")
        // A real database is never replaced without --force.
        let real = home.path + "/real.db"
        _ = try run(try goalbookBinary(), ["init", "--db", real], environment: env(home))
        let before = try databaseDump(real)
        let refused = try run(try goalbookBinary(), ["demo", "--db", real], environment: env(home))
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "Error: \(real) already exists and is not a demo database; it was left untouched (use another --db, or --force to replace it)\n")
        #expect(try databaseDump(real) == before)
    }

    @Test(arguments: TestEngine.available)
    func checkInsReportsAndClosingAQuarterThroughTheBinary(engine: TestEngine) throws {
        let home = try makeTemporaryFolder("goalbook-home")
        try engine.withDatabase(home: home) { db in try checkInsReportsAndClosingAQuarter(home: home, db: db) }
    }

    func checkInsReportsAndClosingAQuarter(home: URL, db: String) throws {
        func goalbook(_ arguments: String...) throws -> CommandResult {
            try run(try goalbookBinary(), arguments + ["--db", db], environment: env(home))
        }
        let csv = try writeFile(
            home, "staff.csv",
            "id,name,email,manager,family,function,level\nE001,Grace,,,,AI / Machine Learning Engineering,P2\nE100,Ada,,E001,,AI / Machine "
                + "Learning Engineering,P2\n"
        )
        _ = try goalbook("people", "import", csv)
        let quarter = Quarter.containing(Day(Date()))
        _ = try goalbook("goals", "add", "E100", "-p", quarter.description, "--framework", "smart", "--row", "1")
        _ = try goalbook("goals", "set", "G1", "baseline=10%", "target=50%")
        _ = try goalbook("goals", "status", "G1", "active", "--unfilled")
        let checkin = try goalbook("checkin", "G1", "30%", "--confidence", "7", "--note", "halfway")
        #expect(checkin.status == 0)
        #expect(checkin.stdout.hasPrefix("C1  G1  30% on "))
        #expect(try goalbook("checkin", "G1", "30 ms").stderr == "Error: the check-in 30 ms is not in the goal's unit (%): give it like 30%\n")
        #expect(try goalbook("checkin", "G1", "--corrects", "C1", "25%").stdout.contains("(corrects C1)"))
        #expect(try goalbook("checkins", "G1").stdout.split(separator: "\n").count == 2)
        let report = try goalbook("report", "--team", "E001", "-p", "this quarter", "--format", "csv")
        #expect(report.status == 0)
        var reader = CSVReader(bytes: Array(report.stdout.utf8), file: "report.csv")
        let header = try #require(try reader.next()).fields
        let row = try #require(try reader.next()).fields
        #expect(row[header.firstIndex(of: "progress")!] == "0.375", "(25 − 10) / (50 − 10)")
        #expect(row[header.firstIndex(of: "latest")!] == "25")
        let out = home.appendingPathComponent("r.html").path
        #expect(try goalbook("report", "--person", "E100", "--format", "html", "-o", out).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("id=\"G1\""))
        #expect(try goalbook("quarter", "close", quarter.description, "--early").stdout == "Closed \(quarter).\n")
        let refused = try goalbook("checkin", "G1", "40%")
        #expect(refused.status == 1 && refused.stderr.contains("\(quarter) was closed on "))
        let closedReport = try goalbook("report", "--team", "E001", "-p", quarter.description, "--format", "json")
        #expect(try goalbook("report", "--team", "E001", "-p", quarter.description, "--format", "json").stdout == closedReport.stdout)
        #expect(try goalbook("quarter", "reopen", quarter.description, "--note", "one more check-in").status == 0)
        #expect(try goalbook("checkin", "G1", "40%").status == 0)
    }
}
