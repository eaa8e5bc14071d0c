import ArgumentParser
import Foundation
import GoalbookCore

/// Options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is acting, for the record (default: $GOALBOOK_USER, else your login name).", valueName: "name"))
    var by: String?

    var actor: String { Actor.resolve(explicit: by) }
    var path: String { DatabaseLocation.resolve(explicit: db) }

    /// Opens the database, creating and migrating it when needed.
    func open() throws -> GoalbookStore {
        try GoalbookStore(path: path, actor: actor)
    }
}

/// Output formats for listings.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension Framework: ExpressibleByArgument {}
extension CanonFormat: ExpressibleByArgument {}

/// Writes to standard error (warnings and notes; results go to standard output).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes text to standard output exactly as given, with no newline added.
func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// JSON as Goalbook prints it: sorted keys, pretty, no escaped slashes, one trailing newline.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
