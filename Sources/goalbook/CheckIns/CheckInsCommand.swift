import ArgumentParser
import GoalbookCore

struct CheckInsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkins", abstract: "List a goal's check-ins, oldest first.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
    @Option(help: "How to print them.") var format: TextFormat = .text

    func run() throws {
        let checkins = try CheckInService(try database.open()).checkins(goal)
        switch format {
        case .json: writeOut(try jsonText(checkins))
        case .text:
            let corrected = Set(checkins.compactMap(\.corrects))
            for c in checkins {
                print(
                    "\(c.displayId)  \(c.checkedOn)  \(c.item == "main" ? "" : c.item + "  ")\(c.value)"
                        + (c.confidence.map { "  confidence \($0)" } ?? "") + (c.corrects.map { "  corrects C\($0)" } ?? "")
                        + (corrected.contains(c.id) ? "  (corrected)" : "") + "  by \(c.actor) at \(c.recordedAt)"
                        + (c.note.map { "  — \($0)" } ?? ""))
            }
        }
    }
}
