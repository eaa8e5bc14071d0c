import ArgumentParser
import GoalbookCore

extension Goals {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "Every change to a goal: when, who, field, old → new.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
        @Option(help: "How to print the changes.") var format: TextFormat = .text

        func run() throws {
            let entries = try GoalService(try database.open()).log(goal)
            switch format {
            case .text: writeOut(GoalText.log(entries))
            case .json: writeOut(try jsonText(entries))
            }
        }
    }
}
