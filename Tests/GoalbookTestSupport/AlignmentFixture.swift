import Foundation
import GoalbookCore

/// A three-level organization whose 2026Q4 goals are aligned into one tree, with weights,
/// check-ins, a goal not filled and a dropped one. Every figure below is worked out by hand.
///
///     E001 Grace ── E100 Ada ─┬─ E102 Sam
///                  │          └─ E103 Kim
///                  └ E101 Lin
///
///     top   E001 SMART 1   0 → 40 → 100          progress 0.4
///     ├ ada E100 SMART 1   0 → 5 → 10   w 60     progress 0.5
///     │ ├ sam   E102 SMART 1   0 → 3 → 4   w 30  progress 0.75
///     │ ├ kim   E103 OKR 1     KR1 10% → 30% → 50% (0.5, weight 3), KR2 0 → 3 → 4 (0.75)
///     │ │                      w 70  progress (3 × 0.5 + 0.75) / 4 = 0.5625
///     │ ├ kim2  E103 SMART 2   not filled (missing)
///     │ └ sam2  E102 SMART 2   0 → 4 → 4, dropped (not counted)
///     └ lin E101 MBO 1     0 → 4 → 5 features   w 40     progress 0.8
///
///     roll-up under ada: (30 × 0.75 + 70 × 0.5625) / (30 + 70) = 0.61875, 1 missing
///     roll-up under top: (60 × 0.5 + 40 × 0.8) / 100 = 0.62
public enum AlignmentFixture: OrganizationFixture {
    public static let quarter = Quarter("2026Q4")!
    /// Everything is set up by this instant; links change later (see `moveSam`).
    public static let setUp = ReportFixture.at("2026-11-02T12:00:00Z")
    public static let now = ReportFixture.at("2026-11-15T12:00:00Z")

    /// Fills a new database with the organization; returns the goals by name.
    public static func populate(_ store: any GoalbookEngine) throws -> [String: Int64] {
        let p2 = "AI / Machine Learning Engineering"
        let ic2 = "Machine Learning Engineer"
        _ = try PeopleService(store).write(
            [
                PersonInput(employeeId: "E001", name: "Grace Hopper", email: nil, managerId: nil, family: nil, function: p2, level: "P2"),
                PersonInput(employeeId: "E100", name: "Ada Park", email: nil, managerId: "E001", family: nil, function: p2, level: "P2"),
                PersonInput(employeeId: "E101", name: "Lin Chen", email: nil, managerId: "E001", family: nil, function: ic2, level: "IC2"),
                PersonInput(employeeId: "E102", name: "Sam Ortiz", email: nil, managerId: "E100", family: nil, function: ic2, level: "IC2"),
                PersonInput(employeeId: "E103", name: "Kim Sato", email: nil, managerId: "E100", family: nil, function: ic2, level: "IC2"),
            ], file: "fixture", mode: .add, actor: "hr", command: "people import", now: ReportFixture.at("2026-09-20T09:00:00Z"))
        var goals: [String: Int64] = [:]
        let at = ReportFixture.at("2026-10-01T09:00:00Z")
        func add(_ name: String, _ person: String, _ framework: Framework, _ row: Int) throws {
            goals[name] = try GoalService(store).add(person, quarter: quarter, framework: framework, rows: [row], actor: "grace", now: at).created[0]
                .goalId
        }
        func set(_ name: String, _ values: [(String, String)], item: String? = nil) throws {
            _ = try GoalService(store).set(
                goals[name]!, values.map { (key: $0.0, value: $0.1) }, item: item, direction: name == "sam2" ? .maintain : nil,
                actor: "grace", now: at)
        }
        func checkin(_ name: String, _ value: String, item: String? = nil) throws {
            _ = try CheckInService(store).checkIn(
                goals[name]!, value: value, item: item, on: Day(iso: "2026-11-01"), note: nil, confidence: nil, corrects: nil,
                actor: "grace", now: ReportFixture.at("2026-11-01T10:00:00Z"))
        }
        try add("top", "E001", .smart, 1)
        try add("ada", "E100", .smart, 1)
        try add("lin", "E101", .mbo, 1)
        try add("sam", "E102", .smart, 1)
        try add("sam2", "E102", .smart, 2)
        try add("kim", "E103", .okr, 1)
        try add("kim2", "E103", .smart, 2)
        try set("top", [("baseline", "0"), ("target", "100")])
        try set("ada", [("baseline", "0"), ("target", "10"), ("weight", "60")])
        try set("lin", [("target", "5 features"), ("weight", "40")])
        try set("sam", [("baseline", "0"), ("target", "4"), ("weight", "30")])
        try set("sam2", [("baseline", "4"), ("target", "4")])
        try set("kim", [("baseline", "10%"), ("target", "50%"), ("weight", "3")], item: "KR1")
        try set("kim", [("KR2.target", "4"), ("weight", "70")])
        for name in ["top", "ada", "lin", "sam", "sam2", "kim", "kim2"] {
            _ = try GoalService(store).setStatus(goals[name]!, to: .active, note: nil, unfilled: true, actor: "grace", now: at)
        }
        try checkin("top", "40")
        try checkin("ada", "5")
        try checkin("lin", "4 features")
        try checkin("sam", "3")
        try checkin("sam2", "4")
        try checkin("kim", "30%", item: "KR1")
        try checkin("kim", "3", item: "KR2")
        for (child, parent) in [("ada", "top"), ("lin", "top"), ("sam", "ada"), ("kim", "ada"), ("kim2", "ada"), ("sam2", "ada")] {
            _ = try AlignmentService(store).align(goals[child]!, to: goals[parent]!, actor: "grace", now: ReportFixture.at("2026-11-02T11:00:00Z"))
        }
        _ = try GoalService(store).setStatus(goals["sam2"]!, to: .dropped, note: "merged into sam", actor: "grace", now: setUp)
        return goals
    }
}
