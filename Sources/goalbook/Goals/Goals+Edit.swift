import ArgumentParser
import Foundation
import GoalbookCore

extension Goals {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change goals in your editor: every slot, status and note, one KEY = value line each.",
            discussion: """
                Opens $VISUAL, else $EDITOR, else vi, on a file with a [G42] header per goal, its template text as \
                # comments, and its values. On save every line is checked as goals set would. If anything is wrong, \
                the problems are printed; at a terminal it asks whether to open the file again, with the problems \
                written in and your text kept, and without one it writes nothing and exits 1. An unchanged or emptied file \
                writes nothing. Everything changed is written in one transaction, with history; a goal someone else \
                changed while the file was open is not saved, and the message says who changed what.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var when: DateOption
        @OptionGroup var selection: GoalSelection
        @Flag(help: "Let a goal with unfilled slots become active (status = active).") var unfilled = false

        func run() throws {
            let service = GoalService(try database.open())
            let goals = try selection.goal.map { [try service.goal($0)] } ?? service.goals(selection.filter)
            guard !goals.isEmpty else { return print("No goals to edit.") }
            let snapshot = try service.editSnapshot(goals)
            let original = GoalEditFile.render(goals)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("goalbook-edit-\(getpid()).txt").path
            guard FileManager.default.createFile(atPath: file, contents: Data(original.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw GoalbookError.invalidArgument("cannot write the temporary file \(file)")
            }
            defer { try? FileManager.default.removeItem(atPath: file) }
            let environment = ProcessInfo.processInfo.environment
            let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
            while true {
                let editorProcess = Process()
                editorProcess.executableURL = URL(fileURLWithPath: "/bin/sh")
                editorProcess.arguments = ["-c", "\(editor) \"$1\"", "goalbook-editor", file]
                try editorProcess.run()
                editorProcess.waitUntilExit()
                guard editorProcess.terminationStatus == 0 else {
                    throw GoalbookError.refused("the editor (\(editor)) exited with status \(editorProcess.terminationStatus); nothing was written")
                }
                let text = GoalEditFile.withoutProblems(String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self))
                if text == original || text.allSatisfy(\.isWhitespace) {
                    return print(text == original ? "The file is unchanged; nothing was written." : "The file was emptied; nothing was written.")
                }
                let (sections, problems) = GoalEditFile.parse(text, goals: goals)
                let all = problems.isEmpty ? try service.checkEdit(sections, goals: goals, unfilled: unfilled) : problems
                guard all.isEmpty else {
                    printError("\(all.count) problem\(all.count == 1 ? "" : "s") in the file:")
                    for problem in all.sorted(by: { $0.line < $1.line }) {
                        printError("  \(problem.line > 0 ? "line \(problem.line): " : "")\(problem.message)")
                    }
                    // Like git commit: ask before reopening, so an editor that does not wait can never loop.
                    guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
                        printError("Nothing was written.")
                        throw ExitCode.failure
                    }
                    FileHandle.standardError.write(Data("Open the file again to fix them? [Y/n] ".utf8))
                    guard let answer = readLine(), !["n", "no"].contains(answer.trimmingBlanks().lowercased()) else {
                        printError("Nothing was written.")
                        throw ExitCode.failure
                    }
                    try Data(GoalEditFile.annotate(text, problems: all).utf8).write(to: URL(fileURLWithPath: file))
                    continue
                }
                let result = try service.saveEdit(
                    sections, goals: goals, snapshot: snapshot, unfilled: unfilled, actor: database.actor, dated: when.date)
                for (goal, change) in result.changes {
                    print(change.line(goal))
                }
                if result.changes.isEmpty && result.conflicts.isEmpty { print("Nothing changed; nothing was written.") }
                for conflict in result.conflicts { printError(conflict) }
                if !result.conflicts.isEmpty { throw ExitCode.failure }
                return
            }
        }
    }
}
