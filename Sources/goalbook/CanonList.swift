import ArgumentParser
import GoalbookCore

struct CanonList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the job frames: family, function, level, title and what each holds.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "table or json.") var format: ListFormat = .table

    func run() throws {
        let frames = try database.open().frameSummaries()
        switch format {
        case .table: writeOut(FrameText.list(frames))
        case .json: writeOut(try jsonText(frames))
        }
    }
}
