import Foundation
import GRDB

extension SQLiteEngine {
    /// The person's internal id, or an error naming close matches.
    static func personId(_ employeeId: String, db: Database) throws -> Int64 {
        // NFC first; then the bytes as given, for an id an earlier version stored unnormalized.
        for form in [EmployeeID.normalized(employeeId), employeeId] {
            if let id = try Int64.fetchOne(db, sql: "SELECT person_id FROM person WHERE employee_id = ?", arguments: [form]) {
                return id
            }
        }
        let ids = try String.fetchAll(db, sql: "SELECT employee_id FROM person ORDER BY employee_id LIMIT 10000")
        throw GoalbookError.notFound(what: "person \(employeeId)", suggestions: CloseMatches.find(employeeId, in: ids))
    }

    /// `WITH RECURSIVE team(person_id) AS MATERIALIZED (…) `: the one way a team is found in SQL.
    /// A team is its head and everyone below them at any depth; with `below`, only the people
    /// below. The statement that follows selects from `team`; the head's internal id is written
    /// into the text (a number), so the CTE takes no arguments of its own.
    static func teamCTE(_ head: String, below: Bool, db: Database) throws -> String {
        let root = try personId(head, db: db)
        let start = below ? "SELECT person_id FROM person WHERE manager_person_id = \(root)" : "SELECT \(root)"
        return "WITH RECURSIVE team(person_id) AS MATERIALIZED (\(start) UNION ALL "
            + "SELECT p.person_id FROM person AS p JOIN team AS t ON p.manager_person_id = t.person_id) "
    }

    static let personSelect = """
        SELECT p.employee_id, p.name, p.email, m.employee_id AS manager, f.family, f.function, f.level_code, p.left_on, p.created_at
        FROM person AS p
        JOIN frame AS f ON f.frame_id = p.frame_id
        LEFT JOIN person AS m ON m.person_id = p.manager_person_id
        """

    static func person(_ row: Row) -> Person {
        Person(
            employeeId: row["employee_id"], name: row["name"], email: row["email"], managerId: row["manager"],
            family: row["family"], function: row["function"], level: row["level_code"], leftOn: row["left_on"],
            createdAt: row["created_at"])
    }

    static func historyEntry(_ row: Row) -> HistoryEntry {
        let item: String? = row["item"]
        let field: String = row["field"]
        return HistoryEntry(
            changedAt: row["changed_at"], actor: row["actor"], command: row["command"],
            field: item.map { $0 == "main" ? field : "\($0).\(field)" } ?? field,
            old: row["old_value"], new: row["new_value"], note: row["note"])
    }
}
