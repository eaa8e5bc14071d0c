import ArgumentParser
import GoalbookCore

extension Goals {
    struct Tree: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tree", abstract: "Draw a goal with every goal aligned under it, with owners, status, progress and roll-up.",
            discussion: """
                Examples: goalbook goals tree G17        goalbook goals tree --team E001 --quarter 2026Q4
                A goal with goals aligned to it shows their rolled-up progress: the mean of their progress \
                weighted by their goal weights (unset weighs 1). A goal that is not filled is left out and \
                counted as missing, not as 0; dropped goals are shown but not counted. \
                Rules: docs/reports.md.
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The goal at the top, e.g. G17.", valueName: "goal"), transform: Parse.goal) var goal: Int64?
        @OptionGroup var teamOptions: TeamOptions
        var team: String? { teamOptions.team }
        @Option(name: [.customShort("p"), .long], help: "The quarter (with --team).", transform: Parse.quarter) var quarter: Quarter?
        @OptionGroup var past: PastOptions
        @Option(help: "How to print the tree.") var format: TreeFormat = .text

        enum TreeFormat: String, OptionValue { case text, json }

        func validate() throws {
            if (goal == nil) == (team == nil) { throw ValidationError("Name a goal, or --team with --quarter.") }
            if team != nil && quarter == nil { throw ValidationError("--team needs --quarter.") }
        }

        func run() throws {
            let alignment = AlignmentService(try database.open())
            let bound = try past.view()
            let result: GoalTrees
            let scope: String
            if let goal {
                result = try alignment.tree(goal, asOf: bound)
                scope = GoalID.format(goal)
            } else if let team, let quarter {
                result = try alignment.tree(team: team, below: teamOptions.below, quarter: quarter, asOf: bound)
                scope = "team of \(team)"
            } else {
                throw ValidationError("Name a goal, or --team with --quarter.")
            }
            switch format {
            case .text:
                writeOut(
                    GoalTree.text(
                        result.trees,
                        heading:
                            "Goal tree · \(result.quarter) · \(scope) · as of \(result.asOf)\(result.asRecorded.map { " as recorded by \($0)" } ?? "")"
                    ))
            case .json:
                struct Output: Encodable {
                    var quarter: String
                    var asOf: String
                    var trees: [GoalTreeNode]
                }
                writeOut(try jsonText(Output(quarter: result.quarter, asOf: result.asOf, trees: result.trees)))
            }
        }
    }
}
