import ArgumentParser
import GoalbookCore

extension Goals {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Move a goal along: draft → active → done or dropped (or back to draft).",
            discussion: "A goal with unfilled slots becomes active only with --unfilled; the refusal names the slots.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
        @Argument(help: "The status to move the goal to (carried is goals carry's alone).") var status: GoalStatus
        @Option(help: "Why, for the record.") var note: String?
        @Flag(help: "Make a goal active even though some of its slots are unfilled.") var unfilled = false

        func run() throws {
            let goals = GoalService(try database.open())
            if let change = try goals.setStatus(goal, to: status, note: note, unfilled: unfilled, actor: database.actor) {
                print(change.line(goal))
                let under = status == .dropped ? try goals.alignedUnder(goal) : []
                if !under.isEmpty {
                    printError(
                        "Note: \(under.map(GoalID.format).joined(separator: ", ")) \(under.count == 1 ? "is" : "are") still aligned to "
                            + "\(GoalID.format(goal)), "
                            + "which no longer counts: align \(under.count == 1 ? "it" : "them") elsewhere (goalbook goals align G… --to G…) or "
                            + "to nothing (--none)."
                    )
                }
            } else {
                print("\(GoalID.format(goal)) is already \(status.rawValue); nothing changed.")
            }
        }
    }
}
