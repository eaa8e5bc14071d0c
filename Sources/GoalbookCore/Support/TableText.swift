import TextTable

/// Aligned text tables, as every listing prints them.
enum TableText {
    /// The rows under a header line, columns aligned, without the blanks the table library pads
    /// its last column with. Empty for no rows.
    static func render<T>(_ table: TextTable<T>, _ rows: [T]) -> String {
        guard !rows.isEmpty else { return "" }
        let text = table.string(for: rows, style: Style.plain) ?? ""
        return text.split(separator: "\n").map { $0.trimmingTrailingSpaces() + "\n" }.joined()
    }
}
