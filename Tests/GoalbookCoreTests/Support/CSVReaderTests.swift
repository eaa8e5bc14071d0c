import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// CSV records with the line they start on; every malformation names its line.
@Suite struct CSVReaderTests {
    func records(_ text: String) throws -> [CSVReader.Record] {
        var reader = CSVReader(bytes: Array(text.utf8), file: "f.csv")
        var out: [CSVReader.Record] = []
        while let record = try reader.next() { out.append(record) }
        return out
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlinesKeepTheirLines() throws {
        let r = try records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row")
        #expect(r.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"], ["last", "row"]])
        #expect(r.map(\.line) == [1, 2, 3, 5])
    }

    @Test func crlfAndABOMAreStructureNotData() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("id,name\r\nE1,Ada\r\n".utf8)
        var reader = CSVReader(bytes: bytes, file: "f.csv")
        #expect(try reader.next()?.fields == ["id", "name"])
        #expect(try reader.next()?.fields == ["E1", "Ada"])
        #expect(try reader.next() == nil)
    }

    @Test func badQuotingNamesTheLine() {
        #expect(
            throws: GoalbookError.badInput([
                InputIssue(
                    file: "f.csv", line: 2,
                    message: "a quote inside a field that does not start with one: quote the whole field and double inner quotes")
            ])
        ) {
            _ = try records("a,b\nx\"y,z\n")
        }
        #expect(throws: GoalbookError.badInput([InputIssue(file: "f.csv", line: 2, message: "a quoted field is never closed")])) {
            _ = try records("a,b\n\"open,z\nmore\n")
        }
        #expect(
            throws: GoalbookError.badInput([
                InputIssue(file: "f.csv", line: 1, message: "text after a closing quote: a quoted field ends at its closing quote")
            ])
        ) {
            _ = try records("\"a\"b,c\n")
        }
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Array("a,b\nok,fine\n".utf8)
        bytes += [0x62, 0xFF, 0x2C, 0x63, 0x0A]
        var reader = CSVReader(bytes: bytes, file: "f.csv")
        #expect(throws: GoalbookError.badInput([InputIssue(file: "f.csv", line: 3, message: "not valid UTF-8")])) {
            while try reader.next() != nil {}
        }
    }

    @Test func oversizedFieldsAreRefused() {
        var reader = CSVReader(bytes: Array(("a," + String(repeating: "x", count: 5000) + "\n").utf8), file: "f.csv", maxFieldBytes: 4096)
        #expect(throws: GoalbookError.badInput([InputIssue(file: "f.csv", line: 1, message: "a field longer than 4096 bytes")])) {
            _ = try reader.next()
        }
    }

    @Test func writerQuotesOnlyWhatNeedsIt() {
        #expect(CSVWriter.line(["plain", "a,b", "say \"x\"", "two\nlines"]) == "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\"\n")
        // Bytes, as a reader splits them: CR LF is one Character but two line-breaking bytes, and a
        // comma before a combining mark still separates fields unless it is quoted.
        #expect(CSVWriter.line(["cr\r\nlf", ",\u{301}", "é"]) == "\"cr\r\nlf\",\",\u{301}\",é\n")
    }

    /// A file read in chunks gives the records the whole bytes give, wherever the chunks split it:
    /// inside a quoted field, between a doubled quote, between CR and LF, and inside the BOM.
    @Test func chunksSplitAnywhereReadAsTheWholeFile() throws {
        let text = "\u{FEFF}id,name\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",Zoë\n\nlast,\"\"\n"
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try writeFile(folder, "f.csv", text)
        let whole = try records(text)
        #expect(whole.count == 5)
        for size in 1...12 {
            var reader = try CSVReader(chunks: FileChunks(path: path, size: size))
            var read: [CSVReader.Record] = []
            while let record = try reader.next() { read.append(record) }
            #expect(read.map(\.fields) == whole.map(\.fields), "chunks of \(size) bytes")
            #expect(read.map(\.line) == whole.map(\.line), "chunks of \(size) bytes")
        }
        #expect(try FileChunks(path: path, size: 5).countLineFeeds() == 6)
    }

    @Test func aMissingFileOrAFolderIsBadInputNamingIt() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in [folder.path, folder.appendingPathComponent("missing.csv").path] {
            #expect(
                throws: GoalbookError.badInput([
                    InputIssue(file: path, line: nil, message: "cannot read the file (missing, a folder, or not readable)")
                ])
            ) {
                _ = try FileChunks(path: path)
            }
        }
    }
}
