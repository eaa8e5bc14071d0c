import Foundation
import GoalbookCore

/// A small organization with a fixed history in 2026Q4, for report tests.
///
///     E001 Grace (P2) ─┬─ E100 Ada (P2) ─┬─ E102 Sam (IC2)
///                      │                 └─ E103 Kim (P2, leaves 2026-11-10)
///                      ├─ E101 Lin (IC2)
///                      └─ E104 Noor (P2, no goals)
public enum ReportFixture: OrganizationFixture {
    public static let quarter = Quarter("2026Q4")!
    /// The instant reports are printed at.
    public static let now = at("2026-11-15T12:00:00Z")

    public static func at(_ iso: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: iso)!
    }

    /// Builds the organization in a new store and returns it with the ids of its goals, by name.
    /// Fills a new database with the organization; returns the goals by name.
    public static func populate(_ store: any GoalbookEngine) throws -> [String: Int64] {
        let p2 = "AI / Machine Learning Engineering"
        let ic2 = "Machine Learning Engineer"
        _ = try PeopleService(store).write(
            [
                PersonInput(employeeId: "E001", name: "Grace Hopper", email: nil, managerId: nil, family: nil, function: p2, level: "P2"),
                PersonInput(
                    employeeId: "E100", name: "Ada Park", email: "ada@example.com", managerId: "E001", family: nil, function: p2, level: "P2"),
                PersonInput(employeeId: "E101", name: "Lin Chen", email: nil, managerId: "E001", family: nil, function: ic2, level: "IC2"),
                PersonInput(employeeId: "E102", name: "Sam Ortiz", email: nil, managerId: "E100", family: nil, function: ic2, level: "IC2"),
                PersonInput(employeeId: "E103", name: "Kim Sato", email: nil, managerId: "E100", family: nil, function: p2, level: "P2"),
                PersonInput(employeeId: "E104", name: "Noor Haddad", email: nil, managerId: "E001", family: nil, function: p2, level: "P2"),
            ], file: "fixture", mode: .add, actor: "hr", command: "people import", now: at("2026-09-20T09:00:00Z"))
        let q = quarter
        var goals: [String: Int64] = [:]
        func add(_ name: String, _ person: String, _ framework: Framework, _ row: Int, _ when: String) throws {
            goals[name] = try GoalService(store).add(person, quarter: q, framework: framework, rows: [row], actor: "grace", now: at(when)).created[0]
                .goalId
        }
        func set(_ name: String, _ values: [(String, String)], item: String? = nil, direction: Direction? = nil, by: String = "grace", _ when: String)
            throws
        {
            _ = try GoalService(store).set(
                goals[name]!, values.map { (key: $0.0, value: $0.1) }, item: item, direction: direction, actor: by, now: at(when))
        }
        func status(_ name: String, _ s: GoalStatus, note: String? = nil, _ when: String) throws {
            _ = try GoalService(store).setStatus(goals[name]!, to: s, note: note, unfilled: true, actor: "grace", now: at(when))
        }
        func checkin(
            _ name: String, _ value: String, item: String? = nil, on day: String? = nil, corrects: Int64? = nil,
            confidence: Int = 7, note: String? = nil, _ when: String
        ) throws -> Int64 {
            try CheckInService(store).checkIn(
                goals[name]!, value: value, item: item, on: day.flatMap { Day(iso: $0) }, note: note, confidence: confidence,
                corrects: corrects, actor: "ada", now: at(when)
            ).id
        }
        try add("ada-okr", "E100", .okr, 1, "2026-10-02T09:00:00Z")
        try set("ada-okr", [("baseline", "10%"), ("target", "50%"), ("date", "2026-12-15")], item: "KR1", "2026-10-02T09:05:00Z")
        try set("ada-okr", [("target", "3")], item: "KR2", "2026-10-02T09:06:00Z")
        try status("ada-okr", .active, note: "agreed", "2026-10-02T09:10:00Z")
        _ = try checkin("ada-okr", "20%", item: "KR1", on: "2026-10-20", "2026-10-20T16:00:00Z")
        _ = try checkin("ada-okr", "1", item: "KR2", on: "2026-11-01", "2026-11-01T16:00:00Z")
        _ = try checkin(
            "ada-okr", "30%", item: "KR1", on: "2026-11-05", confidence: 5, note: "labelling is slower than planned", "2026-11-05T16:00:00Z")
        try set("ada-okr", [("target", "60%")], item: "KR1", by: "boss", "2026-11-10T10:00:00Z")

        try add("ada-smart", "E100", .smart, 2, "2026-10-02T09:01:00Z")
        try set("ada-smart", [("baseline", "200 ms"), ("target", "100 ms"), ("date", "2026-12-31")], "2026-10-03T09:00:00Z")
        try status("ada-smart", .active, "2026-10-03T09:01:00Z")
        let wrong = try checkin("ada-smart", "170 ms", on: "2026-11-01", "2026-11-01T16:05:00Z")
        _ = try checkin("ada-smart", "160 ms", corrects: wrong, "2026-11-02T08:00:00Z")

        try add("lin-mbo", "E101", .mbo, 1, "2026-10-05T09:00:00Z")
        try set("lin-mbo", [("target", "5 features"), ("date", "2026-12-20")], "2026-10-05T09:01:00Z")
        try status("lin-mbo", .active, "2026-10-05T09:02:00Z")
        _ = try checkin("lin-mbo", "4 features", on: "2026-11-12", confidence: 9, note: "fifth feature\nin review", "2026-11-12T16:00:00Z")

        try add("sam-okr", "E102", .okr, 2, "2026-10-06T09:00:00Z")
        try add("sam-smart", "E102", .smart, 1, "2026-10-06T09:01:00Z")
        try set("sam-smart", [("baseline", "5"), ("target", "5")], direction: .maintain, "2026-10-06T09:02:00Z")
        try status("sam-smart", .active, "2026-10-06T09:03:00Z")
        _ = try checkin("sam-smart", "5", on: "2026-11-03", "2026-11-03T16:00:00Z")

        try add("kim-card", "E103", .scorecard, 1, "2026-10-07T09:00:00Z")
        try set("kim-card", [("target", "10")], "2026-10-07T09:01:00Z")
        try status("kim-card", .active, "2026-10-07T09:02:00Z")
        try status("kim-card", .dropped, note: "Kim is leaving", "2026-11-08T09:00:00Z")
        _ = try PeopleService(store).leave("E103", on: Day(iso: "2026-11-10")!, actor: "hr", now: at("2026-11-08T09:30:00Z"))
        return goals
    }
}
