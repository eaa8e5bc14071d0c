/// The four goal frameworks Goalbook renders from canon.
public enum Framework: String, Sendable, CaseIterable, Codable {
    case smart, okr, mbo, scorecard

    /// What one row of the framework is called: `OKR objective 2`, `SMART row 1`.
    public func rowName(_ number: Int) -> String {
        switch self {
        case .smart: return "SMART row \(number)"
        case .okr: return "OKR objective \(number)"
        case .mbo: return "MBO area \(number)"
        case .scorecard: return "scorecard line \(number)"
        }
    }

    /// The heading the template page gives the framework.
    public var heading: String {
        switch self {
        case .smart: return "SMART goals"
        case .okr: return "OKRs"
        case .mbo: return "MBO areas"
        case .scorecard: return "Scorecard"
        }
    }

    /// `OKR`, `SMART`, `MBO`, `Scorecard`: the framework's name in a sentence.
    public var displayName: String {
        switch self {
        case .smart: return "SMART"
        case .okr: return "OKR"
        case .mbo: return "MBO"
        case .scorecard: return "Scorecard"
        }
    }
}

/// The placeholders a manager fills in.
public enum Placeholder {
    public static let baseline = "⟨baseline⟩"
    public static let target = "⟨target⟩"
    public static let date = "⟨date⟩"
}

/// Where a template field's text comes from.
public struct TemplateSource: Sendable, Equatable, Codable {
    /// The source label as printed (`JFM responsibility (P2)`, `level dimension (Scope)`).
    public var label: String
    /// The canon version of the frame the text was read from.
    public var canonVersion: Int64
    /// The statement wrapped, or nil where the field wraps the frame itself (Relevant).
    public var statementId: Int64?

    public init(label: String, canonVersion: Int64, statementId: Int64?) {
        self.label = label
        self.canonVersion = canonVersion
        self.statementId = statementId
    }
}

/// One field of a template row: `Specific`, `KR2`, `Standard`, …
public struct TemplateField: Sendable, Equatable, Codable {
    public var name: String
    /// The field's text, placeholders included, exactly as printed after its label.
    public var text: String
    /// The canon the text wraps; nil for a fixed template line (Measurable, Time-bound, Target, Due).
    public var source: TemplateSource?
}

/// A part of a template row whose placeholders a goal fills: `main`, or an OKR key result.
public struct TemplateItem: Sendable, Equatable, Codable {
    /// `main` for SMART, MBO and Scorecard rows; `KR1`, `KR2` for OKR key results.
    public var name: String
    /// The 1-based print lines the item's placeholders are on.
    public var firstLine: Int
    public var lastLine: Int
    /// The slots the item's placeholders ask for, in the order baseline, target, date.
    public var slots: [String]
}

/// One row of a framework: a SMART row, an OKR objective, an MBO area or a scorecard line.
public struct TemplateRow: Sendable, Equatable, Codable {
    public var framework: Framework
    /// 1-based, in canon order; scorecard lines are numbered across perspectives.
    public var number: Int
    /// The scorecard perspective (`Internal process`, `Role calibration`); nil elsewhere.
    public var perspective: String?
    /// The statement the row is made from.
    public var source: TemplateSource
    public var fields: [TemplateField]
    /// The row's lines in the print form, without a trailing newline.
    public var printLines: [String]

    /// The items whose placeholders a goal made from this row fills.
    public var items: [TemplateItem] {
        func item(_ name: String, _ first: Int, _ last: Int) -> TemplateItem {
            let text = printLines[(first - 1)...(last - 1)].joined(separator: "\n")
            let slots = [("baseline", Placeholder.baseline), ("target", Placeholder.target), ("date", Placeholder.date)]
                .filter { text.contains($0.1) }.map(\.0)
            return TemplateItem(name: name, firstLine: first, lastLine: last, slots: slots)
        }
        guard framework == .okr else { return [item("main", 1, printLines.count)] }
        // An objective's print lines are the objective, then each key result from its `  KRn. `
        // line to the line before the next (canon text with a line break continues, indented).
        let names = fields.filter { $0.name.hasPrefix("KR") }.map(\.name)
        let starts = names.map { name in (printLines.firstIndex { $0.hasPrefix("  \(name). ") } ?? 0) + 1 }
        return names.indices.map { index in
            item(names[index], starts[index], index + 1 < starts.count ? starts[index + 1] - 1 : printLines.count)
        }
    }
}

/// Renders a frame's templates by the fixed rules of `docs/templates.md`.
///
/// Every line is verbatim canon text or a fixed template wrapping it. Where the canon lacks a
/// field, the line that would wrap it is left out, and nothing stands in its place.
public enum TemplateRenderer {
    /// The rows of one framework for a frame.
    public static func rows(_ framework: Framework, for frame: Frame) -> [TemplateRow] {
        let context = Context(frame: frame)
        switch framework {
        case .smart: return context.smart()
        case .okr: return context.okr()
        case .mbo: return context.mbo()
        case .scorecard: return context.scorecard()
        }
    }

    /// The print form of one framework: the seed page's "Copy / print as text" block, ending in one
    /// newline. Empty when the frame gives the framework no rows.
    public static func printBlock(_ framework: Framework, for frame: Frame) -> String {
        printBlock(rows(framework, for: frame))
    }

    /// The print form of rows of one framework.
    public static func printBlock(_ rows: [TemplateRow]) -> String {
        guard !rows.isEmpty else { return "" }
        var lines: [String] = []
        var perspective: String?
        for row in rows {
            if row.framework == .scorecard {
                if row.perspective != perspective {
                    if perspective != nil { lines.append("") }
                    perspective = row.perspective
                    lines.append(row.perspective ?? "")
                }
            } else if !lines.isEmpty {
                lines.append("")
            }
            lines += row.printLines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// All four frameworks, each after its heading and a blank line, with a blank line between
    /// blocks. A framework with no rows is left out, heading and all.
    public static func printAll(for frame: Frame) -> String {
        Framework.allCases.compactMap { framework in
            let block = printBlock(framework, for: frame)
            return block.isEmpty ? nil : "\(framework.heading)\n\n\(block)"
        }.joined(separator: "\n")
    }

    // MARK: - The rules

    private struct Context {
        let frame: Frame
        let responsibilities: [CanonStatement]
        let dimensions: [CanonStatement]
        /// The canon source as rubric citations spell it (`jfm`).
        let sourceLower: String

        init(frame: Frame) {
            self.frame = frame
            responsibilities = frame.statements(.responsibility)
            dimensions = frame.statements(.dimension)
            sourceLower = frame.canonSource.lowercased()
        }

        func source(_ statement: CanonStatement) -> TemplateSource {
            TemplateSource(label: statement.sourceLabel, canonVersion: frame.canonVersionId, statementId: statement.id)
        }

        func field(_ name: String, _ text: String, _ statement: CanonStatement?) -> TemplateField {
            TemplateField(name: name, text: text, source: statement.map(source))
        }

        /// `Advances the <family> · <function> mandate for a <code> — <title>.`, where the level has a title.
        var relevant: TemplateField? {
            guard let title = frame.levelTitle else { return nil }
            return TemplateField(
                name: "Relevant",
                text: "Advances the \(frame.family) · \(frame.function) mandate for a \(frame.levelCode) — \(title).",
                source: TemplateSource(
                    label: "frame (\(frame.family) · \(frame.function) · \(frame.levelCode))",
                    canonVersion: frame.canonVersionId, statementId: nil))
        }

        func padded(_ label: String, to width: Int) -> String {
            label + String(repeating: " ", count: max(1, width - label.count))
        }

        /// A print line whose canon text may hold line breaks: `prefix` then `text`, each
        /// continuation line indented to where the text began, then split into lines.
        func lines(_ prefix: String, _ text: String) -> [String] {
            (prefix + LineBreaks.indented(text, by: prefix.count)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }

        /// `this level's <name in lower case> bar: "<bar>"`
        func barCitation(_ dimension: CanonStatement) -> String {
            "this level's \((dimension.name ?? "").lowercased()) bar: \"\(dimension.text)\""
        }

        func smart() -> [TemplateRow] {
            let rubric = frame.rubric("complexity/problem-solving")
            return responsibilities.enumerated().map { index, r in
                var fields = [
                    field("Specific", "Deliver: \"\(r.text)\"", r),
                    field(
                        "Measurable", "Move the metric this drives from \(Placeholder.baseline) to \(Placeholder.target) by \(Placeholder.date).", nil
                    ),
                ]
                if let rubric {
                    fields.append(
                        field("Achievable", "Scoped to this level's \(sourceLower) complexity/problem-solving rubric: \"\(rubric.text)\"", rubric))
                }
                if let relevant { fields.append(relevant) }
                fields.append(field("Time-bound", Placeholder.date, nil))
                let lines =
                    self.lines("\(index + 1). ", "\(r.text)  [source: \(r.sourceLabel)]")
                    + fields.flatMap { self.lines("   " + padded("\($0.name):", to: 13), $0.text) }
                return TemplateRow(framework: .smart, number: index + 1, perspective: nil, source: source(r), fields: fields, printLines: lines)
            }
        }

        func okr() -> [TemplateRow] {
            responsibilities.enumerated().map { index, r in
                var fields = [
                    field("KR1", "From \(Placeholder.baseline) to \(Placeholder.target) by \(Placeholder.date) — tied to: \"\(r.text)\"", r)
                ]
                if index < dimensions.count {
                    let dimension = dimensions[index]
                    fields.append(field("KR2", "Evidence at \(barCitation(dimension)) — \(Placeholder.target) by \(Placeholder.date)", dimension))
                }
                let lines =
                    self.lines("Objective \(index + 1): ", "\(r.text)  [source: \(r.sourceLabel)]")
                    + fields.flatMap { self.lines("  \($0.name). ", $0.text) }
                return TemplateRow(
                    framework: .okr, number: index + 1, perspective: nil, source: source(r),
                    fields: [field("Objective", r.text, r)] + fields, printLines: lines)
            }
        }

        func mbo() -> [TemplateRow] {
            let rubric = frame.rubric("knowledge-application")
            return responsibilities.enumerated().map { index, r in
                var fields = [field("Area", r.text, r)]
                var lines = self.lines("\(index + 1). Area: ", "\(r.text)  [source: \(r.sourceLabel) — reused, no distinct responsibility content]")
                if let rubric {
                    let standard = field(
                        "Standard", "Consistent with this level's \(sourceLower) knowledge-application rubric: \"\(rubric.text)\"", rubric)
                    fields.append(standard)
                    lines += self.lines("   Standard: ", standard.text)
                }
                fields += [field("Target", Placeholder.target, nil), field("Due", Placeholder.date, nil)]
                lines.append("   Target:   \(Placeholder.target)   Due: \(Placeholder.date)")
                return TemplateRow(framework: .mbo, number: index + 1, perspective: nil, source: source(r), fields: fields, printLines: lines)
            }
        }

        func scorecard() -> [TemplateRow] {
            let measure = "\(Placeholder.target) by \(Placeholder.date)"
            let internalProcess = responsibilities.map { r in
                (perspective: "Internal process", statement: r, text: "\"\(r.text)\"")
            }
            let calibration = dimensions.map { d in
                (perspective: "Role calibration", statement: d, text: "Meets the \((d.name ?? "").lowercased()) bar: \"\(d.text)\"")
            }
            return (internalProcess + calibration).enumerated().map { index, line in
                TemplateRow(
                    framework: .scorecard, number: index + 1, perspective: line.perspective, source: source(line.statement),
                    fields: [field("Measure", line.text, line.statement), field("Target", measure, nil)],
                    printLines: lines("  - ", "\(line.text)  →  \(measure)   [source: \(line.statement.sourceLabel)]"))
            }
        }
    }
}
