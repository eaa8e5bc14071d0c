import ArgumentParser
import GoalbookCore

extension People {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Change a person: name, email, manager, family, function, level.",
            discussion:
                "Example: goalbook people set E100 level=P3 manager=E002. An empty manager= puts them at the top. Every change is recorded in "
                + "history."
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @Argument(help: ArgumentHelp("Employee id.", valueName: "id")) var id: String
        @Argument(help: ArgumentHelp("Changes as key=value.", valueName: "key=value")) var changes: [String]

        func validate() throws {
            if changes.isEmpty { throw ValidationError("Say what to change, e.g. level=P3 manager=E002.") }
        }

        func run() throws {
            let people = PeopleService(try database.open())
            let person = try people.person(id)
            var input = PersonInput(
                employeeId: id, name: person.name, email: person.email, managerId: person.managerId,
                family: person.family, function: person.function, level: person.level)
            for (key, value) in try keyValues(changes) {
                let text = value.trimmingBlanks()
                switch key.lowercased() {
                case "name":
                    guard !text.isEmpty else { throw ValidationError("name cannot be empty") }
                    input.name = text
                case "email": input.email = text.isEmpty ? nil : text
                case "manager": input.managerId = text.isEmpty ? nil : text
                case "family": input.family = text
                case "function": input.function = text
                case "level": input.level = text
                default: throw ValidationError("unknown field '\(key)': a person has name, email, manager, family, function and level")
                }
            }
            let summary = try people.write([input], file: "people set", mode: .update, actor: database.actor, command: "people set", dated: when.date)
            print(summary.updated == 0 ? "\(id): nothing changed." : "Updated \(id).")
        }
    }
}
