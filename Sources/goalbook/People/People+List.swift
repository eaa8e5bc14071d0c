import ArgumentParser
import GoalbookCore

extension People {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List people, or everyone below a manager.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var team: TeamOptions
        @Option(help: "How to print the list.") var format: ListFormat = .text

        func run() throws {
            let people = try PeopleService(try database.open()).people(team: team.team, below: team.below)
            switch format {
            case .text: writeOut(GoalText.peopleTable(people))
            case .csv: writeOut(GoalText.peopleCSV(people))
            case .json: writeOut(try jsonText(people))
            }
        }
    }
}
