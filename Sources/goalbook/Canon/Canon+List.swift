import ArgumentParser
import GoalbookCore

extension Canon {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the job frames: family, function, level, title and what each holds.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "How to print the list.") var format: ListFormat = .text

        func run() throws {
            let frames = try CanonService(try database.open()).frames()
            switch format {
            case .text: writeOut(FrameText.list(frames))
            case .json: writeOut(try jsonText(frames))
            case .csv:
                writeOut(
                    CSVWriter.line([
                        "family", "function", "level", "title", "responsibilities", "dimensions", "rubrics", "canon_version", "source", "release",
                    ])
                        + frames.map {
                            CSVWriter.line([
                                $0.family, $0.function, $0.level, $0.title ?? "", "\($0.responsibilities)", "\($0.dimensions)",
                                "\($0.rubrics)", "\($0.canonVersion)", $0.source, $0.release ?? "",
                            ])
                        }.joined())
            }
        }
    }
}
