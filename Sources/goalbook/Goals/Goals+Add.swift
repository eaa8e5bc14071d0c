import ArgumentParser
import GoalbookCore

extension Goals {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Give one person goals from template rows of their frame.",
            discussion: "Example: goalbook goals add E100 --quarter 2026Q4 --framework okr --row 2 --row 3")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @Argument(help: ArgumentHelp("Employee id.", valueName: "id")) var person: String
        @Option(name: [.customShort("p"), .long], help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
        @Option(help: "The goal framework whose template the goal comes from.") var framework: Framework
        @OptionGroup var rows: RowOptions

        func run() throws {
            let result = try GoalService(try database.open()).add(
                person, quarter: quarter, framework: framework, rows: rows.selection,
                actor: database.actor, dated: when.date)
            for goal in result.created {
                print(
                    "\(GoalID.format(goal.goalId))  \(person)  \(quarter)  \(framework.rawValue) row \(goal.rowNumber)  "
                        + "\(LineBreaks.flattened(goal.title))"
                )
            }
        }
    }
}
