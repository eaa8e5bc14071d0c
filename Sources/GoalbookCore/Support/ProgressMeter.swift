import Foundation

/// A progress line for long work, on a terminal: `Importing people  12,000/20,000  60%  8,100/s`,
/// rewritten in place (at most ten times a second) and ended with a newline by ``finish()``.
/// The command line makes one only when standard error is a terminal and `NO_PROGRESS` is not
/// set; everywhere else the work gets nil and pays one nil check per step.
public final class ProgressMeter: @unchecked Sendable {
    private let what: String
    private let write: (String) -> Void
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastShown: UInt64 = 0
    private var done = 0
    private var total: Int?
    private var shownWidth = 0
    private let lock = NSLock()

    /// `write` receives each rendering, carriage return included.
    public init(_ what: String, write: @escaping (String) -> Void) {
        self.what = what
        self.write = write
    }

    /// How far the work is, in absolute terms: a transaction that runs again counts from its
    /// start again, without the line going past the total.
    public func update(done: Int, total: Int?) {
        lock.lock()
        defer { lock.unlock() }
        self.done = done
        self.total = total
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastShown >= 100_000_000 || done == total else { return }
        lastShown = now
        show(now)
    }

    /// Shows the last state and ends the line.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        show(DispatchTime.now().uptimeNanoseconds)
        write("\n")
    }

    /// Erases the line, for a command that stops with an error.
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        write("\r" + String(repeating: " ", count: shownWidth) + "\r")
    }

    private func show(_ now: UInt64) {
        let seconds = Double(now - started) / 1e9
        var line = "\(what)  \(Self.grouped(done))"
        if let total, total > 0 {
            line += "/\(Self.grouped(total))  \(min(100, done * 100 / total))%"
        }
        if seconds >= 0.5 { line += "  \(Self.grouped(Int(Double(done) / seconds)))/s" }
        let padding = max(0, shownWidth - line.count)
        shownWidth = line.count
        write("\r" + line + String(repeating: " ", count: padding))
    }

    /// `12,345`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
