/// A frame's templates as the page a manager opens with a person (seed 000): a title, the frame,
/// the promise that rows are omitted and never invented, then each framework with its heading,
/// a one-line description, its rich rows, and a "Copy / print as text" control holding the print
/// block. One self-contained HTML file: inline CSS and a few lines of inline script (the copy
/// button), nothing fetched; it reads the same with scripts off.
///
/// Every text is canon or fixed wording, and the same rules as the print form decide what appears:
/// the rich rows are drawn from the same ``TemplateRow``s, so a frame without rubrics has no
/// Achievable line here either, and one with fewer dimensions fewer KR2 bullets.
public enum TemplatePage {
    /// The fixed one-line description under each framework's heading.
    public static func description(_ framework: Framework) -> String {
        switch framework {
        case .smart: return "One row per canon core output / responsibility this level owns."
        case .okr: return "Objectives from this level's core outputs; key results only where a real dimension or capability backs them."
        case .mbo:
            return "Key result areas from this level's responsibilities, each with a standard grounded in the canon leveling rubric where one exists."
        case .scorecard:
            return "Only perspectives with real canon backing are shown — no Financial or Customer perspective, since nothing in the canon "
                + "grounds business-financial or customer measures for a role alone."
        }
    }

    /// The promise the page opens with.
    public static let intro =
        "These are canon-derived frames, not advice: every line is either verbatim JobFrame canon text or a fixed "
        + "template wrapping it. ⟨target⟩ / ⟨baseline⟩ / ⟨date⟩ are placeholders for the manager to fill in. Nothing here is generated "
        + "by AI — rows are omitted, never invented, when the canon lacks the underlying field."

    /// The page for `frame`, with `frameworks` (all four by default) in their order; a framework
    /// the canon gives no rows is left out, heading and all.
    public static func html(_ frame: Frame, frameworks: [Framework] = Framework.allCases) -> String {
        let name = "\(frame.function) — \(frame.levelCode)"
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(name))</title>
            <style>
            \(css)
            </style>
            <script>
            \(script)
            </script>
            </head>
            <body>
            <header class="site">\(escape(name))</header>
            <h1>\(escape("Goal templates — \(name)"))</h1>
            <p class="frame">\(escape(frame.displayName + (frame.levelTitle.map { " — \($0)" } ?? "")))</p>
            <p class="intro">\(escape(intro))</p>

            """
        for framework in frameworks {
            let rows = TemplateRenderer.rows(framework, for: frame)
            guard !rows.isEmpty else { continue }
            html += "<section class=\"framework\" id=\"\(framework.rawValue)\">\n<h2>\(escape(framework.heading))</h2>\n"
            html += "<p class=\"description\">\(escape(description(framework)))</p>\n"
            switch framework {
            case .smart, .okr: html += rowsWithFields(rows, framework: framework)
            case .mbo: html += mboTable(rows)
            case .scorecard: html += scorecard(rows)
            }
            html +=
                "<details class=\"print\" data-framework=\"\(framework.rawValue)\"><summary>Copy / print as text<span class=\"show\">show "
                + "▾</span></summary>"
            html += "<pre>\(escape(TemplateRenderer.printBlock(rows)))</pre></details>\n</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    // MARK: - Rich rows

    /// SMART rows and OKR objectives: the source label, the responsibility, then the fields
    /// (SMART: each under its label; OKR: the key results as bullets).
    static func rowsWithFields(_ rows: [TemplateRow], framework: Framework) -> String {
        var html = ""
        for row in rows {
            let statement = row.fields.first { $0.source?.statementId == row.source.statementId }
            html += "<article class=\"row\" id=\"\(framework.rawValue)-\(row.number)\">\n"
            html += "<p class=\"source\">\(escape(row.source.label))</p>\n"
            html += "<p class=\"statement\">\(escape(responsibility(row, field: statement)))</p>\n"
            if framework == .smart {
                html += "<dl>\n"
                for field in row.fields {
                    html += "<dt\(sourceTitle(field))>\(escape(field.name))</dt><dd>\(escape(field.text))</dd>\n"
                }
                html += "</dl>\n"
            } else {
                html += "<ul class=\"bullets\">\n"
                for field in row.fields where field.name.hasPrefix("KR") {
                    html += "<li\(sourceTitle(field))><span class=\"bullet\">• </span>\(escape(field.text))</li>\n"
                }
                html += "</ul>\n"
            }
            html += "</article>\n"
        }
        return html
    }

    /// The responsibility a row is made from: an OKR objective's own text, else the canon text
    /// the SMART Specific line quotes.
    static func responsibility(_ row: TemplateRow, field: TemplateField?) -> String {
        if let objective = row.fields.first(where: { $0.name == "Objective" || $0.name == "Area" }) { return objective.text }
        guard let text = field?.text, text.hasPrefix("Deliver: \""), text.hasSuffix("\"") else { return field?.text ?? "" }
        return String(text.dropFirst("Deliver: \"".count).dropLast())
    }

    /// MBO areas as a table: Area, Standard (only where the rubric exists), Target, Due.
    static func mboTable(_ rows: [TemplateRow]) -> String {
        let columns = ["Area", "Standard", "Target", "Due"].filter { name in rows.contains { $0.fields.contains { $0.name == name } } }
        var html = "<table class=\"mbo\">\n<thead><tr>" + columns.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr class=\"row\" title=\"\(escape(row.source.label))\">"
            for column in columns {
                let field = row.fields.first { $0.name == column }
                html += "<td\(field.map(sourceTitle) ?? "")>\(escape(field?.text ?? ""))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The scorecard's perspectives, each line a bullet: the measure, then its target.
    static func scorecard(_ rows: [TemplateRow]) -> String {
        var html = ""
        var perspective: String?
        for row in rows {
            if row.perspective != perspective {
                if perspective != nil { html += "</ul>\n" }
                perspective = row.perspective
                html += "<h3>\(escape(row.perspective ?? ""))</h3>\n<ul class=\"bullets\">\n"
            }
            let measure = row.fields.first { $0.name == "Measure" }
            let target = row.fields.first { $0.name == "Target" }
            html +=
                "<li class=\"row\" title=\"\(escape(row.source.label))\"><span class=\"bullet\">• </span>\(escape(measure?.text ?? ""))"
                + "<span class=\"target\">\(escape(target?.text ?? ""))</span></li>\n"
        }
        return html + (perspective == nil ? "" : "</ul>\n")
    }

    /// ` title="JFM responsibility (P2)"` for a field that wraps canon: the source label of every
    /// rich line, where the page has no room for it as text (the seed page shows none there).
    static func sourceTitle(_ field: TemplateField) -> String {
        field.source.map { " title=\"\(escape($0.label))\"" } ?? ""
    }

    /// Text for HTML: the five characters that mean something there are escaped, nothing else changes.
    static func escape(_ text: String) -> String { ReportHTML.escape(text) }

    // MARK: - Style and the copy control

    static let css = """
        @page { size: A4; margin: 16mm 14mm; }
        * { box-sizing: border-box; }
        body { font: 10.5pt/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d232b;
               margin: 0 auto; max-width: 182mm; padding: 6mm 0 12mm; }
        header.site { color: #5b6570; font-size: 9pt; margin-bottom: 4pt; }
        h1 { font-size: 17pt; margin: 0 0 3pt; }
        h2 { font-size: 13pt; margin: 18pt 0 2pt; border-bottom: 1.5pt solid #1d232b; padding-bottom: 2pt; break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; }
        p { margin: 0 0 6pt; }
        .frame { font-weight: 600; }
        .intro { color: #3d4650; }
        .description { color: #5b6570; font-style: italic; }
        article.row { border: 0.5pt solid #d5dae0; border-radius: 4pt; padding: 6pt 8pt; margin: 6pt 0; break-inside: avoid; page-break-inside: \
        avoid; }
        .source { color: #5b6570; font-size: 8.5pt; text-transform: none; margin-bottom: 2pt; }
        .statement { font-weight: 600; }
        dl { display: grid; grid-template-columns: 7.5em 1fr; gap: 2pt 8pt; margin: 0; }
        dt { color: #5b6570; font-weight: 600; }
        dd { margin: 0; }
        ul.bullets { list-style: none; padding-left: 0.6em; margin: 2pt 0; }
        ul.bullets li { margin: 2pt 0; break-inside: avoid; page-break-inside: avoid; }
        .bullet { color: #5b6570; }
        .target { margin-left: 0.6em; color: #3d4650; white-space: nowrap; }
        table.mbo { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 4pt 0; }
        table.mbo th, table.mbo td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 0.5pt solid #d5dae0; }
        table.mbo th { background: #f3f5f7; color: #3d4650; }
        table.mbo tr { break-inside: avoid; page-break-inside: avoid; }
        details.print { margin: 6pt 0 0; border: 0.5pt dashed #aab2bb; border-radius: 4pt; padding: 4pt 8pt; break-inside: avoid; }
        details.print summary { cursor: pointer; font-weight: 600; color: #2b5d8a; }
        details.print summary .show { margin-left: 0.6em; font-weight: 400; color: #5b6570; }
        details.print[open] summary .show { visibility: hidden; }
        details.print.copied summary::after { content: "  copied"; font-weight: 400; color: #2e7d4f; }
        pre { white-space: pre-wrap; font: 8.5pt/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; margin: 6pt 0 2pt; }
        @media print { details.print summary .show { display: none; } }
        """

    /// Opening a "Copy / print as text" control copies its print block, exactly, to the clipboard;
    /// the block opens whatever the script can do. Printing opens every block.
    static let script = """
        document.addEventListener("toggle", function (event) {
          var block = event.target;
          if (!block.classList || !block.classList.contains("print") || !block.open) return;
          var text = block.querySelector("pre").textContent;
          var done = function () { block.classList.add("copied"); };
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(done, function () {});
          }
        }, true);
        window.addEventListener("beforeprint", function () {
          document.querySelectorAll("details.print").forEach(function (block) { block.open = true; });
        });
        """
}
