import Foundation
import GRDB

extension SQLiteEngine {
    /// The person's internal id, or an error naming close matches.
    static func personId(_ employeeId: String, db: Database) throws -> Int64 {
        try SQLiteRunner(db: db).personId(employeeId)
    }

    /// The team CTE of ``EngineSQL/teamCTE(root:below:)`` for a head named by employee id.
    static func teamCTE(_ head: String, below: Bool, db: Database) throws -> String {
        EngineSQL.teamCTE(root: try personId(head, db: db), below: below)
    }
}
