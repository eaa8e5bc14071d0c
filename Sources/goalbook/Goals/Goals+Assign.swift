import ArgumentParser
import GoalbookCore

extension Goals {
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Give a manager's team goals from their own frames, in one go.",
            discussion: """
                Every active person of the team (the manager and their whole subtree; with --below, only the \
                people below the manager) gets goals from template \
                rows of their own frame, all in one transaction. Run again, it skips goals that already exist \
                for the same person, quarter and row, and counts them. --dry-run prints the plan and writes nothing.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @OptionGroup var team: TeamOptions
        @Option(name: [.customShort("p"), .long], help: "The quarter, e.g. 2026Q4.", transform: Parse.quarter) var quarter: Quarter
        @Option(help: "The goal framework whose template the goals come from.") var framework: Framework
        @OptionGroup var rows: RowOptions
        @Flag(help: "Show what would be created; write nothing.") var dryRun = false

        func validate() throws {
            if team.team == nil { throw ValidationError("Name the team with --team ID.") }
        }

        func run() throws {
            guard let head = team.team else { throw ValidationError("Name the team with --team ID.") }
            let store = try database.open()
            // Each person's line as text, shown once the goals are stored: at a million people that
            // is 45 MB, where the people's results themselves would be 300 MB.
            let verb = dryRun ? "would create" : "created"
            var lines: [UInt8] = []
            let totals = try Output.withProgress("Assigning goals to people") { progress in
                try GoalService(store).assign(
                    team: head, below: team.below, quarter: quarter, framework: framework, rows: rows.selection,
                    dryRun: dryRun, actor: database.actor, dated: when.date, progress: progress
                ) { person in
                    lines += "\(person.employeeId) \(person.name): \(verb) \(person.created.count), \(person.existing.count) already there\n".utf8
                    if dryRun {
                        for goal in person.created {
                            lines += "  \(framework.rawValue) row \(goal.rowNumber): \(LineBreaks.flattened(goal.title))\n".utf8
                        }
                    }
                }
            }
            Output.write(bytes: lines)
            print(
                "\(dryRun ? "Dry run: would create" : "Created") \(counted(totals.created, "goal")) for "
                    + "\(counted(totals.people, "person", "people")) in \(quarter); \(totals.existing) already existed."
            )
        }
    }
}
