import Foundation
import GRDB

extension SQLiteEngine {
    /// The person's internal id, or an error naming close matches.
    static func personId(_ employeeId: String, db: Database) throws -> Int64 {
        try EngineSQL.personId(
            employeeId, lookup: { try Int64.fetchOne(db, sql: EngineSQL.personIdSelect, arguments: [$0]) },
            candidates: { try String.fetchAll(db, sql: EngineSQL.employeeIdsSelect) })
    }

    /// The team CTE of ``EngineSQL/teamCTE(root:below:)`` for a head named by employee id.
    static func teamCTE(_ head: String, below: Bool, db: Database) throws -> String {
        EngineSQL.teamCTE(root: try personId(head, db: db), below: below)
    }
}

extension Row: NamedRow {
    func string(_ column: String) -> String? { self[column] }
}
