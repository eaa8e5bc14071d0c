import ArgumentParser
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
        commandName: "restore", abstract: "Replace the database with a backup, after checking the backup.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The backup file to restore from.", valueName: "file")) var file: String
    @Flag(help: "Replace the existing database.") var force = false

    func run() throws {
        let version = try GoalbookStore.restore(from: file, to: database.path, replace: force, actor: database.actor)
        print("Restored \(database.path) from \(file) (schema version \(version)\(version < GoalbookStore.schemaVersion ? ", upgraded to \(GoalbookStore.schemaVersion)" : "")).")
    }
}
