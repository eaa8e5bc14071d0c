import GoalbookCore
import Testing

/// The rules of people import, add and set, decided with no database.
@Suite struct PeoplePlanTests {
    static let frames = FrameIndex([
        .init(id: 1, family: "Data", function: "ML Engineering", level: "P2"),
        .init(id: 2, family: "Data", function: "ML Engineering", level: "P3"),
    ])
    static let stored = [
        PeoplePlan.Stored(employeeId: "E001", name: "Grace", email: nil, managerId: nil, frameId: 2),
        PeoplePlan.Stored(employeeId: "E100", name: "Ada", email: "ada@example.org", managerId: "E001", frameId: 1),
    ]

    static func input(_ id: String, manager: String?, level: String = "P2", line: Int, name: String = "Someone") -> PersonInput {
        PersonInput(
            employeeId: id, name: name, email: nil, managerId: manager, family: nil, function: "ML Engineering", level: level, line: line)
    }

    static func problems(_ inputs: [PersonInput], mode: PeopleMode = .upsert) -> [String] {
        do {
            _ = try PeoplePlan.plan(inputs, file: "staff.csv", mode: mode, stored: stored, frames: frames)
            return []
        } catch GoalbookError.badInput(let issues) {
            return issues.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func everyProblemOfTheBatchIsFoundAtOnceInLineOrder() {
        #expect(
            Self.problems([
                Self.input("E200", manager: "E999", line: 2), Self.input("E200", manager: nil, line: 3),
                Self.input("E201", manager: "E201", level: "P9", line: 4),
            ]) == [
                "staff.csv:2: unknown manager E999: not in the database nor in this file",
                "staff.csv:3: duplicate id E200 (first at line 2)",
                "staff.csv:4: unknown level 'P9' for function 'ML Engineering' (levels: P2, P3)",
                "staff.csv:4: E201 cannot be their own manager",
                "staff.csv:4: manager cycle: E201 → E201",
            ])
    }

    @Test func aBatchThatWouldCloseAManagerLoopIsRefusedAtARowOnIt() {
        // E001 is stored at the top; making them report to E100, who reports to them, is a loop.
        #expect(Self.problems([Self.input("E001", manager: "E100", line: 2, name: "Grace")]) == ["staff.csv:2: manager cycle: E001 → E100 → E001"])
    }

    @Test func addRefusesKnownIdsSetRefusesUnknownOnes() {
        #expect(
            Self.problems([Self.input("E100", manager: "E001", line: 1)], mode: .add) == [
                "staff.csv:1: E100 already exists: change them with goalbook people set"
            ])
        #expect(Self.problems([Self.input("E300", manager: nil, line: 1)], mode: .update) == ["staff.csv:1: no person with id E300"])
    }

    @Test func newPeopleAreAddedChangedOnesListTheirFieldsAndTheSameAreLeftAlone() throws {
        let plan = try PeoplePlan.plan(
            [
                Self.input("E300", manager: "E100", line: 2), Self.input("E100", manager: "E001", level: "P3", line: 3, name: "Ada"),
                Self.input("E001", manager: nil, level: "P3", line: 4, name: "Grace"),
            ], file: "staff.csv", mode: .upsert, stored: Self.stored, frames: Self.frames)
        #expect(plan.summary == PeopleChangeSummary(added: 1, updated: 1, unchanged: 1))
        #expect(plan.changes.map(\.input.employeeId) == ["E300", "E100"])
        #expect(plan.changes[0].fields == nil && plan.changes[0].frameId == 1)
        #expect(
            plan.changes[1].fields == [
                FieldChange(field: "email", old: "ada@example.org", new: nil), FieldChange(field: "level", old: "P2", new: "P3"),
            ])
    }

    /// Thousands of ids, so the plan's index of first rows fills and collides: each id is found at
    /// its first row, a repeat far down names that row, and an id never given is unknown.
    @Test func aLargeBatchFindsEveryIdAtItsFirstRow() {
        var inputs = (0..<5000).map { Self.input("N\($0)", manager: $0 == 0 ? nil : "N\($0 - 1)", line: $0 + 2) }
        inputs.append(Self.input("N4321", manager: "N17", line: 5002))
        inputs.append(Self.input("M1", manager: "N5000", line: 5003))
        #expect(
            Self.problems(inputs) == [
                "staff.csv:5002: duplicate id N4321 (first at line 4323)",
                "staff.csv:5003: unknown manager N5000: not in the database nor in this file",
            ])
    }
}
