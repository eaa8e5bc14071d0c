import Foundation

/// How Goalbook writes JSON, in one place: a Codable value as a whole document (the listings:
/// `goals list`, `goals show`, `canon list`, …), and the report's rows streamed value by value
/// (``JSONValue``), which keeps a large report's memory flat.
public enum JSONWriter {
    /// A value as Goalbook prints it: sorted keys, pretty, snake_case keys, no escaped slashes,
    /// one trailing newline.
    public static func document<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `["a", "b"]`
    static func strings(_ values: [String]) -> String { "[" + values.map { JSONValue.string($0).json }.joined(separator: ", ") + "]" }

    /// `{"key": value, …}` from keys and values that are JSON text already.
    static func object(_ pairs: [(String, String)]) -> String {
        var out = "{"
        out.reserveCapacity(pairs.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 })
        for (index, pair) in pairs.enumerated() {
            if index > 0 { out += ", " }
            out += JSONValue.string(pair.0).json
            out += ": "
            out += pair.1
        }
        return out + "}"
    }
}

/// A value of the one-row-per-goal forms, written straight out as it is streamed.
enum JSONValue {
    case string(String)
    case number(Double)
    case null

    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// A share to four decimals, in its shortest form.
    static func rounded(_ value: Double?) -> JSONValue { value.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null }

    var json: String {
        var out = ""
        append(to: &out)
        return out
    }

    /// Appends the value as JSON text, to a String or straight into a ``TextSink``.
    func append<Out: TextOutputStream>(to out: inout Out) {
        switch self {
        case .null: out.write("null")
        case .number(let n): out.write(Measure.format(n))
        case .string(let s):
            // Most text needs no escaping: then it is copied whole.
            var plain = true
            for byte in s.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                plain = false
                break
            }
            if plain {
                out.write("\"")
                out.write(s)
                out.write("\"")
                return
            }
            out.write("\"")
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out.write("\\\"")
                case "\\": out.write("\\\\")
                case "\n": out.write("\\n")
                case "\r": out.write("\\r")
                case "\t": out.write("\\t")
                default:
                    if scalar.value < 0x20 { out.write(String(format: "\\u%04x", scalar.value)) } else { out.write(String(scalar)) }
                }
            }
            out.write("\"")
        }
    }

    var csv: String {
        switch self {
        case .null: return ""
        case .number(let n): return Measure.format(n)
        case .string(let s): return s
        }
    }
}
