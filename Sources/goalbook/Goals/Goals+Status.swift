import ArgumentParser
import GoalbookCore

extension Goals {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Move a goal along: draft → active → done or dropped (or back to draft).",
            usage: """
                goalbook goals status <goal> <status> [--note <note>] [--unfilled]
                goalbook goals status --team <id> [--below] --quarter <quarter> <status> [--note <note>] [--unfilled] [--dry-run]
                """,
            discussion: """
                A goal with unfilled slots becomes active only with --unfilled; the refusal names the slots. With --team and \
                --quarter, every goal of the team's quarter that can move does, in one transaction: the list says what \
                moved and what was left as it was, and why (already there, finished, or unfilled). --dry-run prints the \
                same list and writes nothing.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @Argument(help: ArgumentHelp("Goal id, e.g. G42 (not with --team), then the status.", valueName: "goal"))
        var goalOrStatus: String
        @Argument(help: ArgumentHelp("The status to move the goal to (carried is goals carry's alone).", valueName: "status"))
        var status: GoalStatus?
        @OptionGroup var team: TeamOptions
        @Option(name: [.customShort("p"), .long], help: "With --team: the quarter whose goals move.", transform: Parse.quarter)
        var quarter: Quarter?
        @Option(help: "Why, for the record.") var note: String?
        @Flag(help: "Make a goal active even though some of its slots are unfilled.") var unfilled = false
        @Flag(help: "With --team: print what would change and write nothing.") var dryRun = false

        func validate() throws {
            if team.team != nil {
                guard status == nil else { throw ValidationError("With --team, give only the status: goals status --team E100 -p 2026Q4 active.") }
                guard quarter != nil else { throw ValidationError("With --team, say which quarter's goals: --quarter 2026Q4.") }
                guard GoalStatus(rawValue: goalOrStatus) != nil else {
                    throw ValidationError("'\(goalOrStatus)' is not a status: draft, active, done or dropped.")
                }
            } else {
                guard status != nil else { throw ValidationError("Give the goal and its new status (goals status G42 active), or --team.") }
                do { _ = try Parse.goal(goalOrStatus) } catch { throw ValidationError(error.localizedDescription) }
                if quarter != nil || dryRun { throw ValidationError("--quarter and --dry-run go with --team.") }
            }
        }

        func run() throws {
            let goals = GoalService(try database.open())
            if let teamId = team.team, let quarter, let status = GoalStatus(rawValue: goalOrStatus) {
                return try runForTeam(goals, teamId, quarter: quarter, status: status)
            }
            let goal = try Parse.goal(goalOrStatus)
            guard let status else { return }
            if let change = try goals.setStatus(goal, to: status, note: note, unfilled: unfilled, actor: database.actor, dated: when.date) {
                print(change.line(goal))
                let under = status == .dropped ? try goals.alignedUnder(goal) : []
                if !under.isEmpty {
                    printError(
                        "Note: \(under.map(GoalID.format).joined(separator: ", ")) \(under.count == 1 ? "is" : "are") still aligned to "
                            + "\(GoalID.format(goal)), "
                            + "which no longer counts: align \(under.count == 1 ? "it" : "them") elsewhere (goalbook goals align G… --to G…) or "
                            + "to nothing (--none)."
                    )
                }
            } else {
                print("\(GoalID.format(goal)) is already \(status.rawValue); nothing changed.")
            }
        }

        func runForTeam(_ goals: GoalService, _ teamId: String, quarter: Quarter, status: GoalStatus) throws {
            let result = try goals.setStatus(
                team: teamId, below: team.below, quarter: quarter, to: status, note: note, unfilled: unfilled, dryRun: dryRun,
                actor: database.actor, dated: when.date)
            for (goalId, change) in result.changed { print(change.line(goalId)) }
            if !result.already.isEmpty {
                print("already \(status.rawValue): \(result.already.map(GoalID.format).joined(separator: ", "))")
            }
            for (_, reason) in result.skipped { print("left as it was: \(reason)") }
            let moved = counted(result.changed.count, "goal")
            let kept = result.already.count + result.skipped.count
            let left = kept == 0 ? "" : ", \(counted(kept, "goal")) left as \(kept == 1 ? "it was" : "they were")"
            printError(dryRun ? "Dry run: \(moved) would change\(left); nothing was written." : "\(moved) changed\(left).")
        }
    }
}
