import Foundation

/// The report's output formats.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, md, csv, json, html

    /// The usual file name extension: `txt` for text, else the format's name.
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// Renders a ``Report`` in each format. Every format shows the same figures; csv and json have
/// one row per goal with the columns of `docs/reports.md`.
public enum ReportRenderer {
    /// Writes the report to `sink` piece by piece.
    public static func render(_ report: Report, as format: ReportFormat, color: Bool = false, to sink: TextSink) {
        switch format {
        case .text: text(report, color: color, sink)
        case .md: markdown(report, sink)
        case .csv: csv(report, sink)
        case .json: json(report, sink)
        case .html: ReportHTML.page(report, sink)
        }
        sink.flush()
    }

    /// The whole report as one string.
    public static func render(_ report: Report, as format: ReportFormat, color: Bool = false) -> String {
        TextSink.collect { render(report, as: format, color: color, to: $0) }
    }

    // MARK: - Shared wording

    /// `45%`; the raw figure follows where clamping changed it: `100% (raw 130%)`.
    static func percent(_ clamped: Double?, raw: Double? = nil) -> String {
        guard let clamped else { return "not filled" }
        let shown = "\(Int((clamped * 100).rounded()))%"
        guard let raw, abs(raw - clamped) > 0.000_5 else { return shown }
        return "\(shown) (raw \(Int((raw * 100).rounded()))%)"
    }

    /// `12% → 20% → 40%` (baseline → latest → target), with the item's direction and due date.
    static func figures(_ item: ItemProgress) -> String {
        guard let target = item.target else { return "not filled" }
        let baseline = item.baseline.map(\.description) ?? Measure(number: 0, unit: target.unit).description
        let latest = item.latest?.description ?? "no check-in"
        var text = "\(baseline) → \(latest) → \(target)"
        var notes: [String] = []
        if let direction = item.direction { notes.append(direction.rawValue + (item.keepRule.map { ", \($0)" } ?? "")) }
        if let due = item.due { notes.append("due \(due)") }
        if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
        return text
    }

    /// `active · at risk`; a finished goal's status says it all (`dropped`).
    static func statusAndTrack(_ goal: ReportGoal, paint: (Track) -> String = { $0.rawValue }) -> String {
        goal.track.rawValue == goal.status.rawValue ? paint(goal.track) : "\(goal.status.rawValue) · \(paint(goal.track))"
    }

    /// `weight 30 · score 0.7 · aligned to G1 (E001)`: what a goal has of these, nil when none.
    static func extras(_ goal: ReportGoal) -> String? {
        var parts: [String] = []
        if let weight = goal.weight { parts.append("weight \(Measure.format(weight))") }
        if let score = goal.score { parts.append("score \(Measure.format(score))") }
        if let parent = goal.alignedToLabel { parts.append("aligned to \(parent)") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `confidence 7 (up from 5, 2026-11-03) · note 2026-11-12: waiting for data`: the newest
    /// confidence and note of the goal's check-ins, nil when it has neither. Line breaks in a
    /// note are shown as `⏎`, so a note never reads as lines of the report.
    static func confidenceAndNote(_ goal: ReportGoal) -> String? {
        var parts: [String] = []
        if let confidence = goal.confidence {
            let trend = goal.previousConfidence.map { previous in
                previous == confidence ? "unchanged" : "\(previous < confidence ? "up" : "down") from \(previous)"
            }
            parts.append("confidence \(confidence)/10 (" + [trend, goal.confidenceOn].compactMap { $0 }.joined(separator: ", ") + ")")
        }
        if let note = goal.note {
            parts.append("note \(goal.noteOn ?? ""): \(LineBreaks.flattened(note))")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `carried to G52`, on a line of its own: the one thing a carry adds to its quarter's report.
    static func carried(_ goal: ReportGoal) -> String? { goal.carriedTo.map { "carried to \($0)" } }

    /// `average progress 45% · weighted 52%`, and what is wrong with the person's weights.
    static func summary(_ figures: PersonFigures?) -> [String] {
        guard let figures, figures.averageProgress != nil || figures.weightWarning != nil else { return [] }
        var lines = ["average progress \(percent(figures.averageProgress)) · weighted \(percent(figures.weightedProgress))"]
        if let warning = figures.weightWarning { lines.append("note: \(warning)") }
        return lines
    }

    /// A roll-up row's name: `E100 Ada Park`, `E001 Grace Hopper (own goals)`, or `Total`.
    static func rowName(_ r: TeamRollup) -> String {
        r.employeeId.isEmpty ? "Total" : "\(r.employeeId) \(r.name)" + (r.headOnly ? " (own goals)" : "")
    }

    /// The links that cross teams (a goal aligned to a goal outside its subtree, or outside the
    /// report), in goal id order, and the goals aligned to nothing (dropped goals left out).
    static func alignment(_ report: Report) -> (across: [String], nothing: [String]) {
        var seen = Set<String>()
        let links = (report.teams + [report.total]).flatMap(\.alignedOutside).filter { seen.insert($0).inserted }
        let number = { (link: String) in Int(link.dropFirst().prefix { $0.isNumber }) ?? 0 }
        return (links.sorted { number($0) < number($1) }, report.total.alignedToNothing)
    }

    /// `Links across teams: G7 → G1 (E001)` and `Aligned to nothing: 5 goals: G1, …`, cut at ten.
    static func alignmentLines(_ report: Report) -> [String] {
        let (across, nothing) = alignment(report)
        return [
            "Links across teams: \(idList(across))",
            "Aligned to nothing: " + (nothing.isEmpty ? "none" : "\(counted(nothing.count, "goal", "goals")): \(idList(nothing))"),
        ]
    }

    static func statusCounts(_ rollup: TeamRollup) -> String {
        GoalStatus.allCases.compactMap { status in rollup.goalsByStatus[status.rawValue].map { "\($0) \(status.rawValue)" } }
            .joined(separator: ", ")
    }

    static func header(_ report: Report) -> [String] {
        [
            "Quarterly progress report · \(report.quarter) · \(report.scope)",
            "As of \(report.asOf)\(report.asRecorded.map { ", as recorded by \($0)" } ?? ""); progress judged on \(report.reportDate)\(report.closed ? "; quarter closed" : "")",
        ]
    }
}
