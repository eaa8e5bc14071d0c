import ArgumentParser
import GoalbookCore

extension People {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one person and every change to them.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("Employee id.", valueName: "id")) var id: String

        func run() throws {
            let people = PeopleService(try database.open())
            let person = try people.person(id)
            print("\(person.employeeId)  \(person.name)\(person.email.map { " <\($0)>" } ?? "")")
            print("Frame: \(person.family) · \(person.function) · \(person.level)")
            print("Manager: \(person.managerId ?? "none")")
            if let left = person.leftOn { print("Left: \(left)") }
            print("\nHistory:")
            writeOut(GoalText.log(try people.history(id)))
        }
    }
}
