import ArgumentParser
import GoalbookCore

extension Goals {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List goals, now or as they were.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp("One person's goals.", valueName: "id")) var person: String?
        @OptionGroup var team: TeamOptions
        @Option(name: [.customShort("p"), .long], help: "Only this quarter.", transform: Parse.quarter) var quarter: Quarter?
        @Option(help: "Only goals with this status.") var status: GoalStatus?
        @OptionGroup var past: PastOptions
        @Option(help: "How to print the list.") var format: ListFormat = .text

        func validate() throws {
            if person != nil && team.team != nil { throw ValidationError("Use --person or --team, not both.") }
        }

        func run() throws {
            let filter = GoalFilter(
                person: person, team: team.team, below: team.below, quarter: quarter, status: status, asOf: try past.view())
            let listed = try GoalService(try database.open()).goalsWithStanding(filter)
            let goals = listed.map(\.goal)
            let standing = listed.map(\.standing)
            switch format {
            case .text: writeOut(GoalText.listTable(goals, standing: standing))
            case .csv: writeOut(GoalText.listCSV(goals, standing: standing))
            case .json: writeOut(try jsonText(listed.map { ListedGoal(goal: $0.goal, standing: $0.standing) }))
            }
            // The table says it under the rows; csv and json keep standard output to the data.
            if format != .text { for warning in GoalWeights.warnings(goals) { printError("Note: \(warning).") } }
        }
    }
}

/// A goal in `goals list --format json`: the goal's own fields, then `progress` and `track`.
struct ListedGoal: Encodable {
    let goal: Goal
    let standing: GoalStanding

    enum Keys: String, CodingKey { case progress, track }

    func encode(to encoder: any Encoder) throws {
        try goal.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(standing.progress.map { ($0 * 10_000).rounded() / 10_000 }, forKey: .progress)
        try container.encode(standing.track, forKey: .track)
    }
}
