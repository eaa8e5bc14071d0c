import ArgumentParser
import Foundation
import GoalbookCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print the quarterly progress report for a team, a person or everyone.",
        discussion: """
            Per person: each goal with baseline → latest → target, progress, on-track status, last check-in and \
            unfilled slots. Per team: a roll-up per direct report's subtree. Then what changed in the quarter. \
            A closed quarter prints as it was when it closed. Rules and columns: docs/reports.md.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: [.customShort("p"), .long], help: "The quarter: 2026Q4, 2026-Q4, Q4 2026, 'this quarter', 'last quarter'.")
    var quarter: String = "this quarter"
    @OptionGroup var team: TeamOptions
    @Option(help: ArgumentHelp("One person.", valueName: "id")) var person: String?
    @OptionGroup var past: PastOptions
    @Option(help: "The report's format.") var format: ReportFormat = .text
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func validate() throws {
        if team.team != nil && person != nil { throw ValidationError("Use --team or --person, not both.") }
    }

    func run() throws {
        let reports = ReportService(try database.open())
        let settings = try reports.settings()
        let quarter = try Quarter.parse(self.quarter, today: Day(Date()), fiscalYearStartMonth: settings.fiscalYearStartMonth)
        let scope: ReportScope = team.team.map { .team($0, below: team.below) } ?? person.map { .person($0) } ?? .all
        let report = try reports.report(quarter: quarter, scope: scope, asOf: try past.view())
        let color = output == nil && format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        guard let output else {
            Output.keepColors = color
            return ReportRenderer.render(report, as: format, color: color, to: TextSink(bytes: { Output.write(bytes: $0) }))
        }
        try writeFile(output, database: database.path) { ReportRenderer.render(report, as: format, to: $0) }
        printError("Wrote the \(quarter) report (\(format.fileExtension)) to \(output).")
    }
}
