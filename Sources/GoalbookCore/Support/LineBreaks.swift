/// Line breaks inside canon text, as the print form shows them.
public enum LineBreaks {
    /// The characters that end a line on a terminal or in an editor: LF, CR (and CRLF), VT, FF,
    /// NEL, and the Unicode line and paragraph separators.
    public static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether the text holds a line break.
    public static func contains(_ text: String) -> Bool { text.unicodeScalars.contains(where: isBreak) }

    /// The text on one line, each line break (CRLF as one) shown as `⏎`: for a table cell or a
    /// one-line listing, where a break would start what reads as a line of its own.
    public static func flattened(_ text: String) -> String {
        guard contains(text) else { return text }
        return indented(text, by: 0).replacingOccurrences(of: "\n", with: "⏎")
    }

    /// The text with each line break (CRLF as one) turned into a new line indented by `indent`
    /// spaces, so that a continuation line stands under its field and never reads as a row of
    /// its own. Text without breaks comes back as it is.
    public static func indented(_ text: String, by indent: Int) -> String {
        guard contains(text) else { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        let pad = String(repeating: " ", count: indent).unicodeScalars
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }  // CRLF: the CR broke the line already
            if isBreak(scalar) {
                out.append("\n")
                out.append(contentsOf: pad)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
