import ArgumentParser
import Foundation
import GoalbookCore

extension Goals {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score", abstract: "Give a goal its quarter-end score: an OKR grade, or a rating on the organization's scale.",
            discussion: """
                Examples: goalbook goals score G42 0.7 --note "shipped two of three"     goalbook goals score G43 4
                Scales are settings (OKR 0 to 1 in steps of 0.1; SMART, MBO and Scorecard 1 to 5), shown by \
                goalbook quarter scores. Scores are given from the first day of the quarter's last month \
                until the quarter is closed, to active and done goals. Without a value it suggests one from \
                the goal's progress and asks; with no terminal it prints the suggestion and writes nothing.
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
        // Taken as typed, so that "-1" reaches the check on the scale instead of looking like an option.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The score, e.g. 0.7 or 4; leave out for a suggestion.", valueName: "score"))
        var values: [String] = []
        @Option(help: "Why, for the record.") var note: String?

        func validate() throws {
            if values.count > 1 { throw ValidationError("Give one score, e.g. goalbook goals score G42 0.7.") }
        }

        func run() throws {
            let alignment = AlignmentService(try database.open())
            var text = values.first
            if text == nil {
                let suggestion = try alignment.scoreSuggestion(goal)
                let id = GoalID.format(goal)
                guard let suggested = suggestion.suggested.map(Measure.format) else {
                    throw GoalbookError.invalidArgument(
                        "\(id) has no progress to suggest a score from; give one on the \(suggestion.goal.framework.displayName) scale "
                            + "(\(suggestion.scale.description)): goalbook goals score \(id) VALUE"
                    )
                }
                let why =
                    "\(id) is at \(Int(((suggestion.progress ?? 0) * 100).rounded()))% progress; on the \(suggestion.goal.framework.displayName) "
                    + "scale (\(suggestion.scale.description)) that suggests \(suggested)."
                guard isatty(STDIN_FILENO) == 1 else {
                    print(why)
                    print("Nothing was written. To give it: goalbook goals score \(id) \(suggested)")
                    return
                }
                print(why)
                print("Score [\(suggested)]: ", terminator: "")
                guard let answer = readLine() else {
                    print("\nNothing was written.")
                    return
                }
                text = answer.trimmingBlanks().isEmpty ? suggested : answer.trimmingBlanks()
            }
            let given = text ?? ""
            guard let value = Double(given.trimmingBlanks()), value.isFinite else {
                throw GoalbookError.invalidArgument("'\(given)' is not a score: give a number on the goal's scale, like 0.7 or 4")
            }
            if let change = try alignment.score(goal, value, note: note, actor: database.actor) {
                print(change.line(goal))
            } else {
                print("\(GoalID.format(goal)) already has the score \(Measure.format(value)); nothing changed.")
            }
        }
    }
}
