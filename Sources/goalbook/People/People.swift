import ArgumentParser

struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Add, import, change and list the people whose goals Goalbook keeps.",
        discussion: "People are never deleted: `people leave` ends them on a date, and they stay in every report of the past.",
        subcommands: [People.Add.self, People.Import.self, People.List.self, People.Show.self, People.Set.self, People.Leave.self])
}
