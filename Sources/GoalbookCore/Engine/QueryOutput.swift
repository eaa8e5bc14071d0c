import Foundation

/// One value of a result row as `goalbook sql` prints it, from either engine.
enum QueryValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])
}

/// What `goalbook sql` prints rows as.
public enum QueryFormat: String, Sendable, CaseIterable {
    /// An aligned table, for a person at a terminal.
    case text
    case csv, tsv, json, jsonl
}

/// Formats rows as they stream out through a ``TextSink``. The table format aligns columns to the
/// first 1,000 rows and then keeps those widths, so it too never holds the whole result.
struct RowSink {
    let columns: [String]
    let format: QueryFormat
    private let out: TextSink
    private var pending: [[String]] = []
    private var widths: [Int]?
    private var count = 0

    init(columns: [String], format: QueryFormat, write: @escaping (String) -> Void) {
        self.columns = columns
        self.format = format
        out = TextSink(write: write)
        switch format {
        case .csv: out += CSVWriter.line(columns)
        case .tsv: out += columns.map(Self.tsvField).joined(separator: "\t") + "\n"
        case .json: out += "["
        case .text, .jsonl: break
        }
    }

    static func text(_ value: QueryValue) -> String? {
        switch value {
        case .null: return nil
        case .int(let i): return String(i)
        case .double(let d): return Measure.format(d)
        case .text(let s): return s
        case .blob(let data): return "x'" + data.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }

    static func json(_ value: QueryValue) -> String {
        switch value {
        case .null: return "null"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? Measure.format(d) : "null"
        case .text(let s): return JSONValue.string(s).json
        case .blob: return JSONValue.string(text(value) ?? "").json
        }
    }

    static func tsvField(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    mutating func add(_ values: [QueryValue]) {
        count += 1
        switch format {
        case .csv: out += CSVWriter.line(values.map { Self.text($0) ?? "" })
        case .tsv: out += values.map { Self.tsvField(Self.text($0) ?? "") }.joined(separator: "\t") + "\n"
        case .json, .jsonl:
            let object = JSONWriter.object(zip(columns, values.map(Self.json)).map { ($0.0, $0.1) })
            out += format == .jsonl ? object + "\n" : (count == 1 ? "\n  " : ",\n  ") + object
        case .text:
            let cells = values.map { Self.text($0) ?? "NULL" }
            if widths == nil {
                pending.append(cells)
                if pending.count == 1000 { flushTable() }
            } else {
                out += tableLine(cells)
            }
        }
    }

    private mutating func flushTable() {
        var widths = columns.map(\.count)
        for row in pending { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        self.widths = widths
        out += tableLine(columns) + tableLine(widths.map { String(repeating: "-", count: $0) })
        for row in pending { out += tableLine(row) }
        pending = []
    }

    private func tableLine(_ cells: [String]) -> String {
        let widths = self.widths ?? cells.map(\.count)
        return cells.enumerated().map { i, cell in
            i == cells.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
        }.joined(separator: "  ") + "\n"
    }

    mutating func finish() {
        switch format {
        case .text: if widths == nil { flushTable() }
        case .json: out += count == 0 ? "]\n" : "\n]\n"
        default: break
        }
        out.flush()
    }
}
