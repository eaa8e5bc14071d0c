import ArgumentParser
import Foundation
import GoalbookCore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to a file, consistently, even while other commands write.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The backup file to write.", valueName: "file")) var file: String
    @Flag(help: "Replace the file if it exists.") var force = false

    func run() throws {
        let store = try database.openSQLite(instead: "back it up with pg_dump (docs/postgres.md)")
        try Output.withProgress("Backing up pages") { progress in try store.backup(to: file, replace: force, progress: progress) }
        print("Backed up \(database.path) to \(file).")
    }
}
