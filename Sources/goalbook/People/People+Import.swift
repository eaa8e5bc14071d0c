import ArgumentParser
import GoalbookCore

extension People {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Add and update people from a staff CSV file, all or nothing.",
            discussion: """
                The file has a header row with the columns id,name,email,manager,family,function,level (any order). \
                family may be empty where the function name is in one family only; manager is empty at the top. \
                A manager may appear later in the file. Every bad row is reported as file:line (the first 20), and \
                nothing is written. Importing the same file again changes nothing; a changed row is an update, \
                recorded in history. People missing from the file are left as they are.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @Argument(help: ArgumentHelp("The staff CSV file.", valueName: "file")) var file: String

        func run() throws {
            let (people, problems) = try StaffCSV.parse(contentsOf: file)
            let store = try database.open()
            let summary = try Output.withProgress("Importing people") { progress in
                try PeopleService(store).write(
                    people, file: file, mode: .upsert, actor: database.actor, command: "people import", inputProblems: problems,
                    dated: when.date, progress: progress)
            }
            print("\(file): \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged.")
        }
    }
}
