import ArgumentParser
import Foundation
import GoalbookCore

extension Goals {
    struct Fill: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fill", abstract: "Fill the unfilled slots of goals at a prompt, one answer at a time.",
            discussion: """
                For each unfilled slot it shows the goal, the template line with the placeholder marked, and what \
                it expects. An empty answer skips the slot, ? shows help, = keeps the value the same goal had last \
                quarter, and a bad value is explained and asked again. Nothing is written until the end; then every \
                answer is written in one transaction, with history. Ctrl-D stops early and asks whether to save; \
                Ctrl-C writes nothing. Where standard input is not a terminal it reads one answer per line, with \
                no prompts, and saves what was answered at the end of the input.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @OptionGroup var selection: GoalSelection
        @Option(help: "Only slots of this kind.") var only: SlotName?

        func run() throws {
            let goals = GoalService(try database.open())
            let questions = try goals.fillQuestions(selection.filter, goal: selection.goal, only: only)
            guard !questions.isEmpty else { return print("Nothing to fill: every slot asked for has a value.") }
            let interactive = isatty(STDIN_FILENO) == 1
            var answers: [FillAnswer] = []
            var stopped = false
            var shownGoal: Int64?
            questions: for (number, question) in questions.enumerated() {
                if interactive && shownGoal != question.goalId {
                    shownGoal = question.goalId
                    print(
                        "\n\(GoalID.format(question.goalId))  \(question.personName) (\(question.employeeId)) · \(question.row)\n  "
                            + "\(LineBreaks.flattened(question.title))"
                    )
                }
                while true {
                    if interactive {
                        print(
                            "\n  \(question.line)\n  \(question.name) (\(number + 1) of \(questions.count)): \(question.expects(after: answers))"
                                + (question.previous.map { "; = keeps last quarter's \($0)" } ?? ""))
                        print("  > ", terminator: "")
                    }
                    guard let line = readLine() else {
                        stopped = true
                        break questions
                    }
                    let answer = line.trimmingBlanks()
                    if answer.isEmpty { continue questions }
                    if answer == "?" {
                        let help =
                            "\(question.name): \(question.expects(after: answers)). Empty skips it, = keeps last quarter's value"
                            + (question.previous.map { " (\($0))" } ?? " (this goal has none)") + ", Ctrl-D stops and asks whether to save."
                        interactive ? print("  " + help) : printError(help)
                        continue
                    }
                    var value = answer
                    if answer == "=" {
                        guard let previous = question.previous else {
                            printError("  \(question.name): this goal has no value from last quarter; type one, or leave it empty to skip")
                            continue
                        }
                        value = previous
                    }
                    let candidate = FillAnswer(goalId: question.goalId, item: question.item, slot: question.slot, value: value)
                    do {
                        try goals.checkFill(candidate, after: answers)
                        answers.append(candidate)
                        continue questions
                    } catch let error as GoalbookError {
                        printError("  \(GoalID.format(question.goalId)) \(error.errorDescription ?? "\(error)"); try again")
                    }
                }
            }
            if stopped && interactive && !answers.isEmpty {
                print("\nSave the \(answers.count) answer\(answers.count == 1 ? "" : "s") given so far? [y/N] ", terminator: "")
                // Standard input has ended (Ctrl-D); the answer comes from the terminal itself.
                let reply = FileHandle(forReadingAtPath: "/dev/tty").map { terminal -> String in
                    var bytes: [UInt8] = []
                    while let byte = try? terminal.read(upToCount: 1)?.first, byte != 0x0A { bytes.append(byte) }
                    return String(decoding: bytes, as: UTF8.self)
                }
                guard reply?.lowercased().hasPrefix("y") == true else { return print("\nNothing was written.") }
            }
            guard !answers.isEmpty else { return print("Nothing was answered; nothing was written.") }
            let changes = try goals.saveFill(answers, actor: database.actor, dated: when.date)
            for (goal, change) in changes {
                print(change.line(goal))
            }
        }
    }
}
