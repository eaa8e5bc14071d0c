import Foundation

/// A problem found in an input file, pointing at the place where it is.
public struct InputIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// 1-based line, when the problem has one.
    public let line: Int?
    /// 1-based column (in Unicode scalars), when the problem has one.
    public let column: Int?
    /// What is wrong, short and lowercase, with the values that matter.
    public let message: String

    /// A file that cannot be read at all.
    static func unreadable(_ path: String) -> InputIssue {
        InputIssue(file: path, line: nil, message: "cannot read the file (missing, a folder, or not readable)")
    }

    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form compilers and editors understand.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let line, line > 0, let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}

/// Every failure Goalbook reports to a person. Messages name the problem and where it is.
public enum GoalbookError: Error, LocalizedError, Equatable {
    /// One or more problems in input files; nothing was written.
    case badInput([InputIssue])
    /// A value given on the command line is not acceptable.
    case invalidArgument(String)
    /// A thing the user named does not exist; `suggestions` are close matches.
    case notFound(what: String, suggestions: [String])
    /// The database was made by a newer Goalbook and is left untouched.
    case newerDatabase(path: String, version: Int, known: Int)
    /// The database file cannot be opened or is not a Goalbook/SQLite database.
    case cannotOpen(path: String, reason: String)
    /// The disk or the database is full; the command's transaction was rolled back.
    case databaseFull(path: String)
    /// Another process held the database for longer than the busy timeout.
    case databaseBusy(path: String)
    /// The database refused a write because the data would break one of its rules.
    case refused(String)
    /// An output file or standard output could not be written; no partial file was left.
    case cannotWrite(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .badInput(let issues):
            let shown = issues.prefix(20).map(\.description)
            var text = shown.joined(separator: "\n")
            if issues.count > shown.count {
                text += "\n… and \(issues.count - shown.count) more problems"
            }
            return text + "\nnothing was written"
        case .invalidArgument(let message):
            return message
        case .notFound(let what, let suggestions):
            guard !suggestions.isEmpty else { return "\(what) not found" }
            return "\(what) not found; did you mean:\n" + suggestions.map { "  \($0)" }.joined(separator: "\n")
        case .newerDatabase(let path, let version, let known):
            return "\(path) was made by a newer Goalbook (schema version \(version); this one knows up to \(known)); "
                + "it was left untouched: upgrade goalbook to use it"
        case .cannotOpen(let path, let reason):
            return "cannot open database \(path): \(reason)"
        case .databaseFull(let path):
            return "the disk holding \(path) is full; nothing was written: free some space and run the command again"
        case .databaseBusy(let path):
            return "\(path) is busy: another goalbook command held it for too long; nothing was written: try again"
        case .refused(let message):
            return message
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason); nothing was left there"
        }
    }
}

/// `1 goal`, `3 goals`.
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
