import ArgumentParser

struct Canon: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "See and import the job-architecture canon that templates are made from.",
        subcommands: [CanonList.self, CanonShow.self, CanonImport.self])
}
