import GoalbookCore
import Testing

/// The one in-memory subtree walk, with no database.
@Suite struct OrgChartTests {
    @Test func belowIsEveryoneUnderARootAtAnyDepthOnceEvenInACycle() {
        let chart = OrgChart([
            (employeeId: "E1", managerId: nil), (employeeId: "E2", managerId: "E1"), (employeeId: "E3", managerId: "E2"),
            (employeeId: "E4", managerId: "E1"), (employeeId: "E5", managerId: nil),
            (employeeId: "C1", managerId: "C2"), (employeeId: "C2", managerId: "C1"),
        ])
        #expect(Set(chart.below("E1")) == ["E2", "E3", "E4"])
        #expect(chart.below("E1").count == 3)
        #expect(chart.reports(of: "E1") == ["E2", "E4"])
        #expect(chart.below("E3").isEmpty && chart.below("nobody").isEmpty)
        #expect(Set(chart.below("C1")) == ["C1", "C2"], "a manager cycle ends, each person once")
    }
}
