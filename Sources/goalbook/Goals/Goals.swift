import ArgumentParser
import GoalbookCore

struct Goals: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals",
        abstract: "Create goals from templates, fill them, move them through their lives, and read their history.",
        discussion: """
            A goal is one template row of its person's job frame, with its own copy of the text. Its \
            ⟨baseline⟩, ⟨target⟩ and ⟨date⟩ are slots to fill with goals set. Status runs draft → active → \
            done or dropped; goals carry marks active goals carried. Goals are never deleted, and every \
            change is kept: goals log shows it, --as-of rebuilds the past. goals align ties a goal to the one \
            it contributes to, goals tree shows the roll-up, goals weight says how much a goal counts, and \
            goals score grades it at the quarter's end.
            """,
        subcommands: [
            Goals.Add.self, Goals.Assign.self, Goals.List.self, Goals.Show.self, Goals.Set.self, Goals.Status.self,
            Goals.Log.self, Goals.Carry.self, Goals.Fill.self, Goals.Edit.self, Goals.Align.self, Goals.Tree.self,
            Goals.Weight.self, Goals.Score.self,
        ])
}
