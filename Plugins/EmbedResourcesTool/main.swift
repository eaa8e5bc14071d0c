import Foundation

// embed-resources OUTPUT --migrations FILE... --postgres-migrations FILE... --canon FILE...
//
// Writes a Swift file that holds each input file's exact bytes as base64 (a string literal
// compiles quickly where a large byte-array literal does not), in the order given. Run by the
// EmbedResources build-tool plugin; never by hand.

var arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.popFirst() else {
    FileHandle.standardError.write(Data("usage: embed-resources OUTPUT --migrations FILE... --postgres-migrations FILE... --canon FILE...\n".utf8))
    exit(2)
}
var groups: [String: [String]] = ["--migrations": [], "--postgres-migrations": [], "--canon": []]
var current: String?
for argument in arguments {
    if groups[argument] != nil {
        current = argument
    } else if let group = current {
        groups[group, default: []].append(argument)
    } else {
        FileHandle.standardError.write(Data("embed-resources: \(argument) comes before --migrations, --postgres-migrations or --canon\n".utf8))
        exit(2)
    }
}

func entries(_ paths: [String]) throws -> String {
    try paths.map { path in
        let url = URL(fileURLWithPath: path)
        let base64 = try Data(contentsOf: url).base64EncodedString()
        return "        (\"\(url.lastPathComponent)\", \"\(base64)\"),\n"
    }.joined()
}

let text = """
    // Generated at build time by the EmbedResources plugin from migrations/ and canon/.

    /// The files the binary carries inside itself, as base64 of their exact bytes.
    enum Embedded {
        /// `migrations/sqlite/*.sql`, in file-name order.
        static let migrations: [(name: String, base64: String)] = [
    \(try entries(groups["--migrations"] ?? []))    ]

        /// `migrations/postgres/*.sql`, in file-name order.
        static let postgresMigrations: [(name: String, base64: String)] = [
    \(try entries(groups["--postgres-migrations"] ?? []))    ]

        /// `canon/*.yaml` and `canon/*.txt`, the built-in canon, in file-name order.
        static let canon: [(name: String, base64: String)] = [
    \(try entries(groups["--canon"] ?? []))    ]
    }

    """
try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
