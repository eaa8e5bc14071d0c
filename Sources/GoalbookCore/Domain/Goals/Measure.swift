import Foundation

/// A number with an optional unit, as a slot or a check-in holds it: `12`, `12.5%`, `40 ms`, `3 features`.
public struct Measure: Hashable, Sendable, CustomStringConvertible {
    public let number: Double
    /// `%`, `ms`, `features`; nil for a bare number.
    public let unit: String?

    public init(number: Double, unit: String?) {
        self.number = number
        self.unit = unit
    }

    /// Units that may follow the number without a space (`40%`, `40ms`, `3x`). Any other unit
    /// goes after a space (`3 features`), so `0x10`, `1_000` or `1e` is never read as a number and
    /// a unit.
    public static let attachedUnits: Set<String> = [
        "%", "‰", "×", "°", "°C", "°F", "$", "€", "£", "¥",
        "ns", "µs", "us", "ms", "s", "sec", "min", "h", "hr", "hrs", "d", "wk", "mo", "y", "yr",
        "k", "K", "M", "B", "bn", "x", "pp", "pt", "pts", "bps", "rps", "qps", "rpm", "px",
        "KB", "kB", "MB", "GB", "TB", "PB", "Kb", "Mb", "Gb",
    ]

    /// Parses what a person typed: a plain decimal number (`12`, `-0.5`, `.5`, `1.5e3`), then
    /// nothing, a unit after a space, or one of ``attachedUnits``. Throws a message that names the
    /// slot (`what`) and says what was expected.
    public static func parse(_ text: String, what: String) throws -> Measure {
        try parse(text, what: what, strict: true)
    }

    /// Reads a value Goalbook stored itself (history, check-ins, report data): as `parse`, but a
    /// value an earlier version took with a unit attached (`5/wk`) still reads.
    public static func stored(_ text: String) -> Measure? {
        try? parse(text, what: "value", strict: false)
    }

    private static func parse(_ text: String, what: String, strict: Bool) throws -> Measure {
        // The message is made only for a value that fails: made for every value, it was a quarter
        // of the cost of reading the values of a goal's history back.
        func invalid(_ more: String = "") -> GoalbookError {
            .invalidArgument(
                "\(what) must be a plain decimal number, then a unit after a space, like 12, 12.5%, 40 ms, 1.5e3 or 3 features; got '\(text)'" + more)
        }
        let t = text.trimmingBlanks()
        let bytes = Array(t.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B { index += 1 }
        let whole = digits()
        var fraction = 0
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            fraction = digits()
            guard fraction > 0 else { throw invalid() }
        }
        guard whole + fraction > 0 else { throw invalid() }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            // An exponent needs its digits; `5 elephants` is 5 and a unit after a space.
            let mark = index
            index += 1
            if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B { index += 1 }
            if digits() == 0 {
                guard !strict else { throw invalid() }
                index = mark
            }
        }
        guard let number = Double(String(decoding: bytes[..<index], as: UTF8.self)) else { throw invalid() }
        guard number.isFinite, abs(number) < 1e15 else {
            throw GoalbookError.invalidArgument("\(what) '\(text)' is too large")
        }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        let unitText = rest.trimmingBlanks()
        guard let first = unitText.unicodeScalars.first else { return Measure(number: number == 0 ? 0 : number, unit: nil) }
        if "0123456789.,+-_".unicodeScalars.contains(first) || unitText.count > 32
            || unitText.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{0}" })
        {
            throw invalid()
        }
        let spaced = rest.first.map { $0.isWhitespace } ?? false
        if strict && !spaced && !attachedUnits.contains(unitText) {
            throw invalid(" (a unit other than \(["%", "ms", "k", "x"].joined(separator: ", ")) and the like goes after a space)")
        }
        return Measure(number: number == 0 ? 0 : number, unit: unitText)
    }

    /// `40%`, `12.5 ms`, `3 features`: the number in its shortest form, the unit after it
    /// (with a space unless the unit is a symbol such as %).
    public var description: String {
        let n = Measure.format(number)
        guard let unit else { return n }
        return unit.first.map { $0.isLetter } == false && Self.attachedUnits.contains(unit) ? "\(n)\(unit)" : "\(n) \(unit)"
    }

    /// The shortest text that reads back as the same number.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
