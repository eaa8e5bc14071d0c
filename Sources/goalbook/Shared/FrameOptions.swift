import ArgumentParser
import GoalbookCore

/// How a command names one job frame.
struct FrameOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The function, e.g. \"AI / Machine Learning Engineering\".", valueName: "name"))
    var function: String

    @Option(help: ArgumentHelp("The level code, e.g. P2.", valueName: "code"))
    var level: String

    @Option(help: ArgumentHelp("The family, needed only when the function name is in several.", valueName: "name"))
    var family: String?

    func frame(in canon: CanonService) throws -> Frame {
        try canon.frame(function: function, level: level, family: family)
    }
}
