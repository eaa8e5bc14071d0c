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
}
