/// Reads career-ladder documents (seed 003's form) into a ``CanonDocument``.
public enum LadderParser {
    /// True for the `Responsibility | Key Behaviors |` line that opens an area's table.
    public static func isTableHeader(_ line: String) -> Bool {
        line.trimmingTrailingSpaces() == "Responsibility | Key Behaviors |"
    }

    public static func parse(bytes: [UInt8], fileName: String, family: String?) throws -> CanonDocument {
        throw GoalbookError.invalidArgument("ladder import is not built yet")
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> String {
        var s = self[...]
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
