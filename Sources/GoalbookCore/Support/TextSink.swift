/// Text written out in pieces as it is made, so long outputs (reports, query results) never
/// collect in memory: `+=` a string, or lines (each followed by a newline).
///
/// The pieces collect as UTF-8 bytes in one buffer: copying a string's bytes there costs far less
/// than growing a String piece by piece (a report's JSON is millions of small pieces).
public final class TextSink: TextOutputStream {
    private var buffer = UTF8Text()
    private let flushAt: Int
    private let deliver: ([UInt8]) -> Void

    /// - Parameter write: receives the text in order, in chunks of about `flushAt` bytes.
    public convenience init(flushAt: Int = 64 * 1024, write: @escaping (String) -> Void) {
        self.init(flushAt: flushAt, bytes: { write(String(decoding: $0, as: UTF8.self)) })
    }

    /// - Parameter bytes: receives the text as UTF-8, in order, in chunks of about `flushAt`
    ///   bytes; each chunk ends where a piece of text ends.
    public init(flushAt: Int = 64 * 1024, bytes: @escaping ([UInt8]) -> Void) {
        self.flushAt = flushAt
        deliver = bytes
        buffer.bytes.reserveCapacity(min(flushAt, 64 * 1024) + 4096)
    }

    /// Appends text as it is.
    public static func += (sink: TextSink, text: String) {
        sink.write(text)
    }

    /// Appends text as it is (``TextOutputStream``).
    public func write(_ text: String) {
        buffer.write(text)
        if buffer.bytes.count >= flushAt { flush() }
    }

    /// Appends text already made into bytes (a report's goal, written into a ``UTF8Text`` of its
    /// own and handed over whole).
    func write(_ text: UTF8Text) {
        buffer.bytes.append(contentsOf: text.bytes)
        if buffer.bytes.count >= flushAt { flush() }
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
        guard !buffer.bytes.isEmpty else { return }
        deliver(buffer.bytes)
        buffer.bytes.removeAll(keepingCapacity: true)
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

/// Text collected as UTF-8 bytes, for output made of many small pieces (JSON): copying a string's
/// bytes costs far less than growing a String piece by piece.
struct UTF8Text: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
