import Foundation
import GoalbookTestSupport
import Testing

/// Long work (people import, goals assign, backup, canon import, copy) shows a progress line on a
/// terminal, and nothing when standard error is piped or NO_PROGRESS is set.
@Suite struct ProgressTests {
    @Test func longCommandsShowProgressOnATerminalOnly() throws {
        let home = try makeTemporaryFolder("goalbook-progress")
        let db = home.appendingPathComponent("g.db").path
        var csv = "id,name,email,manager,family,function,level\nE0,Root,,,,AI / Machine Learning Engineering,P2\n"
        for n in 1...300 { csv += "E\(n),Person \(n),,E0,,AI / Machine Learning Engineering,P2\n" }
        let staff = try writeFile(home, "staff.csv", csv)
        let binary = try goalbookBinary()
        func atTerminal(_ command: String, noProgress: Bool = false) throws -> CommandResult {
            try run(
                "/usr/bin/script", ["-qec", "'\(binary)' \(command)", "/dev/null"],
                environment: cleanEnvironment(home: home, extra: noProgress ? ["NO_PROGRESS": "1"] : [:]))
        }
        let shown = try atTerminal("people import '\(staff)' --db '\(db)'")
        #expect(shown.status == 0, "\(shown.stdout)")
        #expect(shown.stdout.contains("\rImporting people  301/301  100%"), "\(shown.stdout)")
        #expect(shown.stdout.contains("staff.csv: 0 added, 0 updated, 301 unchanged.") == false)
        #expect(shown.stdout.contains(": 301 added, 0 updated, 0 unchanged."))

        let quiet = try atTerminal("people import '\(staff)' --db '\(db)'", noProgress: true)
        #expect(quiet.status == 0 && !quiet.stdout.contains("Importing people"), "\(quiet.stdout)")
        let piped = try run(binary, ["people", "import", staff, "--db", db], environment: cleanEnvironment(home: home))
        #expect(piped.status == 0 && piped.stderr.isEmpty, "nothing on a piped standard error: \(piped.stderr)")

        let assigned = try atTerminal("goals assign --team E0 --below --quarter 2026Q4 --framework smart --all --db '\(db)'")
        #expect(assigned.status == 0, "\(assigned.stdout)")
        #expect(assigned.stdout.contains("\rAssigning goals to people  300/300  100%"), "\(assigned.stdout)")
        let assignedQuietly = try run(
            binary, ["goals", "assign", "--team", "E0", "--below", "--quarter", "2027Q1", "--framework", "smart", "--all", "--db", db],
            environment: cleanEnvironment(home: home))
        #expect(assignedQuietly.status == 0 && assignedQuietly.stderr.isEmpty, "\(assignedQuietly.stderr)")

        let backup = try atTerminal("backup --db '\(db)' '\(home.path)/backup.db'")
        #expect(backup.status == 0, "\(backup.stdout)")
        #expect(backup.stdout.contains("\rBacking up pages  "), "\(backup.stdout)")
        let backedUpQuietly = try run(binary, ["backup", "--db", db, home.path + "/backup2.db"], environment: cleanEnvironment(home: home))
        #expect(backedUpQuietly.status == 0 && backedUpQuietly.stderr.isEmpty, "\(backedUpQuietly.stderr)")

        let canon = try writeFile(
            home, "canon.yaml", "source: X\nfamily: Y\nfunctions:\n  - name: Z\n    levels:\n      - code: L1\n      - code: L2\n      - code: L3\n")
        let imported = try atTerminal("canon import --db '\(db)' '\(canon)'")
        #expect(imported.status == 0, "\(imported.stdout)")
        #expect(imported.stdout.contains("\rImporting frames  3/3  100%"), "\(imported.stdout)")
        let importedQuietly = try atTerminal("canon import --db '\(db)' '\(canon)'", noProgress: true)
        #expect(importedQuietly.status == 0 && !importedQuietly.stdout.contains("Importing frames"), "\(importedQuietly.stdout)")

        let copy = try atTerminal("copy --from '\(db)' --to '\(home.path)/copy.db'")
        #expect(copy.status == 0, "\(copy.stdout)")
        #expect(copy.stdout.contains("\rCopying rows  "), "\(copy.stdout)")
        let copied = try run(binary, ["copy", "--from", db, "--to", home.path + "/copy2.db"], environment: cleanEnvironment(home: home))
        #expect(copied.status == 0 && !copied.stderr.contains("Copying rows"))
    }
}
