import ArgumentParser

struct Goals: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create goals from templates, fill them, move them through their lives, and read their history.",
        discussion: """
            A goal is one template row of its person's job frame, with its own copy of the text. Its \
            ⟨baseline⟩, ⟨target⟩ and ⟨date⟩ are slots to fill with goals set. Status runs draft → active → \
            done or dropped; goals carry marks active goals carried. Goals are never deleted, and every \
            change is kept: goals log shows it, --as-of rebuilds the past.
            """,
        subcommands: [GoalsAdd.self, GoalsAssign.self, GoalsList.self, GoalsShow.self, GoalsSet.self, GoalsStatus.self,
                      GoalsLog.self, GoalsCarry.self, GoalsFill.self, GoalsEdit.self])
}

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
