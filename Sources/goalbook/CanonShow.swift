import ArgumentParser
import GoalbookCore

struct CanonShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show everything the canon says about one job frame, verbatim.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var frameOptions: FrameOptions
    @Option(help: "text or json.") var format: TextFormat = .text

    func run() throws {
        let frame = try frameOptions.frame(in: database.open())
        switch format {
        case .text: writeOut(FrameText.show(frame))
        case .json: writeOut(try jsonText(FrameJSON(frame)))
        }
    }
}

/// Output formats for one thing shown.
enum TextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A frame as JSON: the frame's identity and every statement with its ids.
struct FrameJSON: Encodable {
    var family: String
    var function: String
    var level: String
    var title: String?
    var frameId: Int64
    var frameVersionId: Int64
    var canonVersion: Int64
    var source: String
    var release: String?
    var statements: [CanonStatement]?

    init(_ frame: Frame) {
        family = frame.family
        function = frame.function
        level = frame.levelCode
        title = frame.levelTitle
        frameId = frame.frameId
        frameVersionId = frame.frameVersionId
        canonVersion = frame.canonVersionId
        source = frame.canonSource
        release = frame.canonRelease
        statements = frame.statements
    }
}
