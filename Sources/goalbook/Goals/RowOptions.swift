import ArgumentParser
import GoalbookCore

/// How a command picks template rows: `--row N` (repeatable) or `--all`.
struct RowOptions: ParsableArguments {
    @Option(name: .customLong("row"), help: ArgumentHelp("A template row number (repeat for several).", valueName: "n"))
    var rows: [Int] = []
    @Flag(help: "Every row of the framework's template.") var all = false

    func validate() throws {
        if rows.isEmpty == !all { throw ValidationError("Pick template rows with --row N (repeatable) or --all.") }
        if let bad = rows.first(where: { $0 < 1 }) { throw ValidationError("Row numbers start at 1, not \(bad).") }
    }

    var selection: [Int]? { all ? nil : rows }
}
