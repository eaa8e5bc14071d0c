import ArgumentParser
import GoalbookCore

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
