import Foundation

/// Where the database lives when the user does not say.
public enum DatabaseLocation {
    /// `--db PATH`, else `$GOALBOOK_DB`, else `$XDG_DATA_HOME/goalbook/goalbook.db`, else
    /// `~/.local/share/goalbook/goalbook.db`. Never the current directory unless named.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnv = environment["GOALBOOK_DB"], !fromEnv.isEmpty { return fromEnv }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/goalbook/goalbook.db"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/goalbook/goalbook.db"
    }

    /// What a location names: a SQLite file, or a PostgreSQL database by its URL. A location of
    /// the form `scheme://…` is not a path: `postgres://` and `postgresql://` name a PostgreSQL
    /// database, and any other scheme is refused here, before anything is created on disk (a URL
    /// taken for a path would make a folder named `mysql:`). A URL with a password in it is
    /// refused too: the password belongs in `$PGPASSWORD` or `~/.pgpass`, off the command line.
    public enum Kind: Equatable, Sendable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    /// Opens the database a location names, on its engine, creating or migrating it as needed.
    public static func open(_ location: String, actor: String) throws -> any GoalbookEngine {
        switch try kind(of: location) {
        case .sqlite(let path): return try SQLiteEngine(path: path, actor: actor)
        case .postgres(let url): return try PostgresEngine(url: url, actor: actor)
        }
    }

    public static func kind(of location: String) throws -> Kind {
        guard let scheme = scheme(of: location) else { return .sqlite(path: location) }
        if scheme == "postgres" || scheme == "postgresql" {
            if hasPassword(location) {
                throw GoalbookError.invalidArgument(
                    "\(redacted(location)) has a password in it; give it in $PGPASSWORD or ~/.pgpass instead, so it is never on a command line")
            }
            return .postgres(url: location)
        }
        throw GoalbookError.invalidArgument(
            "\(redacted(location)) is not a database Goalbook opens: '\(scheme)://' is no scheme it knows; "
                + "give the path of a SQLite file or a postgresql:// URL")
    }

    /// The SQLite file a location names, for work that only a SQLite file can do; a PostgreSQL URL
    /// is refused with `instead`, which says what to do there.
    public static func sqlitePath(_ location: String, instead: String) throws -> String {
        switch try kind(of: location) {
        case .sqlite(let path): return path
        case .postgres(let url): throw GoalbookError.invalidArgument("\(redacted(url)) is a PostgreSQL database: \(instead)")
        }
    }

    /// True when a URL carries a password (`scheme://user:password@host`), which must never be on a command line.
    public static func hasPassword(_ location: String) -> Bool { redacted(location) != location }

    /// True for `scheme://…`, a location that is not a file path.
    public static func isURL(_ location: String) -> Bool { scheme(of: location) != nil }

    /// The lowercased scheme of `scheme://…` (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`).
    static func scheme(of location: String) -> String? {
        guard let separator = location.range(of: "://") else { return nil }
        let scheme = location[..<separator.lowerBound]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
            scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return scheme.lowercased()
    }

    /// The location with any password in it replaced by `***`, fit for a message: the one in
    /// `scheme://user:password@host` and the one in a `password=` query parameter.
    public static func redacted(_ location: String) -> String {
        var result = location
        if let separator = result.range(of: "://"),
            let at = result[separator.upperBound...].firstIndex(of: "@"),
            let colon = result[separator.upperBound..<at].firstIndex(of: ":")
        {
            result = String(result[..<result.index(after: colon)]) + "***" + String(result[at...])
        }
        if let question = result.firstIndex(of: "?") {
            let parameters = result[result.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map {
                $0.lowercased().hasPrefix("password=") ? "password=***" : String($0)
            }
            result = String(result[...question]) + parameters.joined(separator: "&")
        }
        return result
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
