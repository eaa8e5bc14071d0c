import ArgumentParser
import GoalbookCore

extension Templates {
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract: "Print a frame's templates: SMART, OKRs, MBO areas and Scorecard, exactly from canon.",
            discussion: """
                Rules: docs/templates.md. Rows are omitted, never invented, where the canon lacks a field. \
                --format html writes the template page (seed 000's): every framework's rich rows and a \
                "Copy / print as text" control holding the text form, in one self-contained file.
                """)

        enum Format: String, OptionValue { case text, json, html }

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var frameOptions: FrameSelection
        @Option(help: "One framework (default: all four).") var framework: Framework?
        @Option(help: "How to print them.") var format: Format = .text
        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

        func run() throws {
            let frame = try frameOptions.frame(in: database.open())
            let frameworks = framework.map { [$0] } ?? Framework.allCases
            let text: String
            switch format {
            case .json: text = try jsonText(TemplatesJSON(frame: frame, frameworks: frameworks))
            case .html: text = TemplatePage.html(frame, frameworks: frameworks)
            case .text:
                text = framework.map { TemplateRenderer.printBlock($0, for: frame) } ?? TemplateRenderer.printAll(for: frame)
                if text.isEmpty {
                    printError("note: the canon gives \(frame.displayName) no rows for \(frameworks.map(\.heading).joined(separator: ", "))")
                }
            }
            guard let output else { return writeOut(text) }
            try writeFile(output, database: database.path) { $0 += text }
            printError("Wrote the templates of \(frame.displayName) (\(format.rawValue)) to \(output).")
        }
    }
}
