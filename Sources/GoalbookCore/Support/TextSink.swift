/// Text written out in pieces as it is made, so long outputs (reports, query results) never
/// collect in memory: `+=` a string, or lines (each followed by a newline).
public final class TextSink {
    private var buffer = ""
    private let flushAt: Int
    private let write: (String) -> Void

    /// - Parameter write: receives the text in order, in chunks of about `flushAt` bytes.
    public init(flushAt: Int = 64 * 1024, write: @escaping (String) -> Void) {
        self.flushAt = flushAt
        self.write = write
    }

    /// Appends text as it is.
    public static func += (sink: TextSink, text: String) {
        sink.buffer += text
        if sink.buffer.utf8.count >= sink.flushAt { sink.flush() }
    }

    /// Appends lines, each followed by a newline.
    public static func += (sink: TextSink, lines: [String]) {
        for line in lines { sink.append(line) }
    }

    /// Appends one line and its newline.
    public func append(_ line: String) {
        self += line
        self += "\n"
    }

    /// Hands everything buffered to `write`.
    public func flush() {
        guard !buffer.isEmpty else { return }
        write(buffer)
        buffer = ""
    }

    /// Runs `body` with a sink that collects into one string: for tests and small outputs.
    public static func collect(_ body: (TextSink) -> Void) -> String {
        var result = ""
        let sink = TextSink(flushAt: .max) { result += $0 }
        body(sink)
        sink.flush()
        return result
    }
}
