import ArgumentParser
import Foundation
import GoalbookCore

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql", abstract: "Run one read-only SQL statement on the database and stream the rows out.",
        discussion: """
            Example: goalbook sql "SELECT goal, person_name, progress FROM goal_current WHERE quarter = :q" --param q=2026Q4
            Use - to read the statement from standard input. A SQLite file is opened read-only: INSERT, UPDATE, \
            DELETE, ATTACH and writing PRAGMAs are refused. On PostgreSQL the statement runs in a READ ONLY \
            transaction with a 60-second statement timeout, and must be a SELECT, WITH, VALUES or TABLE. A parameter that looks like a plain number binds as \
            one; anything else binds as text. Tables and views: goalbook schema, docs/data-dictionary.md.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The SQL statement, or - to read it from standard input.", valueName: "sql")) var sql: String
    @Option(
        name: .customLong("param"), help: ArgumentHelp("A named parameter, name=value, for :name in the SQL (repeatable).", valueName: "name=value"))
    var parameters: [String] = []
    @Option(help: "How to print the rows.") var format: QueryFormat = .text

    func run() throws {
        let text = sql == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : sql
        guard !text.allSatisfy(\.isWhitespace) else { throw ValidationError("The SQL statement is empty.") }
        let parameters = try keyValues(parameters).map { ($0.key, $0.value) }
        switch try DatabaseLocation.kind(of: database.path) {
        case .sqlite(let path):
            try ReadOnlyQuery.run(path: path, sql: text, parameters: parameters, format: format, write: writeOut)
        case .postgres(let url):
            try PostgresEngine(url: url, actor: database.actor).readOnlyQuery(sql: text, parameters: parameters, format: format, write: writeOut)
        }
    }
}
