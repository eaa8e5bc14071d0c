import Foundation

/// CSV as RFC 4180 writes it, read over UTF-8 bytes with the line each record starts on.
///
/// Hand-written on purpose: the CSV libraries on hand report neither the line of a record nor of
/// a bad byte, and every import error here must name `file:line`.
public struct CSVReader {
    /// One record and the 1-based line it starts on.
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
    }

    /// The bytes at hand: all of them, or the chunk being read.
    private var bytes: [UInt8]
    /// The next chunk, when the input comes in chunks; nil at the end.
    private var nextChunk: (() throws -> [UInt8]?)?
    private let file: String
    private var position = 0
    private var line = 1
    /// Longest field accepted, in bytes.
    public let maxFieldBytes: Int

    public init(bytes: [UInt8], file: String, maxFieldBytes: Int = 64 * 1024) {
        self.bytes = bytes
        self.file = file
        self.maxFieldBytes = maxFieldBytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // a UTF-8 byte-order mark
    }

    /// Reads the chunks `chunks` hands out, in order, as one input (a record may span two). Only
    /// the chunk being read is held, so a large file costs its records, not its bytes too.
    public init(chunks: FileChunks, maxFieldBytes: Int = 64 * 1024) throws {
        var start = try chunks.next() ?? []
        while start.count < 3, let more = try chunks.next() { start += more }  // room to see a byte-order mark
        self.init(bytes: start, file: chunks.file, maxFieldBytes: maxFieldBytes)
        nextChunk = chunks.next
    }

    /// Whether a byte is at `position`, reading the next chunk when this one is done.
    @inline(__always)
    private mutating func available() throws -> Bool {
        if position < bytes.count { return true }
        while let next = nextChunk {
            guard let chunk = try next() else {
                nextChunk = nil
                break
            }
            bytes = chunk
            position = 0
            if !chunk.isEmpty { return true }
        }
        return false
    }

    /// The next record, nil at the end. Throws for bad quoting, bad UTF-8 or an oversized field,
    /// naming the line.
    public mutating func next() throws -> Record? {
        guard try available() else { return nil }
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        func issue(_ message: String, _ at: Int) -> GoalbookError {
            .badInput([InputIssue(file: file, line: at, message: message)])
        }
        func finish(_ field: [UInt8]) throws -> String {
            guard let text = String(validating: field, as: UTF8.self) else { throw issue("not valid UTF-8", start) }
            return text
        }
        while try available() {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try available(), bytes[position] == UInt8(ascii: "\"") {
                        field.append(byte)
                        position += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                fields.append(try finish(field))
                field = []
                wasQuoted = false
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), try available(), bytes[position] == UInt8(ascii: "\n") { position += 1 }
                line += 1
                fields.append(try finish(field))
                return Record(line: start, fields: fields)
            } else if byte == UInt8(ascii: "\"") {
                if !field.isEmpty || wasQuoted {
                    throw issue("a quote inside a field that does not start with one: quote the whole field and double inner quotes", line)
                }
                quoted = true
                wasQuoted = true
            } else {
                if wasQuoted { throw issue("text after a closing quote: a quoted field ends at its closing quote", line) }
                field.append(byte)
            }
            if field.count > maxFieldBytes { throw issue("a field longer than \(maxFieldBytes) bytes", start) }
        }
        if quoted { throw issue("a quoted field is never closed", start) }
        fields.append(try finish(field))
        return Record(line: start, fields: fields)
    }
}

/// A file read in chunks of `size` bytes, for reading a large file without holding it whole.
public struct FileChunks {
    /// The file's name, as given.
    public let file: String
    private let handle: FileHandle
    private let size: Int

    /// Opens the file; a missing, unreadable file or a folder is bad input naming it.
    public init(path: String, size: Int = 1 << 20) throws {
        file = path
        self.size = size
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else { throw GoalbookError.badInput([.unreadable(path)]) }
        self.handle = handle
    }

    /// The next chunk; nil at the end of the file.
    public func next() throws -> [UInt8]? {
        let data: Data?
        do { data = try handle.read(upToCount: size) } catch { throw GoalbookError.badInput([.unreadable(file)]) }
        guard let data, !data.isEmpty else { return nil }
        return Array(data)
    }

    /// Whether the opened file is a regular one, which can be read more than once; a pipe or a
    /// terminal cannot.
    public var isRegularFile: Bool {
        var status = stat()
        return fstat(handle.fileDescriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// How many line feeds the file holds, read through once.
    public func countLineFeeds() throws -> Int {
        var count = 0
        while let chunk = try next() { count += Self.lineFeeds(in: chunk) }
        return count
    }

    /// How many line feeds `bytes` holds.
    public static func lineFeeds(in bytes: [UInt8]) -> Int { bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }
}

/// Writes CSV fields, quoting only where RFC 4180 needs it.
public enum CSVWriter {
    /// One line: a field with a comma, quote, CR or LF is quoted, its quotes doubled. Read as UTF-8
    /// bytes, as a CSV reader splits them: a comma is a comma even before a combining mark, and a
    /// byte scan costs a tenth of a walk over Characters (a fifth of W4 went there).
    public static func line(_ fields: [String]) -> String {
        var line: [UInt8] = []
        line.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count } + 8)
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            var field = field
            // The field's bytes in one piece: copied whole where nothing needs quoting.
            field.withUTF8 { bytes in
                guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
                    line.append(contentsOf: bytes)
                    return
                }
                line.append(UInt8(ascii: "\""))
                for byte in bytes {
                    line.append(byte)
                    if byte == UInt8(ascii: "\"") { line.append(byte) }
                }
                line.append(UInt8(ascii: "\""))
            }
        }
        line.append(0x0A)
        return String(decoding: line, as: UTF8.self)
    }
}
