/// Trimming spaces and tabs without Foundation: these run on every field of an import.
extension StringProtocol {
    /// The text without leading or trailing spaces and tabs (a fast, Foundation-free trim for hot paths).
    public func trimmingBlanks() -> String {
        String(drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpacesSubstring())
    }

    /// The text without trailing blanks (spaces, tabs, a carriage return).
    func trimmingTrailingSpaces() -> String { String(trimmingTrailingSpacesSubstring()) }

    public func trimmingTrailingSpacesSubstring() -> SubSequence {
        var s = self[...]
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
