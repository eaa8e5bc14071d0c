/// Text shown on a terminal, where a name or a note holding escape sequences could clear the
/// screen, set the window title, move the cursor or, with a bidi override, show one thing and
/// mean another. Control characters and bidi controls are shown escaped, as git and less do:
/// `\e`, `\r`, `\x07`, `\u202E`. Newlines and tabs stay. Files and pipes get the exact text.
public enum TerminalText {
    /// The colours the txt report paints its tracks with, and the reset after them: the only
    /// escape sequences Goalbook writes to a terminal itself.
    public static func color(_ code: Color) -> String { "\u{1B}[\(code.rawValue)m" }

    public enum Color: String, CaseIterable, Sendable {
        case reset = "0"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
    }

    /// `text` with every control character and bidi control shown escaped; with `keepingColors`,
    /// the sequences of ``Color`` pass as they are.
    public static func visible(_ text: String, keepingColors: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        outer: while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{1B}" && keepingColors {
                for color in Color.allCases {
                    let sequence = Array(TerminalText.color(color).unicodeScalars)
                    if index + sequence.count <= scalars.count && Array(scalars[index..<index + sequence.count]) == sequence {
                        out.append(contentsOf: sequence)
                        index += sequence.count
                        continue outer
                    }
                }
            }
            if needsEscape(scalar) { out.append(contentsOf: escaped(scalar).unicodeScalars) } else { out.append(scalar) }
            index += 1
        }
        return String(out)
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0D: return "\\r"
        case 0x00...0x7F: return "\\x" + hex(scalar.value, width: 2)
        default: return "\\u" + hex(scalar.value, width: 4)
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
