import ArgumentParser
import Foundation
import GoalbookCore

/// `--team` and `--below`, read the same way by every command that takes a team: a team is its
/// head and everyone below them at any depth; `--below` leaves the head out.
struct TeamOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A team: this manager and everyone below them, at any depth.", valueName: "id"))
    var team: String?

    @Flag(help: "With --team: only the people below the manager, not the manager.")
    var below = false

    func validate() throws {
        if below && team == nil { throw ValidationError("--below goes with --team.") }
    }
}
