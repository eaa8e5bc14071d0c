import Foundation
import GoalbookCore

/// Everything goalbook writes goes through here. Writes to standard output are checked (a full
/// disk or /dev/full is a message and exit 1, never a silent empty file), and on a terminal,
/// control characters and bidi controls in the data are shown escaped (``TerminalText``).
enum Output {
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1
    /// Set by the txt report when it paints its tracks: those colour sequences pass on a terminal.
    nonisolated(unsafe) static var keepColors = false

    /// What waits to be written when standard output is a file or a pipe (a terminal gets each
    /// piece at once, so a prompt shows before its answer is read).
    nonisolated(unsafe) private static var pending = ""

    /// Writes `text` to standard output as it is (escaped on a terminal); exits 1 when it cannot.
    static func write(_ text: String) {
        if stdoutIsTerminal {
            if let code = FileWriter.writeAll(STDOUT_FILENO, TerminalText.visible(text, keepingColors: keepColors)) { fail(code) }
            return
        }
        pending += text
        if pending.utf8.count >= 64 * 1024 { finish() }
    }

    /// Writes UTF-8 text to standard output: to a file or a pipe as it is, after what is pending;
    /// to a terminal escaped, as ``write(_:)`` does.
    static func write(bytes: [UInt8]) {
        if stdoutIsTerminal { return write(String(decoding: bytes, as: UTF8.self)) }
        finish()
        if let code = FileWriter.writeAll(STDOUT_FILENO, bytes) { fail(code) }
    }

    /// Writes what is pending; exits 1 when it did not all arrive.
    static func finish() {
        guard !pending.isEmpty else { return }
        let text = pending
        pending = ""
        if let code = FileWriter.writeAll(STDOUT_FILENO, text) { fail(code) }
    }

    static func fail(_ code: Int32) -> Never {
        let reason = String(cString: strerror(code))
        FileHandle.standardError.write(Data("goalbook: cannot write to standard output: \(reason)\n".utf8))
        exit(1)
    }

    /// Writes a line to standard error (escaped on a terminal).
    static func error(_ text: String) {
        let shown = stderrIsTerminal ? TerminalText.visible(text) : text
        FileHandle.standardError.write(Data((shown + "\n").utf8))
    }
}

/// `print` as every command calls it, through ``Output``.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Output.write(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

/// Writes to standard error (warnings and notes; results go to standard output).
func printError(_ text: String) {
    Output.error(text)
}

/// Writes text to standard output exactly as given, with no newline added.
func writeOut(_ text: String) {
    Output.write(text)
}

/// Writes a file that `render` streams (`report -o`, `templates print -o`) through
/// ``FileWriter``: never over the database, never half a file.
func writeFile(_ output: String, database: String?, _ render: (TextSink) -> Void) throws {
    try FileWriter.write(to: output, protecting: database, render)
}

/// JSON as Goalbook prints it (``JSONWriter/document(_:)``).
func jsonText<T: Encodable>(_ value: T) throws -> String { try JSONWriter.document(value) }

extension Output {
    /// A progress line on standard error for long work, when standard error is a terminal and
    /// `NO_PROGRESS` is not set; nil otherwise (a pipe or a file gets no progress at all).
    static func progress(_ what: String) -> ProgressMeter? {
        guard stderrIsTerminal, (ProcessInfo.processInfo.environment["NO_PROGRESS"] ?? "").isEmpty else { return nil }
        return ProgressMeter(what) { text in _ = FileWriter.writeAll(STDERR_FILENO, text) }
    }

    /// Runs `body` with a progress line (or none), ended when it returns and erased when it throws.
    static func withProgress<T>(_ what: String, _ body: (ProgressMeter?) throws -> T) rethrows -> T {
        let meter = progress(what)
        do {
            let result = try body(meter)
            meter?.finish()
            return result
        } catch {
            meter?.clear()
            throw error
        }
    }
}
