import Foundation

/// Reads and checks canon files named by the user, all before anything is written.
public enum CanonFiles {
    /// The largest canon file read: real job-architecture files are kilobytes; a bigger one is
    /// refused at once rather than parsed for seconds.
    public static let maximumBytes = 4 * 1024 * 1024

    /// Parses every file. Problems in all files are gathered into one ``GoalbookError/badInput(_:)``;
    /// with `strict`, warnings count as problems too.
    public static func read(_ paths: [String], format: CanonFormat?, family: String?, strict: Bool) throws -> [CanonDocument] {
        var documents: [CanonDocument] = []
        var problems: [InputIssue] = []
        for path in paths {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumBytes {
                problems.append(
                    InputIssue(
                        file: path, line: nil,
                        message: "the file is \(size / 1024 / 1024) MiB: canon files are read up to "
                            + "\(maximumBytes / 1024 / 1024) MiB (a job-architecture file is usually a few KiB); nothing was read"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(.unreadable(path))
                continue
            }
            do {
                let document = try CanonParser.parse(bytes: Array(data), fileName: path, format: format, family: family)
                if strict && !document.warnings.isEmpty {
                    problems += document.warnings.map {
                        InputIssue(file: $0.file, line: $0.line, column: $0.column, message: $0.message + " (an error under --strict)")
                    }
                }
                documents.append(document)
            } catch GoalbookError.badInput(let issues) {
                problems += issues
            }
        }
        if !problems.isEmpty { throw GoalbookError.badInput(problems) }
        return documents
    }
}
