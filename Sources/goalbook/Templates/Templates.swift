import ArgumentParser

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Print the goal templates of a job frame.",
        subcommands: [Templates.Print.self])
}
