import ArgumentParser
import Foundation
import GoalbookCore

extension QuarterCommand {
    struct Scores: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scores", abstract: "The quarter-end scores of a quarter's active and done goals, and which are missing.",
            discussion: "Each goal with its progress, the score that progress suggests, its score on its framework's scale, and who gave it.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
        @OptionGroup var team: TeamOptions
        @Option(help: "How to print the scores.") var format: ScoresFormat = .text

        enum ScoresFormat: String, OptionValue { case text, csv, json }

        func run() throws {
            let lines = try QuarterService(try database.open()).scores(quarter, team: team.team, below: team.below)
            switch format {
            case .text: writeOut(ScoreText.table(lines, quarter: quarter))
            case .csv: writeOut(ScoreText.csv(lines))
            case .json: writeOut(try jsonText(lines))
            }
        }
    }
}
