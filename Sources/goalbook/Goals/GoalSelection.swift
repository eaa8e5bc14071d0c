import ArgumentParser
import GoalbookCore

/// How `goals fill` and `goals edit` pick goals: one goal, or a person's or a team's in a quarter.
struct GoalSelection: ParsableArguments {
    @Argument(help: ArgumentHelp("One goal, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64?
    @Option(help: ArgumentHelp("The goals of one person.", valueName: "id")) var person: String?
    @OptionGroup var team: TeamOptions
    @Option(name: [.customShort("p"), .long], help: "The quarter (with --person or --team).", transform: Parse.quarter) var quarter: Quarter?

    func validate() throws {
        if [goal != nil, person != nil, team.team != nil].filter({ $0 }).count != 1 {
            throw ValidationError("Name one goal, or --person or --team with --quarter.")
        }
        if goal == nil && quarter == nil { throw ValidationError("--person and --team need --quarter.") }
    }

    /// The person's or team's goals of the quarter (unused when one goal is named).
    var filter: GoalFilter { GoalFilter(person: person, team: team.team, below: team.below, quarter: quarter) }
}
