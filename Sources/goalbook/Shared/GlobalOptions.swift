import ArgumentParser
import Foundation
import GoalbookCore

/// `--db` and `--by` given before the subcommand (`goalbook --db x.db init`).
struct GlobalOptions {
    var db: String?
    var by: String?

    nonisolated(unsafe) static var shared = GlobalOptions()

    /// Takes `--db PATH`, `--db=PATH`, `--by NAME` and `--by=NAME` off the front of `arguments`,
    /// up to the first word that is not one of them.
    static func take(from arguments: inout [String]) throws -> GlobalOptions {
        var options = GlobalOptions()
        while let first = arguments.first {
            let (name, inline) =
                first.hasPrefix("--db=") || first.hasPrefix("--by=")
                ? (String(first.prefix(4)), Optional(String(first.dropFirst(5)))) : (first, nil)
            guard name == "--db" || name == "--by" else { break }
            arguments.removeFirst()
            guard let value = inline ?? arguments.first.map({ _ in arguments.removeFirst() }) else {
                throw ValidationError("Missing value for '\(name) <\(name == "--db" ? "path" : "name")>'.")
            }
            if name == "--db" { options.db = value } else { options.by = value }
        }
        return options
    }

    /// The value of an option that may be given before the subcommand or after it, but not both.
    static func merge(_ before: String?, _ after: String?, name: String) throws -> String? {
        if let before, let after, before != after {
            throw ValidationError("\(name) is given twice, '\(before)' before the subcommand and '\(after)' after it: give it once.")
        }
        return after ?? before
    }
}
