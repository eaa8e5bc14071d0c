import ArgumentParser
import GoalbookCore

struct Goals: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create goals from templates, fill them, move them through their lives, and read their history.",
        discussion: """
            A goal is one template row of its person's job frame, with its own copy of the text. Its \
            ⟨baseline⟩, ⟨target⟩ and ⟨date⟩ are slots to fill with goals set. Status runs draft → active → \
            done or dropped; goals carry marks active goals carried. Goals are never deleted, and every \
            change is kept: goals log shows it, --as-of rebuilds the past. goals align ties a goal to the one \
            it contributes to, goals tree shows the roll-up, goals weight says how much a goal counts, and \
            goals score grades it at the quarter's end.
            """,
        subcommands: [GoalsAdd.self, GoalsAssign.self, GoalsList.self, GoalsShow.self, GoalsSet.self, GoalsStatus.self,
                      GoalsLog.self, GoalsCarry.self, GoalsFill.self, GoalsEdit.self, GoalsAlign.self, GoalsTree.self,
                      GoalsWeight.self, GoalsScore.self])
}

/// How a command picks template rows: `--row N` (repeatable) or `--all`.
struct RowOptions: ParsableArguments {
    @Option(name: .customLong("row"), help: ArgumentHelp("A template row number (repeat for several).", valueName: "n"))
    var rows: [Int] = []
    @Flag(help: "Every row of the framework's template.") var all = false

    func validate() throws {
        if rows.isEmpty == !all { throw ValidationError("Pick template rows with --row N (repeatable) or --all.") }
        if let bad = rows.first(where: { $0 < 1 }) { throw ValidationError("Row numbers start at 1, not \(bad).") }
    }

    var selection: [Int]? { all ? nil : rows }
}

/// How `goals fill` and `goals edit` pick goals: one goal, or a person's or a team's in a quarter.
struct GoalSelection: ParsableArguments {
    @Argument(help: ArgumentHelp("One goal, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64?
    @Option(help: ArgumentHelp("The goals of one person.", valueName: "id")) var person: String?
    @OptionGroup var team: TeamOptions
    @Option(name: [.customShort("p"), .long], help: "The quarter (with --person or --team).", transform: Parse.quarter) var quarter: Quarter?

    func validate() throws {
        if [goal != nil, person != nil, team.team != nil].filter({ $0 }).count != 1 { throw ValidationError("Name one goal, or --person or --team with --quarter.") }
        if goal == nil && quarter == nil { throw ValidationError("--person and --team need --quarter.") }
    }

    /// The person's or team's goals of the quarter (unused when one goal is named).
    var filter: GoalFilter { GoalFilter(person: person, team: team.team, below: team.below, quarter: quarter) }
}
