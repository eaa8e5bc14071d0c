import ArgumentParser
import Foundation
import GoalbookCore

struct QuarterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarter", abstract: "Close a quarter (freeze its goals and check-ins) or reopen it.",
        subcommands: [QuarterClose.self, QuarterReopen.self])
}

struct QuarterClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Freeze a quarter: its goals and check-ins take no more writes, and its report stops changing.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
    @Option(help: "A note for the record.") var note: String?

    func run() throws {
        let closed = try database.open().closeQuarter(quarter, note: note, actor: database.actor)
        print(closed ? "Closed \(quarter)." : "\(quarter) was already closed; nothing changed.")
    }
}

struct QuarterReopen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Open a closed quarter again (recorded in history).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
    @Option(help: "Why it is reopened (required, for the record).") var note: String

    func run() throws {
        try database.open().reopenQuarter(quarter, note: note, actor: database.actor)
        print("Reopened \(quarter).")
    }
}
