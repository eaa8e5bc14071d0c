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
        @Option(help: ArgumentHelp("As they were then: 2026-10-01 (end of that day, UTC) or 2026-10-01T12:00.", valueName: "time")) var asOf: String?
        @Option(help: "How to print the list.") var format: ListFormat = .text

        func validate() throws {
            if person != nil && team.team != nil { throw ValidationError("Use --person or --team, not both.") }
        }

        func run() throws {
            let filter = GoalFilter(
                person: person, team: team.team, below: team.below, quarter: quarter, status: status, asOf: try asOf.map(AsOf.bound))
            let goals = try GoalService(try database.open()).goals(filter)
            switch format {
            case .text: writeOut(GoalText.listTable(goals))
            case .csv: writeOut(GoalText.listCSV(goals))
            case .json: writeOut(try jsonText(goals))
            }
            // The table says it under the rows; csv and json keep standard output to the data.
            if format != .text { for warning in GoalWeights.warnings(goals) { printError("Note: \(warning).") } }
        }
    }
}
