import ArgumentParser
import GoalbookCore

extension Goals {
    struct Align: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "align", abstract: "Say which goal a goal contributes to (--to G17), or that it contributes to none (--none).",
            discussion: """
                A goal is aligned to one goal of the same quarter, usually one held by someone above in the \
                manager tree. Not to itself, nor to a goal aligned under it. Each change is kept in history, \
                so goals tree --as-of shows the tree as it stood.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @Argument(help: ArgumentHelp("The goal that contributes, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
        @Option(help: ArgumentHelp("The goal it contributes to, e.g. G17.", valueName: "goal"), transform: Parse.goal) var to: Int64?
        @Flag(help: "Aligned to nothing.") var none = false

        func validate() throws {
            if (to == nil) == !none { throw ValidationError("Say --to G17, or --none.") }
        }

        func run() throws {
            if let change = try AlignmentService(try database.open()).align(goal, to: to, actor: database.actor, dated: when.date) {
                print("\(GoalID.format(goal)) aligned to: \(change.old ?? "nothing") → \(change.new ?? "nothing")")
            } else {
                print("\(GoalID.format(goal)) is already aligned to \(to.map(GoalID.format) ?? "nothing"); nothing changed.")
            }
        }
    }
}
