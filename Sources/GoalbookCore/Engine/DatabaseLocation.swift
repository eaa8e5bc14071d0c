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

    /// The SQLite file a location names. A location of the form `scheme://…` is not a path:
    /// `postgres://` and `postgresql://` name a PostgreSQL database, which this build cannot open
    /// yet, and any other scheme is no database Goalbook knows. Both are refused here, before
    /// anything is created on disk (a URL taken for a path would make a folder named `postgres:`).
    public static func sqlitePath(_ location: String) throws -> String {
        guard let scheme = scheme(of: location) else { return location }
        let shown = redacted(location)
        if scheme == "postgres" || scheme == "postgresql" {
            throw GoalbookError.cannotOpen(
                path: shown,
                reason:
                    "this goalbook opens SQLite files only; PostgreSQL databases are not supported yet (give a file path with --db or $GOALBOOK_DB)")
        }
        throw GoalbookError.invalidArgument(
            "\(shown) is not a database Goalbook opens: '\(scheme)://' is no scheme it knows; give the path of a SQLite file")
    }

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

    /// The location with any password in it replaced by `***`, fit for a message.
    static func redacted(_ location: String) -> String {
        guard let separator = location.range(of: "://"),
            let at = location[separator.upperBound...].firstIndex(of: "@"),
            let colon = location[separator.upperBound..<at].firstIndex(of: ":")
        else { return location }
        return String(location[..<location.index(after: colon)]) + "***" + String(location[at...])
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
