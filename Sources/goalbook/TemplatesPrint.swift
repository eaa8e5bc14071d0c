import ArgumentParser
import GoalbookCore

struct TemplatesPrint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a frame's templates: SMART, OKRs, MBO areas and Scorecard, exactly from canon.",
        discussion: "Rules: docs/templates.md. Rows are omitted, never invented, where the canon lacks a field.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var frameOptions: FrameOptions
    @Option(help: "smart, okr, mbo or scorecard (default: all four).") var framework: Framework?
    @Option(help: "text or json.") var format: TextFormat = .text

    func run() throws {
        let frame = try frameOptions.frame(in: database.open())
        let frameworks = framework.map { [$0] } ?? Framework.allCases
        switch format {
        case .json:
            writeOut(try jsonText(TemplatesJSON(frame: frame, frameworks: frameworks)))
        case .text:
            let text = framework.map { TemplateRenderer.printBlock($0, for: frame) } ?? TemplateRenderer.printAll(for: frame)
            if text.isEmpty {
                printError("note: the canon gives \(frame.displayName) no rows for \(frameworks.map(\.heading).joined(separator: ", "))")
            }
            writeOut(text)
        }
    }
}

/// Templates as data, so a program never parses the text.
struct TemplatesJSON: Encodable {
    struct Block: Encodable {
        var framework: Framework
        var rows: [TemplateRow]
    }
    var frame: FrameJSON
    var frameworks: [Block]

    init(frame: Frame, frameworks: [Framework]) {
        var identity = FrameJSON(frame)
        identity.statements = nil
        self.frame = identity
        self.frameworks = frameworks.map { Block(framework: $0, rows: TemplateRenderer.rows($0, for: frame)) }
    }
}
