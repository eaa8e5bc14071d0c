import ArgumentParser
import Foundation
import GoalbookCore

struct QuarterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarter", abstract: "Close a quarter (freeze its goals and check-ins), reopen it, or see its scores.",
        subcommands: [QuarterClose.self, QuarterReopen.self, QuarterScores.self])
}

struct QuarterClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Freeze a quarter: its goals and check-ins take no more writes, and its report stops changing.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
    @Option(help: "A note for the record.") var note: String?
    @Flag(help: "Refuse to close while any active or done goal has no score.") var requireScores = false
    @Flag(help: "Close before the quarter's last day.") var early = false

    func run() throws {
        let result = try database.open().closeQuarter(quarter, note: note, requireScores: requireScores, early: early, actor: database.actor)
        guard result.closed else { return print("\(quarter) was already closed; nothing changed.") }
        if !result.unscored.isEmpty {
            printError("Warning: \(counted(result.unscored.count, "goal")) of \(quarter) \(result.unscored.count == 1 ? "has" : "have") no score: "
                       + QuarterCloseResult.list(result.unscored, quarter: quarter))
        }
        print("Closed \(quarter).")
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

struct QuarterScores: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores", abstract: "The quarter-end scores of a quarter's active and done goals, and which are missing.",
        discussion: "Each goal with its progress, the score that progress suggests, its score on its framework's scale, and who gave it.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
    @OptionGroup var team: TeamOptions
    @Option(help: "txt, csv or json.") var format: ScoresFormat = .txt

    enum ScoresFormat: String, ExpressibleByArgument, CaseIterable { case txt, csv, json }

    func run() throws {
        let lines = try database.open().scores(quarter, team: team.team, below: team.below)
        switch format {
        case .txt: writeOut(ScoreText.table(lines, quarter: quarter))
        case .csv: writeOut(ScoreText.csv(lines))
        case .json: writeOut(try jsonText(lines))
        }
    }
}
