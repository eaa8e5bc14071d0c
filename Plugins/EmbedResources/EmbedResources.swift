import Foundation
import PackagePlugin

/// Makes `Embedded.swift` at build time from `migrations/*/*.sql` and `canon/*`, so that the
/// binary carries its schema and built-in canon inside itself and no generated file is committed.
/// SwiftPM reruns the tool whenever one of those files changes, and re-plans when one is added.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let migrations = try files(in: root.appending(path: "migrations/sqlite"), extensions: ["sql"])
        let postgres = try files(in: root.appending(path: "migrations/postgres"), extensions: ["sql"])
        let canon = try files(in: root.appending(path: "canon"), extensions: ["yaml", "txt"])
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded.swift")
        let groups: [(flag: String, files: [URL])] = [
            ("--migrations", migrations), ("--postgres-migrations", postgres), ("--canon", canon),
        ]
        let arguments: [String] = [output.path] + groups.flatMap { [$0.flag] + $0.files.map(\.path) }
        return [
            .buildCommand(
                displayName: "Embedding \(migrations.count + postgres.count) migrations and \(canon.count) canon files",
                executable: try context.tool(named: "embed-resources").url,
                arguments: arguments,
                inputFiles: migrations + postgres + canon,
                outputFiles: [output]
            )
        ]
    }

    /// The folder's files with one of the extensions, in file-name order (the order migrations apply).
    private func files(in folder: URL, extensions: Set<String>) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { extensions.contains($0.pathExtension) && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
