import ArgumentParser
import GoalbookCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the data dictionary: every table, view and column, described.",
        discussion: "--format md writes docs/data-dictionary.md; --format datasette writes a Datasette metadata.json.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, datasette }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "md or datasette.") var format: Format = .md

    func run() throws {
        let entries = try database.open().dictionary()
        switch format {
        case .md: writeOut(DataDictionaryText.markdown(entries))
        case .datasette: writeOut(DataDictionaryText.datasette(entries))
        }
    }
}
