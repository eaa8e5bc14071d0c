import ArgumentParser
import GoalbookCore

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
