import ArgumentParser
import Foundation
import GoalbookCore

struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "Tie PostgreSQL login roles to people: each sees only their own subtree.",
        discussion: """
            A login role tied to a person reads and writes only that person and the people below them, in goalbook \
            and in psql alike: the database enforces it. Run these as the database's owner or a member of goalbook_admin. \
            A SQLite file has no logins: use PostgreSQL for access (docs/postgres.md).
            """,
        subcommands: [Grant.self, List.self, Revoke.self])

    /// The PostgreSQL engine `--db` names; a SQLite file is refused with the reason.
    static func open(_ database: DatabaseOptions) throws -> PostgresEngine {
        guard case .postgres(let url) = try DatabaseLocation.kind(of: database.path) else {
            throw GoalbookError.refused(
                "\(database.path) is a SQLite file: it has no logins, and whoever can read it reads everyone; access needs a PostgreSQL database "
                    + "(docs/postgres.md)")
        }
        return try PostgresEngine(url: url, actor: database.actor)
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: "Tie a login role to a person.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The person's employee id.", valueName: "id")) var id: String
        @Option(help: ArgumentHelp("The PostgreSQL login role.", valueName: "role")) var role: String

        func run() throws {
            let engine = try AccessCommand.open(database)
            if try engine.grantAccess(role: role, to: id, actor: database.actor) {
                print("\(role) now sees and changes \(id) and everyone below them.")
            } else {
                print("\(role) was tied to \(id) already.")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the login roles tied to people.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let grants = try AccessCommand.open(database).accessGrants()
            guard !grants.isEmpty else {
                print("No login role is tied to a person yet (goalbook access grant ID --role ROLE).")
                return
            }
            let rows = [["ROLE", "PERSON", "NAME", "GRANTED", "BY"]] + grants.map { [$0.role, $0.employeeId, $0.name, $0.grantedAt, $0.grantedBy] }
            let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                print(
                    row.enumerated().map {
                        $0.offset == 4 ? $0.element : $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0)
                    }.joined(separator: "  "))
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Untie a login role from its person.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp("The PostgreSQL login role.", valueName: "role")) var role: String

        func run() throws {
            guard let grant = try AccessCommand.open(database).revokeAccess(role: role, actor: database.actor) else {
                throw GoalbookError.notFound(what: "access for \(role) (goalbook access list shows who has it)", suggestions: [])
            }
            print("\(role) is no longer tied to \(grant.employeeId) \(grant.name).")
        }
    }
}
