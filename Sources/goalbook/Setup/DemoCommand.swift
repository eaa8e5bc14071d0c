import ArgumentParser
import Foundation
import GoalbookCore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Build a demo organization in a new database and print its team report.",
        discussion: """
            The demo has a few managers and teams on the built-in frames, goals from templates, filled values, \
            check-ins over the quarter so far and a changed target or two. Without --db it lives in \
            demo.db beside the default database, and a later demo replaces it. It never touches any other \
            existing database unless --force is given.
            """)

    @Option(
        help: ArgumentHelp(
            "The new database file (default: demo.db in Goalbook's data folder), or an empty PostgreSQL database's URL.",
            valueName: "path|url")) var db: String?
    @Option(help: "How many people.") var people = 40
    @Option(help: "The report's format.") var format: ReportFormat = .text
    @Flag(help: "Replace the file at --db even if it is not a demo database.") var force = false

    func run() throws {
        let named = try GlobalOptions.merge(GlobalOptions.shared.db, db, name: "--db")
        if let named, case .postgres(let url) = try DatabaseLocation.kind(of: named) {
            // On a server the demo fills an empty database and never replaces one.
            let store = try PostgresEngine(url: url, actor: "demo")
            guard try PeopleService(store).people().isEmpty else {
                throw GoalbookError.refused(
                    "\(store.location) already holds people; the demo fills only an empty database, and it was left untouched "
                        + "(make one for it: createdb goalbook_demo)")
            }
            try show(store, location: store.location)
            return
        }
        // Without a URL the demo is a SQLite file: beside $GOALBOOK_DB when that is a file, else in the data folder.
        var environment = ProcessInfo.processInfo.environment
        if environment["GOALBOOK_DB"].map(DatabaseLocation.isURL) == true { environment["GOALBOOK_DB"] = nil }
        let path = try DatabaseLocation.sqlitePath(
            named
                ?? ((DatabaseLocation.resolve(explicit: nil, environment: environment) as NSString).deletingLastPathComponent + "/demo.db"),
            instead: "the demo makes a SQLite file of its own; give --db a file path")
        if FileManager.default.fileExists(atPath: path) {
            guard force || SQLiteEngine.isDemoDatabase(path) else {
                throw GoalbookError.refused(
                    "\(path) already exists and is not a demo database; it was left untouched (use another --db, or --force to replace it)")
            }
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try show(try SQLiteEngine(path: path, actor: "demo"), location: path)
    }

    /// Builds the demo organization in `store`, prints its team report, and says where it is.
    func show(_ store: any GoalbookEngine, location path: String) throws {
        let now = Date()
        let head = try DemoOrganization.build(in: store, people: people, now: now)
        let quarter = Quarter.containing(Day(now))
        let report = try ReportService(store).report(quarter: quarter, scope: .team(head), now: now)
        let color = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        Output.keepColors = color
        writeOut(ReportRenderer.render(report, as: format, color: color))
        printError(
            """

            Demo database: \(path)
            Look around:  goalbook --help    (add --db \(path) to any command, or export GOALBOOK_DB=\(path))
                          goalbook goals list --db \(path) --person E002
                          goalbook goals tree --db \(path) --team E001 --quarter \(quarter)
                          goalbook report --db \(path) --team E001 --format html -o report.html
            """)
    }
}
