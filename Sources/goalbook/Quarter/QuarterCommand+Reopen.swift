import ArgumentParser
import Foundation
import GoalbookCore

extension QuarterCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Open a closed quarter again (recorded in history).")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
        @Option(help: "Why it is reopened (required, for the record).") var note: String

        func run() throws {
            try QuarterService(try database.open()).reopen(quarter, note: note, actor: database.actor)
            print("Reopened \(quarter).")
        }
    }
}
