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
            let results = try Output.withProgress("Assigning goals to people") { progress in
                try GoalService(store).assign(
                    team: head, below: team.below, quarter: quarter, framework: framework, rows: rows.selection,
                    dryRun: dryRun, actor: database.actor, dated: when.date, progress: progress)
            }
            let verb = dryRun ? "would create" : "created"
            for person in results {
                print("\(person.employeeId) \(person.name): \(verb) \(person.created.count), \(person.existing.count) already there")
                if dryRun {
                    for goal in person.created { print("  \(framework.rawValue) row \(goal.rowNumber): \(LineBreaks.flattened(goal.title))") }
                }
            }
            let created = results.reduce(0) { $0 + $1.created.count }
            let existing = results.reduce(0) { $0 + $1.existing.count }
            print(
                "\(dryRun ? "Dry run: would create" : "Created") \(counted(created, "goal")) for \(counted(results.count, "person", "people")) in "
                    + "\(quarter); \(existing) already existed."
            )
        }
    }
}
