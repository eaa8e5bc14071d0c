import ArgumentParser
import GoalbookCore

extension People {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List people, or everyone below a manager.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var team: TeamOptions
        @Option(help: "table, csv or json.") var format: ListFormat = .table

        func run() throws {
            let people = try database.open().people(team: team.team, below: team.below)
            switch format {
            case .table: writeOut(GoalText.peopleTable(people))
            case .csv: writeOut(GoalText.peopleCSV(people))
            case .json: writeOut(try jsonText(people))
            }
        }
    }
}
