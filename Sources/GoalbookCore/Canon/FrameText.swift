import TextTable

/// Text forms of canon for people: `canon list` and `canon show`.
public enum FrameText {
    /// One line per frame: family, function, level, title and what it holds.
    public static func list(_ frames: [FrameSummary]) -> String {
        let table = TextTable<FrameSummary> {
            [
                Column(title: "FAMILY", value: $0.family),
                Column(title: "FUNCTION", value: $0.function),
                Column(title: "LEVEL", value: $0.level),
                Column(title: "TITLE", value: $0.title ?? "-"),
                Column(title: "RESP", value: $0.responsibilities, align: .right),
                Column(title: "DIMS", value: $0.dimensions, align: .right),
                Column(title: "RUBRICS", value: $0.rubrics, align: .right),
                Column(title: "CANON", value: "v\($0.canonVersion) \($0.source)\($0.release.map { " " + $0 } ?? "")"),
            ]
        }
        return TableText.render(table, frames)
    }

    /// Everything a frame holds, grouped by kind, each statement verbatim with its source label.
    public static func show(_ frame: Frame) -> String {
        var lines = [
            "\(frame.displayName)\(frame.levelTitle.map { " — " + $0 } ?? "")",
            "canon version \(frame.canonVersionId) (\(frame.canonSource)\(frame.canonRelease.map { " " + $0 } ?? ""))",
        ]
        let sections: [(StatementKind, String)] = [
            (.title, "Title"), (.summary, "Summary"), (.responsibility, "Responsibilities"), (.dimension, "Dimensions"),
            (.rubric, "Rubrics"), (.paragraph, "Area paragraphs"), (.footnote, "Footnotes"),
        ]
        for (kind, heading) in sections {
            let statements = frame.statements(kind)
            guard !statements.isEmpty else { continue }
            lines += ["", "\(heading) (\(statements.count))"]
            var group: String?
            for s in statements {
                switch kind {
                case .responsibility where s.area != nil || s.name != nil:
                    let heading = [s.area, s.name].compactMap { $0 }.joined(separator: " › ")
                    if heading != group {
                        group = heading
                        lines.append("  \(heading)")
                    }
                    lines.append("    \(s.position). \(s.text)")
                case .dimension:
                    let description = s.description.map { " (\($0))" } ?? ""
                    lines.append("  \(s.position). \(s.name ?? "")\(description): \(s.text)")
                case .rubric:
                    lines.append("  \(s.name ?? ""): \(s.text)")
                case .paragraph:
                    lines.append("  \(s.area ?? ""): \(s.text)")
                default:
                    lines.append("  \(s.position). \(s.text)  [source: \(s.sourceLabel)]")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
