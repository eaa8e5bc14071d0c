import ArgumentParser
import Foundation
import GoalbookCore

struct QuarterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarter", abstract: "Close a quarter (freeze its goals and check-ins), reopen it, or see its scores.",
        subcommands: [QuarterCommand.Close.self, QuarterCommand.Reopen.self, QuarterCommand.Scores.self])
}
