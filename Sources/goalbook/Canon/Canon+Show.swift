import ArgumentParser
import GoalbookCore

extension Canon {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show everything the canon says about one job frame, verbatim.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var frameOptions: FrameSelection
        @Option(help: "How to print it.") var format: TextFormat = .text

        func run() throws {
            let frame = try frameOptions.frame(in: database.open())
            switch format {
            case .text: writeOut(FrameText.show(frame))
            case .json: writeOut(try jsonText(FrameJSON(frame)))
            }
        }
    }
}
