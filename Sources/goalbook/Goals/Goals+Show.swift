import ArgumentParser
import GoalbookCore

extension Goals {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a goal: its template text with filled slots in place, now or as it was.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
        @OptionGroup var past: PastOptions
        @Option(help: "How to print it.") var format: TextFormat = .text

        func run() throws {
            let goals = GoalService(try database.open())
            let bound = try past.view()
            let shown = try goals.goal(goal, asOf: bound)
            switch format {
            case .text: writeOut(GoalText.show(shown, canonMovedOn: try goals.canonMovedOn(shown), asOf: bound?.description))
            case .json: writeOut(try jsonText(shown))
            }
        }
    }
}
