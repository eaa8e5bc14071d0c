import ArgumentParser
import Foundation
import GoalbookCore

extension Canon {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import canon files: job-frame YAML or career-ladder text.",
            discussion: """
                Every file is read and checked before anything is written, and all of them are imported in \
                one transaction: one bad file imports nothing. A file whose exact bytes were imported before \
                changes nothing. See docs/canon-format.md for the formats.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "The files' format (default: detected from the file name and content).")
        var format: CanonFormat?

        @Option(help: ArgumentHelp("The family of a ladder's function (ladders do not name one).", valueName: "name"))
        var family: String?

        @Flag(help: "Treat warnings about artefacts in the files as errors.")
        var strict = false

        @Argument(help: ArgumentHelp("Canon files to import.", valueName: "file"))
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one canon file to import.") }
        }

        func run() throws {
            let documents = try CanonFiles.read(files, format: format, family: family, strict: strict)
            for warning in documents.flatMap(\.warnings) { printError("warning: \(warning)") }
            let store = try database.open()
            let outcomes = try Output.withProgress("Importing frames") { progress in
                try CanonService(store).importCanon(documents, actor: database.actor, progress: progress)
            }
            for outcome in outcomes {
                switch outcome.status {
                case .unchanged:
                    print("\(outcome.fileName): unchanged, identical to canon version \(outcome.canonVersionId); nothing imported")
                case .imported:
                    print(
                        "\(outcome.fileName): imported as canon version \(outcome.canonVersionId): "
                            + "\(outcome.framesAdded) new, \(outcome.framesChanged) changed, \(outcome.framesUnchanged) unchanged frames")
                }
            }
        }
    }
}
