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

    /// Parses what a person typed. Throws a message that says what was expected.
    public static func parse(_ text: String, what: String) throws -> Measure {
        let expected = "\(what) must be a number with an optional unit, like 12, 12.5%, 40 ms or 3 features; got '\(text)'"
        let t = text.trimmingBlanks()
        var index = t.startIndex
        if index < t.endIndex, t[index] == "-" || t[index] == "+" { index = t.index(after: index) }
        let digitsStart = index
        var sawDigit = false, sawPoint = false
        while index < t.endIndex {
            let c = t[index]
            if c.isASCII && c.isNumber { sawDigit = true } else if c == ".", !sawPoint { sawPoint = true } else { break }
            index = t.index(after: index)
        }
        guard sawDigit, let number = Double(t[t.startIndex..<index]), digitsStart < index else {
            throw GoalbookError.invalidArgument(expected)
        }
        guard number.isFinite, abs(number) < 1e15 else {
            throw GoalbookError.invalidArgument("\(what) '\(text)' is too large")
        }
        let unitText = t[index...].trimmingBlanks()
        guard !unitText.isEmpty else { return Measure(number: number, unit: nil) }
        let first = unitText.unicodeScalars.first!
        if "0123456789.,+-".unicodeScalars.contains(first) || unitText.count > 32
            || unitText.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw GoalbookError.invalidArgument(expected)
        }
        if (first == "e" || first == "E"), let next = unitText.dropFirst().first, next.isNumber || next == "-" || next == "+" {
            throw GoalbookError.invalidArgument("\(what) '\(text)': write the number in full, without an exponent")
        }
        return Measure(number: number == 0 ? 0 : number, unit: unitText)
    }

    /// `40%`, `12.5 ms`, `3 features`: the number in its shortest form, the unit after it
    /// (with a space unless the unit is a symbol such as %).
    public var description: String {
        let n = Measure.format(number)
        guard let unit else { return n }
        return unit.first.map { $0.isLetter } == true ? "\(n) \(unit)" : "\(n)\(unit)"
    }

    /// The shortest text that reads back as the same number.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
