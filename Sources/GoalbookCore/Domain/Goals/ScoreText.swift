import Foundation
import TextTable

/// `goalbook quarter scores` as a table and as CSV.
public enum ScoreText {
    static func number(_ value: Double?) -> String { value.map(Measure.format) ?? "" }

    /// The goals with their scores, then how many are scored and which are not.
    public static func table(_ lines: [ScoreLine], quarter: Quarter) -> String {
        guard !lines.isEmpty else { return "No active or done goals in \(quarter).\n" }
        let table = TextTable<ScoreLine> {
            [
                Column(title: "GOAL", value: $0.goalId), Column(title: "PERSON", value: "\($0.personId) \($0.personName)"),
                Column(title: "ROW", value: $0.framework.rowName($0.row)), Column(title: "STATUS", value: $0.status.rawValue),
                Column(
                    title: "PROGRESS", value: ReportRenderer.percent($0.progress).replacingOccurrences(of: "not filled", with: "-"), align: .right),
                Column(title: "SUGGESTED", value: number($0.suggested).isEmpty ? "-" : number($0.suggested), align: .right),
                Column(title: "SCORE", value: number($0.score).isEmpty ? "-" : number($0.score), align: .right),
                Column(title: "SCALE", value: "\(Measure.format($0.scale.min))–\(Measure.format($0.scale.max))"),
                Column(title: "SCORED BY", value: $0.scoredBy ?? ""),
            ]
        }
        let missing = lines.filter { $0.score == nil }
        var text = TableText.render(table, lines)
        text += "\n\(lines.count - missing.count) of \(counted(lines.count, "goal")) scored"
        text += missing.isEmpty ? ".\n" : "; not scored: \(missing.map(\.goalId).joined(separator: ", ")).\n"
        return text
    }

    public static let columns = [
        "goal_id", "person_id", "person_name", "framework", "row", "title", "status", "progress", "suggested",
        "score", "scale_min", "scale_max", "scale_step", "scored_by", "scored_at",
    ]

    /// One row per goal, with the columns of ``columns``.
    public static func csv(_ lines: [ScoreLine]) -> String {
        CSVWriter.line(columns)
            + lines.map {
                CSVWriter.line([
                    $0.goalId, $0.personId, $0.personName, $0.framework.rawValue, "\($0.row)", $0.title, $0.status.rawValue,
                    number($0.progress.map { ($0 * 10_000).rounded() / 10_000 }), number($0.suggested), number($0.score),
                    number($0.scale.min), number($0.scale.max), number($0.scale.step), $0.scoredBy ?? "", $0.scoredAt ?? "",
                ])
            }.joined()
    }
}
