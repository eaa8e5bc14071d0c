import ArgumentParser

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the goal templates of a job frame.",
        subcommands: [Templates.Print.self])
}
