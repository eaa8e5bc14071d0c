import ArgumentParser
import GoalbookCore

extension Goals {
    struct Carry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "carry", abstract: "Carry unfinished (active) goals into a later quarter.",
            discussion: """
                Each active goal is copied into the new quarter with its last check-in (or its old baseline) as \
                the new baseline, its target, and its date where that falls in the new quarter. The old goal keeps \
                its status, figures, score and alignment in its own quarter, takes no more changes, and is linked \
                to the new one. Carrying before the old quarter's last day needs --early. --dry-run prints the plan \
                and writes nothing.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The quarter to carry from.", transform: Parse.quarter) var from: Quarter
        @Option(help: "The quarter to carry into.", transform: Parse.quarter) var to: Quarter
        @OptionGroup var team: TeamOptions
        @Flag(help: "Carry before the old quarter's last day.") var early = false
        @Flag(help: "Show what would be carried; write nothing.") var dryRun = false

        func run() throws {
            let result = try GoalService(try database.open()).carry(
                from: from, to: to, team: team.team, below: team.below, early: early, dryRun: dryRun, actor: database.actor)
            for carried in result.carried {
                let baselines = carried.baseline.sorted { $0.key < $1.key }.map {
                    $0.key == "main" ? "baseline \($0.value)" : "\($0.key) baseline \($0.value)"
                }
                print(
                    "\(GoalID.format(carried.from)) → \(dryRun ? "new goal" : GoalID.format(carried.to))  \(carried.employeeId)  "
                        + "\(LineBreaks.flattened(carried.title))"
                        + (baselines.isEmpty ? "" : "  (\(baselines.joined(separator: ", ")))"))
            }
            for skipped in result.skipped { print("\(GoalID.format(skipped.goal)) not carried: \(skipped.reason)") }
            for kept in result.linksKept { print("Alignment kept: \(kept)") }
            for lost in result.linksLost { print("Alignment not kept: \(lost)") }
            print(
                "\(dryRun ? "Dry run: would carry" : "Carried") \(counted(result.carried.count, "goal")) from \(from) to \(to); "
                    + "\(result.skipped.count) not carried."
            )
        }
    }
}
