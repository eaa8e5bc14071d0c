import Foundation
import GoalbookTestSupport
import Testing

/// Long work shows a progress line on a terminal, and nothing when standard error is piped or
/// NO_PROGRESS is set.
@Suite struct ProgressTests {
    @Test func importAndCopyShowProgressOnATerminalOnly() throws {
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

        let copy = try atTerminal("copy --from '\(db)' --to '\(home.path)/copy.db'")
        #expect(copy.status == 0, "\(copy.stdout)")
        #expect(copy.stdout.contains("\rCopying rows  "), "\(copy.stdout)")
        let copied = try run(binary, ["copy", "--from", db, "--to", home.path + "/copy2.db"], environment: cleanEnvironment(home: home))
        #expect(copied.status == 0 && !copied.stderr.contains("Copying rows"))
    }
}
