import ArgumentParser
import Foundation
import GoalbookCore

@main
struct Goalbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goalbook",
        abstract: "Goal records from your job-architecture canon, kept in one SQLite file.",
        discussion: """
            The database is --db PATH, else $GOALBOOK_DB, else $XDG_DATA_HOME/goalbook/goalbook.db \
            (~/.local/share/goalbook/goalbook.db when XDG_DATA_HOME is not set). It is created on first use.
            """,
        version: GoalbookVersion.string,
        groupedSubcommands: [
            CommandGroup(name: "Setup", subcommands: [DemoCommand.self, InitCommand.self, CopyCommand.self]),
            CommandGroup(name: "Canon and templates", subcommands: [Canon.self, Templates.self]),
            CommandGroup(name: "People and goals", subcommands: [People.self, Goals.self, CheckInCommand.self, CheckInsCommand.self]),
            CommandGroup(name: "Quarter", subcommands: [ReportCommand.self, QuarterCommand.self]),
            CommandGroup(name: "Analyst", subcommands: [SQLCommand.self, SchemaCommand.self]),
            CommandGroup(name: "Safety", subcommands: [CheckCommand.self, BackupCommand.self, RestoreCommand.self, AccessCommand.self]),
        ]
    )

    /// `--db` and `--by` may come before the subcommand too, as with git and docker
    /// (`goalbook --db x.db init`): they are taken off the front and read by ``DatabaseOptions``.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        do {
            GlobalOptions.shared = try GlobalOptions.take(from: &arguments)
        } catch {
            exit(withError: error)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Output.finish()
        } catch {
            // ArgumentParser's own exit, with its message through Output: checked and escaped.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Output.finish()
            } else {
                Output.finish()
                if !message.isEmpty { printError(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
