import TextTable

/// Aligned text tables, the one way Goalbook writes them: listings (`goals list`, `people list`,
/// `goals log`, `canon list`, `quarter scores`) and the report's team table.
enum TableText {
    /// The rows under a header line, columns one blank apart and aligned, without the blanks the
    /// table library pads its last column with. Empty for no rows.
    static func render<T>(_ table: TextTable<T>, _ rows: [T]) -> String {
        render(table, rows, style: Style.plain)
    }

    /// Cells under a header, each line indented two blanks and columns two blanks apart, as the
    /// text report lays out its tables; `rightAligned` columns (numbers) are aligned right.
    static func indented(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let table = TextTable<[String]> { row in
            header.indices.map { column in
                Column(title: header[column], value: column < row.count ? row[column] : "", align: rightAligned.contains(column) ? .right : .left)
            }
        }
        return render(table, rows, style: Indented.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    private static func render<T>(_ table: TextTable<T>, _ rows: [T], style: TextTableStyle.Type) -> String {
        guard !rows.isEmpty else { return "" }
        let text = table.string(for: rows, style: style) ?? ""
        return text.split(separator: "\n").map { $0.trimmingTrailingSpaces() + "\n" }.joined()
    }

    /// The plain style, indented by two blanks with two blanks between columns.
    private enum Indented: TextTableStyle {
        static func prepare(_ s: String, for column: Column) -> String { Plain.prepare(s, for: column) }
        static func escape(_ s: String) -> String { s }
        static func begin(_ table: inout String, index: Int, columns: [Column]) {}
        static func end(_ table: inout String, index: Int, columns: [Column]) {}
        static func header(_ table: inout String, index: Int, columns: [Column]) {
            table += "  " + columns.map { $0.headerString(for: self) }.joined(separator: "  ") + "\n"
        }
        static func row(_ table: inout String, index: Int, columns: [Column]) {
            table += "  " + columns.map { $0.string(for: self) }.joined(separator: "  ") + "\n"
        }
    }
}
