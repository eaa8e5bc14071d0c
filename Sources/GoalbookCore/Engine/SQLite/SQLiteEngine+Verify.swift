import Foundation
import GRDB

/// What `goalbook check` proves beyond SQLite's own checks: the schema is the one the migrations
/// made, what is stored now is what history replays to, and closed quarters hold their figures.
extension SQLiteEngine {
    /// Every table, index, trigger and view, compared with a database made from the embedded
    /// migrations: one missing, changed or added is named.
    static func schemaProblems(db: Database, version: Int) throws -> [String] {
        let expectedQueue = try SQLiteConnection.inMemory()
        try expectedQueue.write { fresh in
            for migration in Migration.all where migration.version <= version { try fresh.execute(sql: migration.sql) }
        }
        let query = "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        func objects(_ db: Database) throws -> [String: (type: String, sql: String)] {
            var found: [String: (type: String, sql: String)] = [:]
            for row in try Row.fetchAll(db, sql: query) {
                found[row["name"]] = (type: row["type"], sql: row["sql"] ?? "")
            }
            return found
        }
        let expected = try expectedQueue.read(objects)
        let actual = try objects(db)
        var problems: [String] = []
        for name in expected.keys.sorted() {
            let want = expected[name]!
            guard let have = actual[name] else {
                problems.append("\(want.type) \(name) is missing (the migrations made it; someone dropped it)")
                continue
            }
            if have.type != want.type || have.sql != want.sql {
                problems.append("\(want.type) \(name) is not as the migrations made it (it was changed by hand)")
            }
        }
        for name in actual.keys.sorted() where expected[name] == nil {
            problems.append("\(actual[name]!.type) \(name) was not made by Goalbook's migrations (added by hand)")
        }
        return problems
    }

    /// The migrations recorded in the file, compared with the ones embedded in this binary.
    static func migrationRecordProblems(db: Database, version: Int) throws -> [String] {
        var problems: [String] = []
        let recorded = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT version, sha256 FROM schema_migration").map {
                ($0["version"] as Int, $0["sha256"] as String)
            })
        for migration in Migration.all where migration.version <= version {
            if recorded[migration.version] != migration.sha256 {
                problems.append(
                    "migration \(migration.version) (\(migration.name)) is recorded "
                        + "\(recorded[migration.version] == nil ? "nowhere" : "with another SHA-256") in schema_migration"
                )
            }
        }
        return problems
    }

    /// Each goal as stored now, against the replay of its history: status, owner, alignment,
    /// weight, score, and each item's direction, weight, keep, tolerance and slots.
    static func replayProblems(db: Database) throws -> [String] {
        var problems = ProblemList()
        // A few thousand goals at a time, so memory stays flat however large the file is.
        let batch: Int64 = 5000
        let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(max(goal_id), 0) FROM goal") ?? 0
        var first: Int64 = 1
        while first <= last {
            let range = "g.goal_id BETWEEN ? AND ?"
            let bounds: SQLArguments = [first, first + batch - 1]
            let sql = SQLiteRunner(db: db)
            let goals = try sql.loadGoals(where: range, bounds, templateText: false)
            let replayed = Dictionary(
                uniqueKeysWithValues: try sql.rebuildAll(goals, asOf: PastView(effective: "9999")).map { ($0.id, $0) })
            for goal in goals {
                guard let past = replayed[goal.id] else { continue }  // no 'created' row: a rule of its own
                for difference in differences(now: goal, history: past) {
                    problems.add("goal that differs from its history: G\(goal.id) \(difference)")
                }
            }
            first += batch
        }
        let people: [(String, String)] = [
            ("name", "p.name"), ("email", "p.email"), ("manager", "m.employee_id"), ("family", "f.family"),
            ("function", "f.function"), ("level", "f.level_code"), ("left_on", "p.left_on"),
        ]
        for (field, now) in people {
            let sql = """
                SELECT p.employee_id || ' \(field) is ' || COALESCE(\(now), 'empty') || ', history says ' || COALESCE(h.new_value, 'empty')
                FROM person AS p
                JOIN frame AS f ON f.frame_id = p.frame_id
                LEFT JOIN person AS m ON m.person_id = p.manager_person_id
                JOIN history AS h ON h.history_id = (SELECT max(x.history_id) FROM history AS x
                                                      WHERE x.person_id = p.person_id AND x.goal_id IS NULL AND x.field = '\(field)')
                WHERE h.new_value IS NOT \(now)
                """
            let found = try String.fetchCursor(db, sql: sql)
            while let person = try found.next() { problems.add("person who differs from their history: \(person)") }
        }
        return problems.lines
    }

    /// What differs between a goal as stored and as its history replays, one phrase per field.
    static func differences(now goal: Goal, history past: Goal) -> [String] {
        func text(_ value: (some CustomStringConvertible)?) -> String { value.map { "\($0)" } ?? "empty" }
        var found: [String] = []
        func compare<T: Equatable & CustomStringConvertible>(_ field: String, _ now: T?, _ then: T?) {
            if now != then { found.append("\(field) is \(text(now)), history says \(text(then))") }
        }
        compare("status", goal.status.rawValue, past.status.rawValue)
        compare("owner", goal.employeeId, past.employeeId)
        compare("aligned_to", goal.alignedTo.map { "G\($0)" }, past.alignedTo.map { "G\($0)" })
        compare("weight", goal.weight.map(Measure.format), past.weight.map(Measure.format))
        compare("score", goal.score.map(Measure.format), past.score.map(Measure.format))
        for item in goal.items {
            guard let then = past.items.first(where: { $0.name == item.name }) else { continue }
            compare("\(item.name).direction", item.direction?.rawValue, then.direction?.rawValue)
            compare("\(item.name).weight", item.weight.map(Measure.format), then.weight.map(Measure.format))
            compare("\(item.name).keep", item.keep?.rawValue, then.keep?.rawValue)
            compare("\(item.name).tolerance", item.tolerance.map(Measure.format), then.tolerance.map(Measure.format))
            for slot in item.slots {
                let old = then.slots.first { $0.slot == slot.slot }
                compare("\(item.name).\(slot.slot.rawValue)", slot.value, old?.value)
                if slot.value == old?.value, slot.number != old?.number || slot.unit != old?.unit {
                    found.append("\(item.name).\(slot.slot.rawValue) number or unit does not match its value \(text(slot.value))")
                }
            }
        }
        return found
    }

    /// Closed quarters against the history of closing and reopening, and each one's frozen figures
    /// against the figures worked out now.
    static func closedQuarterProblems(db: Database) throws -> [String] {
        var problems: [String] = []
        // The last quarter event for each quarter says whether it is closed now.
        var closedByHistory: Set<String> = []
        for row in try Row.fetchAll(db, sql: "SELECT new_value FROM history WHERE field = 'quarter' AND goal_id IS NULL ORDER BY history_id") {
            let value: String = row["new_value"] ?? ""
            let parts = value.split(separator: " ")
            guard parts.count == 2 else { continue }
            if parts[0] == "closed" { closedByHistory.insert(String(parts[1])) } else { closedByHistory.remove(String(parts[1])) }
        }
        let rows = try Row.fetchAll(db, sql: "SELECT quarter, figures FROM closed_quarter ORDER BY quarter")
        let closed = Set(rows.map { $0["quarter"] as String })
        for quarter in closedByHistory.subtracting(closed).sorted() {
            problems.append("closed quarter: \(quarter) was closed with `quarter close` and never reopened, but its closed_quarter row is gone")
        }
        for quarter in closed.subtracting(closedByHistory).sorted() {
            problems.append("closed quarter: \(quarter) is closed, but history has no `quarter close` for it")
        }
        for row in rows {
            guard let frozen: String = row["figures"] else { continue }
            let quarter: String = row["quarter"]
            let now: String
            do {
                now = try quarterFigures(quarter, db: db)
            } catch {
                problems.append("closed quarter: \(quarter)'s figures cannot be worked out now (\((error as? DatabaseError)?.message ?? "\(error)"))")
                continue
            }
            guard now != frozen else { continue }
            let moved = figureDifferences(frozen: frozen, now: now)
            problems.append(
                "closed quarter: \(quarter)'s figures are not those it was closed with"
                    + (moved.isEmpty ? "" : " (\(moved.prefix(10).joined(separator: ", "))\(moved.count > 10 ? ", …" : ""))"))
        }
        return problems
    }

    /// A quarter's figures as `quarter close` freezes them: one [goal_id, person, status, progress,
    /// score, weight] per goal, in goal order, as JSON.
    static func quarterFigures(_ quarter: String, db: Database) throws -> String {
        try String.fetchOne(
            db,
            sql: """
                SELECT json_group_array(json_array(goal_id, person_id, status, progress, score, weight))
                FROM (SELECT goal_id, person_id, status, progress, score, weight FROM goal_current WHERE quarter = ? ORDER BY goal_id)
                """, arguments: [quarter]) ?? "[]"
    }

    /// The goals whose frozen and present figures differ, as `G12`.
    private static func figureDifferences(frozen: String, now: String) -> [String] {
        func rows(_ text: String) -> [Int64: String] {
            guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]] else { return [:] }
            var byGoal: [Int64: String] = [:]
            for row in array {
                guard let id = (row.first as? NSNumber)?.int64Value else { continue }
                byGoal[id] = row.map { "\($0)" }.joined(separator: "|")
            }
            return byGoal
        }
        let before = rows(frozen)
        let after = rows(now)
        return Set(before.keys).union(after.keys).sorted().filter { before[$0] != after[$0] }.map { "G\($0)" }
    }
}
