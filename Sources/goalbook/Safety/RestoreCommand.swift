import ArgumentParser
import Foundation
import GoalbookCore

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a backup, after checking the backup.",
        discussion: """
            The backup is copied beside the database, brought up to date and run through goalbook check first: \
            one that fails is refused and nothing changes. Replacing a database loses what was recorded after \
            the backup: restore says how much, asks at a terminal, and otherwise refuses without --force.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The backup file to restore from.", valueName: "file")) var file: String
    @Flag(help: "Replace the existing database, and what was recorded after the backup, without asking.") var force = false

    func run() throws {
        let path = try database.sqlitePath(instead: "restore it with pg_restore (docs/postgres.md)")
        var replace = force
        if !force, let loss = try SQLiteEngine.restoreLoss(from: file, to: path), isatty(STDIN_FILENO) == 1 {
            _ = try SQLiteEngine.checkBackup(file)
            printError("\(path) exists; restoring \(file) replaces it\(loss.isEmpty ? "" : ", losing " + loss.description).")
            FileHandle.standardError.write(Data("Replace it? [y/N] ".utf8))
            guard let answer = readLine(), ["y", "yes"].contains(answer.trimmingBlanks().lowercased()) else {
                printError("Nothing was restored.")
                throw ExitCode.failure
            }
            replace = true
        }
        let outcome = try SQLiteEngine.restore(from: file, to: path, replace: replace, actor: database.actor)
        let version = outcome.version
        print(
            "Restored \(path) from \(file) (schema version "
                + "\(version)\(version < SQLiteEngine.schemaVersion ? ", upgraded to \(SQLiteEngine.schemaVersion)" : ""))."
        )
        if !outcome.loss.isEmpty { printError("warning: \(outcome.loss.description) are gone from \(path).") }
    }
}
