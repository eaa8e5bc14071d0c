/// Trimming spaces and tabs without Foundation: these run on every field of an import.
extension StringProtocol {
    /// The text without leading or trailing spaces and tabs (a fast, Foundation-free trim for hot paths).
    public func trimmingBlanks() -> String {
        // Most text has no blank at either end, which its first and last bytes show: a blank
        // Character is one byte, and a Character that only starts with one is not a blank.
        let text = String(self)
        if let first = text.utf8.first, first != 0x20, first != 0x09, let last = text.utf8.last, last != 0x20, last != 0x09, last != 0x0D {
            return text
        }
        return String(drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpacesSubstring())
    }

    /// The text without trailing blanks (spaces, tabs, a carriage return).
    func trimmingTrailingSpaces() -> String { String(trimmingTrailingSpacesSubstring()) }

    public func trimmingTrailingSpacesSubstring() -> SubSequence {
        var s = self[...]
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
