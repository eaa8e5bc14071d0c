import ArgumentParser
import Foundation
import GoalbookCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the database: SQLite's integrity and foreign keys, and Goalbook's own rules.",
        discussion: """
            Goalbook's rules: the schema is exactly what the migrations made (no trigger or view dropped, changed \
            or added); every goal's and person's current values are what their history replays to; closed quarters \
            are those history leaves closed, each with the figures it was closed with; every goal has its canon link \
            and a 'created' history row; nobody is in a manager cycle; baseline and target agree on a unit; slot \
            numbers match their values; check-ins are in their item's unit. Exits 1 when anything is wrong. \
            docs/schema.md says what check cannot see.
            """)

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let problems = try database.open().check()
        guard !problems.isEmpty else { return print("ok: \(database.path) passed every check") }
        for problem in problems { print(problem) }
        printError("\(database.path): \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
        throw ExitCode.failure
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to a file, consistently, even while other commands write.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The backup file to write.", valueName: "file")) var file: String
    @Flag(help: "Replace the file if it exists.") var force = false

    func run() throws {
        try database.open().backup(to: file, replace: force)
        print("Backed up \(database.path) to \(file).")
    }
}

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
        var replace = force
        if !force, let loss = try GoalbookStore.restoreLoss(from: file, to: database.path), isatty(STDIN_FILENO) == 1 {
            _ = try GoalbookStore.checkBackup(file)
            printError("\(database.path) exists; restoring \(file) replaces it\(loss.isEmpty ? "" : ", losing " + loss.description).")
            FileHandle.standardError.write(Data("Replace it? [y/N] ".utf8))
            guard let answer = readLine(), ["y", "yes"].contains(answer.trimmingBlanks().lowercased()) else {
                printError("Nothing was restored.")
                throw ExitCode.failure
            }
            replace = true
        }
        let outcome = try GoalbookStore.restore(from: file, to: database.path, replace: replace, actor: database.actor)
        let version = outcome.version
        print("Restored \(database.path) from \(file) (schema version \(version)\(version < GoalbookStore.schemaVersion ? ", upgraded to \(GoalbookStore.schemaVersion)" : "")).")
        if !outcome.loss.isEmpty { printError("warning: \(outcome.loss.description) are gone from \(database.path).") }
    }
}
