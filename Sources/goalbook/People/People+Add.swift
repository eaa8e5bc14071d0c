import ArgumentParser
import GoalbookCore

extension People {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add one person.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @Argument(help: ArgumentHelp("The organization's employee id, e.g. E100.", valueName: "id")) var id: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Email address.") var email: String?
        @Option(help: ArgumentHelp("The manager's employee id.", valueName: "id")) var manager: String?
        @OptionGroup var frame: FrameOptions

        func validate() throws {
            if id.trimmingBlanks().isEmpty { throw ValidationError("The employee id cannot be empty.") }
            if name.trimmingBlanks().isEmpty { throw ValidationError("--name cannot be empty: give the person's full name.") }
        }

        func run() throws {
            let input = PersonInput(
                employeeId: id, name: name, email: email, managerId: manager, family: frame.family,
                function: frame.function, level: frame.level)
            _ = try PeopleService(try database.open()).write(
                [input], file: "people add", mode: .add, actor: database.actor, command: "people add",
                dated: when.date)
            print("Added \(id) \(name).")
        }
    }
}
