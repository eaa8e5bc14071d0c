import ArgumentParser
import Foundation
import GoalbookCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the data dictionary: every table, view and column, described.",
        discussion: """
            --format md writes docs/data-dictionary.md; --format datasette writes a Datasette metadata.json, \
            keyed by the database's name as Datasette shows it: the file name without its extension \
            (demo.db is demo), or --name.
            """)

    enum Format: String, OptionValue { case md, datasette }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "What to write.") var format: Format = .md
    @Option(
        help: ArgumentHelp(
            "With --format datasette: the database's name in Datasette (default: the file name without its extension).",
            valueName: "name")) var name: String?

    func run() throws {
        let entries: [DictionaryEntry]
        switch try DatabaseLocation.kind(of: database.path) {
        case .sqlite: entries = try database.openSQLite(instead: "goalbook schema reads a SQLite file or a PostgreSQL database").dictionary()
        case .postgres(let url): entries = try PostgresEngine(url: url, actor: database.actor).dictionary()
        }
        switch format {
        case .md: writeOut(DataDictionaryText.markdown(entries))
        case .datasette:
            // Datasette names a database after its file, less the extension: demo.db is "demo".
            let stem = ((database.path as NSString).lastPathComponent as NSString).deletingPathExtension
            writeOut(DataDictionaryText.datasette(entries, database: name ?? stem))
        }
    }
}
