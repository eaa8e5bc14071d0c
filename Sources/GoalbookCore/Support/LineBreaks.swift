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

    /// Whether the text holds a line break (one of ``isBreak(_:)``'s). Read as UTF-8 bytes, a
    /// third of the cost of a walk over scalars (every line of a tree and a table asks: 123M → 40M
    /// instructions for a 48k-goal tree's titles). LF to CR are single bytes; NEL is C2 85, and
    /// the separators E2 80 A8 and E2 80 A9 (C2 and E2 only ever lead a character, so the bytes
    /// before a match are its own).
    public static func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte > 0x0D && byte < 0x85 { continue }  // most text: ASCII after the controls
                if byte >= 0x0A && byte <= 0x0D { return true }
                if byte == 0x85 && index >= 1 && bytes[index - 1] == 0xC2 { return true }
                if (byte == 0xA8 || byte == 0xA9) && index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2 { return true }
            }
            return false
        }
    }

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
