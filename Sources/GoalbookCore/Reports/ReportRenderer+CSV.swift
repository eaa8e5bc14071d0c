import Foundation

/// The report as CSV: one row per goal item, the goal's columns repeated.
extension ReportRenderer {
    static func csv(_ report: Report, _ out: TextSink) {
        let people = Dictionary(report.people.map { ($0.employeeId, $0) }, uniquingKeysWith: { a, _ in a })
        out += CSVWriter.line(goalColumns)
        // Long format: one row per item (an OKR objective has a row per key result), the goal's columns repeated.
        for goal in report.goals {
            for item in goal.items.isEmpty ? [nil] : goal.items.map(Optional.some) {
                out += CSVWriter.line(goalRow(goal, people[goal.employeeId], quarter: report.quarter, item: item).map(\.csv))
            }
        }
    }
}
