import ArgumentParser
import GoalbookCore

extension Goals {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Fill or change a goal's slots (baseline, target, date), its weight or its owner.",
            discussion: """
                Example: goalbook goals set G42 baseline=12% target=40% date=2026-12-15 --item KR1
                Numbers may carry a unit (12, 12.5%, 40 ms, 3 features); baseline and target must agree on it. \
                The direction follows from baseline → target; equal values need --direction maintain. Dates are \
                ISO dates, not before the quarter starts. An empty value (target=) empties a slot. \
                weight=2 --item KR1 (or KR1.weight=2) weighs a key result inside its objective; weight=30 \
                without --item is the goal's weight among its person's goals (as goals weight).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
        @Argument(
            help: ArgumentHelp("Values as key=value: baseline, target, date, weight, owner; KR1.target=… names the item.", valueName: "key=value"))
        var values: [String]
        @Option(help: ArgumentHelp("The key result (KR1, KR2) where a goal has several.", valueName: "item")) var item: String?
        @Option(help: "Which way is better (needed when baseline equals target).") var direction: Direction?

        func validate() throws {
            if values.isEmpty { throw ValidationError("Say what to set, e.g. target=40%.") }
        }

        func run() throws {
            let changes = try GoalService(try database.open()).set(
                goal, try keyValues(values), item: item.map(Goal.itemName),
                direction: direction, actor: database.actor, dated: when.date)
            if changes.isEmpty { print("\(GoalID.format(goal)): nothing changed.") }
            for change in changes {
                print(change.line(goal))
            }
        }
    }
}
