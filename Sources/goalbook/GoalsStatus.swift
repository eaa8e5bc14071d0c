import ArgumentParser
import GoalbookCore

struct GoalsStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Move a goal along: draft → active → done or dropped.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
    @Argument(help: "active, done or dropped.") var status: GoalStatus
    @Option(help: "Why, for the record.") var note: String?

    func run() throws {
        if let change = try database.open().setStatus(goal, to: status, note: note, actor: database.actor) {
            print("\(GoalID.format(goal)) status: \(change.old ?? "∅") → \(change.new ?? "∅")")
        } else {
            print("\(GoalID.format(goal)) is already \(status.rawValue); nothing changed.")
        }
    }
}
