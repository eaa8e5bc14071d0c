import ArgumentParser
import Foundation
import GoalbookCore

extension QuarterCommand {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close", abstract: "Freeze a quarter: its goals and check-ins take no more writes, and its report stops changing.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
        @Option(help: "A note for the record.") var note: String?
        @Flag(help: "Refuse to close while any active or done goal has no score.") var requireScores = false
        @Flag(help: "Close before the quarter's last day.") var early = false

        func run() throws {
            let result = try QuarterService(try database.open()).close(
                quarter, note: note, requireScores: requireScores, early: early, actor: database.actor)
            guard result.closed else { return print("\(quarter) was already closed; nothing changed.") }
            if !result.unscored.isEmpty {
                printError(
                    "Warning: \(counted(result.unscored.count, "goal")) of \(quarter) \(result.unscored.count == 1 ? "has" : "have") no score: "
                        + QuarterCloseResult.list(result.unscored, quarter: quarter))
            }
            print("Closed \(quarter).")
        }
    }
}
