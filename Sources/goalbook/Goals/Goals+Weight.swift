import ArgumentParser
import GoalbookCore

extension Goals {
    struct Weight: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weight", abstract: "Set how much a goal counts among its person's goals of the quarter.",
            discussion: """
                Example: goalbook goals weight G42 30
                Weights are numbers of 0 or more; a goal without one weighs 1. A person's weights are meant \
                to add up to 100: goals list and the report say when they do not, and use them as given. \
                A key result's weight inside its objective: goalbook goals set G42 weight=2 --item KR1. \
                An empty weight ("") unsets it.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
        // Taken as typed, so that "-5" reaches the check on weights instead of looking like an option.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The weight, e.g. 30.", valueName: "weight")) var values: [String] = []

        var weight: String { values.first ?? "" }

        func validate() throws {
            if values.count != 1 { throw ValidationError("Give one weight, e.g. goalbook goals weight G42 30.") }
        }

        func run() throws {
            let changes = try GoalService(try database.open()).set(
                goal, [(key: "weight", value: weight)], item: nil, direction: nil, actor: database.actor,
                command: "goals weight", dated: when.date)
            if changes.isEmpty { print("\(GoalID.format(goal)): nothing changed.") }
            for change in changes { print(change.line(goal)) }
        }
    }
}
