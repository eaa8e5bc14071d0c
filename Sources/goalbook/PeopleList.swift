import ArgumentParser
import GoalbookCore

struct PeopleList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List people, or everyone below a manager.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Only the people below this manager, at any depth.", valueName: "id")) var team: String?
    @Option(help: "table, csv or json.") var format: ListFormat = .table

    func run() throws {
        let people = try database.open().people(team: team)
        switch format {
        case .table: writeOut(GoalText.peopleTable(people))
        case .csv: writeOut(GoalText.peopleCSV(people))
        case .json: writeOut(try jsonText(people))
        }
    }
}
