import ArgumentParser
import GoalbookCore

struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin", abstract: "Record progress on a goal: a value in the goal's unit, on a date in its quarter.",
        discussion: """
            Example: goalbook checkin G42 27% --item KR1 --date 2026-11-03 --confidence 7
            Check-ins are never edited: goalbook checkin G42 --corrects C17 25% records a correction.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("Goal id, e.g. G42.", valueName: "goal"), transform: Parse.goal) var goal: Int64
    @Argument(help: ArgumentHelp("The value, in the goal's unit (27%, 40 ms).", valueName: "value")) var value: String
    @Option(help: ArgumentHelp("The key result (KR1, KR2) where a goal has several.", valueName: "item")) var item: String?
    @Option(
        help: ArgumentHelp("The day the value is for (default: today); inside the quarter, never in the future.", valueName: "date"),
        transform: Parse.day) var date: Day?
    @Option(help: "A note for the record.") var note: String?
    @Option(help: "How confident you are of reaching the target, 0–10.") var confidence: Int?
    @Option(help: ArgumentHelp("The check-in this one corrects, e.g. C17.", valueName: "checkin"), transform: CheckIn.parseId) var corrects: Int64?

    func run() throws {
        let checkin = try CheckInService(try database.open()).checkIn(
            goal, value: value, item: item.map(Goal.itemName), on: date,
            note: note, confidence: confidence, corrects: corrects, actor: database.actor)
        print(
            "\(checkin.displayId)  \(GoalID.format(goal))  \(checkin.item == "main" ? "" : checkin.item + " ")\(checkin.value) on "
                + "\(checkin.checkedOn)"
                + (checkin.corrects.map { " (corrects C\($0))" } ?? ""))
    }
}
