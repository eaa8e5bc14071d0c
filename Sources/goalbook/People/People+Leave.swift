import ArgumentParser
import Foundation
import GoalbookCore

extension People {
    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave", abstract: "End a person's employment on a date (their last day). Their goals stay.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("Employee id.", valueName: "id")) var id: String
        @Option(help: ArgumentHelp("The last day, YYYY-MM-DD (default: today).", valueName: "date"), transform: Parse.day) var date: Day?

        func run() throws {
            let day = date ?? Day(Date())
            let changed = try PeopleService(try database.open()).leave(id, on: day, actor: database.actor)
            print(changed ? "\(id) leaves on \(day)." : "\(id) already leaves on \(day); nothing changed.")
        }
    }
}
