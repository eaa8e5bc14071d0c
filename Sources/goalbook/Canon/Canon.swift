import ArgumentParser

struct Canon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canon",
        abstract: "See and import the job-architecture canon that templates are made from.",
        subcommands: [Canon.List.self, Canon.Show.self, Canon.Import.self])
}
