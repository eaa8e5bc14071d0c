/// Reads career-ladder documents (seed 003's pasted form, `docs/canon-format.md`) into a
/// ``CanonDocument`` with one frame.
///
/// Statements keep their exact bytes; only structural markers are removed: a line's leading
/// blanks, a bullet's leading `- `, the `|` cell separators at a line's start or end (with the
/// blanks beside them), and a responsibility's `Name | ` prefix. Artefacts (a stray `|` inside a
/// statement, trailing blanks, an empty bullet, a cell with no bullets, a wrapped line, a last
/// line with no line end) are kept and reported as warnings.
/// A document that is not a ladder is an error naming file:line, and nothing is imported.
public enum LadderParser {
    /// The canon source recorded for ladder imports.
    public static let source = "Ladder"

    /// A level code as ladders write it: letters and digits with at least one of each (`IC2`, `P3`,
    /// `L10`, `SWE-3`), at most ten characters.
    public static func isLevelCode(_ text: Substring) -> Bool {
        text.count <= 10 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            && text.contains(where: \.isNumber) && text.contains(where: \.isLetter)
    }

    /// True for the line that opens an area's table: `Responsibility | <column> |`.
    public static func isTableHeader(_ line: String) -> Bool {
        let cells = Line.cells(line)
        return cells.count == 2 && cells[0] == "Responsibility" && line.trimmingTrailingSpaces().hasSuffix("|")
    }

    /// Parses one ladder document; `family` is required because a ladder does not name one.
    public static func parse(bytes: [UInt8], fileName: String, family: String?) throws -> CanonDocument {
        var text = try CanonText.decodeUTF8(bytes, fileName: fileName)
        // A byte-order mark is how an editor marks the file as UTF-8, not text of the title line.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        guard let family, !family.allSatisfy(\.isWhitespace) else {
            throw GoalbookError.badInput([
                InputIssue(
                    file: fileName, line: nil,
                    message: "a career ladder does not name its family: give it with --family")
            ])
        }
        var reader = Reader(file: fileName, text: text)
        let frame = reader.read(family: family)
        if !reader.errors.isEmpty { throw GoalbookError.badInput(reader.errors) }
        return CanonDocument(
            fileName: fileName, bytes: bytes, format: .ladder, source: source, releaseLabel: nil,
            frames: frame.map { [$0] } ?? [], warnings: reader.warnings)
    }

    // MARK: - Lines

    /// One line of the document with its number, and the structural facts about it.
    struct Line {
        let number: Int
        /// The line without its line end.
        let raw: String

        /// The line without leading and trailing blanks.
        var trimmed: Substring { raw.drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpacesSubstring() }
        var isBlank: Bool { trimmed.isEmpty }
        /// A `|` as the first non-blank character: the previous cell ends here.
        var opensWithSeparator: Bool { trimmed.hasPrefix("|") }
        /// A `|` as the last non-blank character: the current cell ends here.
        var closesWithSeparator: Bool { trimmed.hasSuffix("|") }
        /// The line is only `|`.
        var isSeparatorOnly: Bool { trimmed == "|" }

        /// The line without its leading blanks: trailing blanks belong to the statement unless a
        /// closing `|` makes them structural.
        var leftTrimmed: Substring { raw.drop { $0 == " " || $0 == "\t" } }

        /// The content between the structural separators at the start and the end.
        var content: Substring {
            var body = leftTrimmed
            if body.hasPrefix("|") { body = body.dropFirst().drop { $0 == " " || $0 == "\t" } }
            if closesWithSeparator { body = body.trimmingTrailingSpacesSubstring().dropLast().trimmingTrailingSpacesSubstring() }
            return body
        }

        /// The cells of a table line: the text between `|` separators, blanks beside them removed.
        static func cells(_ line: String) -> [String] {
            var pieces = line.split(separator: "|", omittingEmptySubsequences: false).map {
                String($0.drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpacesSubstring())
            }
            if pieces.last == "" { pieces.removeLast() }
            return pieces
        }

        /// 1-based column (in characters of the line) of a position in `raw`.
        func column(of index: String.Index) -> Int { raw.distance(from: raw.startIndex, to: index) + 1 }
    }

    // MARK: - Reading

    private struct Reader {
        /// A responsibility row, `Name | - behaviour` or `Name |`: a `|` with only a bullet, or
        /// nothing, after it. A `|` followed by other text is a stray bar inside a statement.
        static func startsRow(_ line: Line) -> Bool {
            var body = line.leftTrimmed
            if body.hasPrefix("|") { body = body.dropFirst().drop { $0 == " " || $0 == "\t" } }
            guard !body.hasPrefix("- "), body != "-", let bar = body.firstIndex(of: "|") else { return false }
            let rest = body[body.index(after: bar)...].drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpacesSubstring()
            return rest.isEmpty || rest == "|" || rest.hasPrefix("- ") || rest == "-"
        }

        let file: String
        let lines: [Line]
        let endsWithLineEnd: Bool
        var errors: [InputIssue] = []
        var warnings: [InputIssue] = []
        var index = 0

        init(file: String, text: String) {
            self.file = file
            // "\r\n" is one Character in Swift, so both line ends are named here.
            var split = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
            endsWithLineEnd = text.last == "\n" || text.last == "\r\n"
            if endsWithLineEnd { split.removeLast() }
            lines = split.enumerated().map { Line(number: $0.offset + 1, raw: $0.element) }
        }

        mutating func error(_ line: Int?, _ message: String, column: Int? = nil) {
            errors.append(InputIssue(file: file, line: line, column: column, message: message))
        }

        mutating func warn(_ line: Int?, _ message: String, column: Int? = nil) {
            warnings.append(InputIssue(file: file, line: line, column: column, message: message))
        }

        /// Warns of each `|` inside a statement: it is kept, as the document has it.
        mutating func checkStrayBars(_ text: Substring, on line: Line) {
            for index in text.indices where text[index] == "|" {
                warn(line.number, "stray '|' inside a statement, kept as it is", column: line.column(of: index))
            }
        }

        /// A bullet's text: the content without its leading `- `. Nil (with a warning) when empty.
        mutating func bullet(_ content: Substring, on line: Line) -> String? {
            var text = content
            if text.hasPrefix("- ") || text == "-" {
                text = text.dropFirst(text == "-" ? 1 : 2)
            } else {
                warn(line.number, "a line in a cell that is not a '- ' bullet, kept as one statement")
            }
            if text.allSatisfy({ $0 == " " || $0 == "\t" }) {
                warn(line.number, "empty bullet, nothing to keep")
                return nil
            }
            checkStrayBars(text, on: line)
            if let last = text.last, last == " " || last == "\t" {
                let start = text.lastIndex { $0 != " " && $0 != "\t" }.map { text.index(after: $0) } ?? text.startIndex
                warn(line.number, "a statement ends in \(last == "\t" ? "a tab" : "a blank"), kept as it is", column: line.column(of: start))
            }
            return String(text)
        }

        mutating func read(family: String) -> FrameSpec? {
            let nonBlank = lines.filter { !$0.isBlank }
            guard let titleLine = nonBlank.first else {
                error(1, "the file is empty: a career ladder starts with a '<level code> <function>' title line")
                return nil
            }
            let titleParts = titleLine.trimmed.split(separator: " ", maxSplits: 1)
            guard titleParts.count == 2, !titleLine.raw.contains("|"), !titleLine.trimmed.hasPrefix("- "),
                LadderParser.isLevelCode(titleParts[0])
            else {
                error(
                    titleLine.number,
                    "no title line: a career ladder starts with '<level code> <function>', e.g. 'IC2 Machine Learning Engineer'"
                        + " (a level code is letters and digits, like IC2 or P3); this line begins '\(titleLine.trimmed.prefix(40))'")
                return nil
            }
            let code = String(titleParts[0])
            let function = String(titleParts[1])
            guard lines.contains(where: { LadderParser.isTableHeader($0.raw) }) else {
                error(nil, "no 'Responsibility | Key Behaviors |' header: this is not a career ladder (or give --format yaml)")
                return nil
            }
            var statements = [StatementSpec(kind: .title, text: String(titleLine.trimmed), sourceLabel: "title", line: titleLine.number)]
            index = lines.firstIndex { $0.number == titleLine.number }! + 1

            // Line 2: the level's one-line summary, when it is plain text.
            if let line = nextNonBlank(), !line.raw.contains("|"), !line.trimmed.hasPrefix("- "),
                !isAreaStart(at: index)
            {
                statements.append(
                    StatementSpec(kind: .summary, text: String(line.trimmed), sourceLabel: "level summary (\(code))", line: line.number))
                index += 1
            }
            // The level summary table, when there is one before the first area.
            if let line = nextNonBlank(), line.raw.contains("|"), !LadderParser.isTableHeader(line.raw) {
                index += 1
                statements += summaryTable(header: line)
            }
            statements += areas(code: code)
            if let last = lines.last, !endsWithLineEnd, !last.isBlank, last.trimmed != titleLine.trimmed {
                warn(last.number, "the last line has no line end: it may be truncated; kept as it is")
            }
            return FrameSpec(family: family, function: function, levelCode: code, levelTitle: nil, statements: statements, line: 1)
        }

        mutating func nextNonBlank() -> Line? {
            while index < lines.count, lines[index].isBlank { index += 1 }
            return index < lines.count ? lines[index] : nil
        }

        /// True when the line at `position` names an area: the next table header follows it, with
        /// only plain paragraph lines between.
        func isAreaStart(at position: Int) -> Bool {
            var i = position + 1
            while i < lines.count {
                let line = lines[i]
                if LadderParser.isTableHeader(line.raw) { return true }
                if line.raw.contains("|") || line.trimmed.hasPrefix("- ") { return false }
                i += 1
            }
            return false
        }

        /// The summary table: one dimension per header cell, one bar per bullet of its cell.
        mutating func summaryTable(header: Line) -> [StatementSpec] {
            let columns = Line.cells(header.raw).map(Self.splitColumn)
            var bars: [[(String, Line)]] = Array(repeating: [], count: columns.count)
            var column = 0
            var closed = false
            while index < lines.count, !closed {
                let line = lines[index]
                if line.isBlank {
                    index += 1
                    continue
                }
                // A plain line ends an unclosed table only where an area starts; otherwise (a `* `
                // line too) it is a wrapped bullet of the open cell, kept (with a warning) as its own statement.
                if !line.opensWithSeparator && !line.trimmed.hasPrefix("-")
                    && (LadderParser.isTableHeader(line.raw) || isAreaStart(at: index))
                {
                    break
                }
                index += 1
                if line.opensWithSeparator {
                    column += 1
                    if column >= columns.count {
                        closed = true
                        if !line.isSeparatorOnly {
                            warn(line.number, "text after the summary table's last cell, kept as a bar of '\(columns.last?.name ?? "")'")
                        }
                    }
                }
                if line.isSeparatorOnly { continue }
                let target = min(column, columns.count - 1)
                if let text = bullet(line.content, on: line) { bars[target].append((text, line)) }
                if line.closesWithSeparator {
                    column += 1
                    if column >= columns.count { closed = true }
                }
            }
            if !closed {
                if index >= lines.count {
                    error(lines.last?.number, "unterminated cell at the end of the level summary table: a line with only '|' closes it")
                } else {
                    warn(lines[index].number, "the level summary table ends without its closing '|'")
                }
            }
            var statements: [StatementSpec] = []
            for (i, column) in columns.enumerated() {
                if bars[i].isEmpty { warn(header.number, "the summary column '\(column.name)' has no bullets") }
                statements += bars[i].map {
                    StatementSpec(
                        kind: .dimension, name: column.name, description: column.description, text: $0.0,
                        sourceLabel: "level dimension (\(column.name))", line: $0.1.number)
                }
            }
            return statements
        }

        /// A summary header cell: the name is the leading run of capitalized words of two letters
        /// or more, less the last when the run has more than one (that word starts the description).
        static func splitColumn(_ cell: String) -> (name: String, description: String?) {
            let words = cell.split(separator: " ", omittingEmptySubsequences: false)
            let run = words.prefix { $0.count > 1 && $0.first?.isUppercase == true }.count
            let nameWords = run >= 2 ? run - 1 : max(run, 1)
            guard nameWords < words.count else { return (cell, nil) }
            let name = words.prefix(nameWords).joined(separator: " ")
            let description = cell.dropFirst(name.count + 1)
            return (name, description.isEmpty ? nil : String(description))
        }

        /// The areas: a name line, optional paragraph lines, a table header, responsibility rows;
        /// then footnotes and a repeat of the title.
        mutating func areas(code: String) -> [StatementSpec] {
            var statements: [StatementSpec] = []
            var loose: [Line] = []
            let title = lines.first { !$0.isBlank }?.trimmed
            while index < lines.count {
                let line = lines[index]
                index += 1
                if line.isBlank { continue }
                if line.trimmed.hasPrefix("* ") || line.trimmed == "*" {
                    statements.append(
                        StatementSpec(kind: .footnote, text: String(line.trimmed), sourceLabel: "footnote (\(code))", line: line.number))
                    continue
                }
                if LadderParser.isTableHeader(line.raw) {
                    guard let nameLine = loose.first else {
                        error(line.number, "a 'Responsibility | Key Behaviors |' header with no area name before it")
                        _ = table(area: "?", header: line, code: code)  // read past it, so one mistake is one message
                        continue
                    }
                    let area = String(nameLine.trimmed)
                    statements += loose.dropFirst().map {
                        StatementSpec(
                            kind: .paragraph, area: area, text: String($0.trimmed), sourceLabel: "\(area) paragraph (\(code))", line: $0.number)
                    }
                    loose = []
                    statements += table(area: area, header: line, code: code)
                    continue
                }
                if line.trimmed.hasPrefix("- ") || line.raw.contains("|") {
                    error(
                        line.number,
                        "a '\(line.raw.contains("|") ? "|" : "- ")' line outside any table: expected an area name, a paragraph or a "
                            + "'Responsibility | Key Behaviors |' header"
                    )
                    continue
                }
                loose.append(line)
            }
            for line in loose {
                if line.trimmed == title {
                    statements.append(StatementSpec(kind: .title, text: String(line.trimmed), sourceLabel: "title", line: line.number))
                } else {
                    warn(line.number, "text after the last area table, kept as a paragraph")
                    statements.append(
                        StatementSpec(kind: .paragraph, text: String(line.trimmed), sourceLabel: "paragraph (\(code))", line: line.number))
                }
            }
            return statements
        }

        /// One area's table: `Name | - behaviour`, further `- behaviour` lines, a closing `|`.
        mutating func table(area: String, header: Line, code: String) -> [StatementSpec] {
            var statements: [StatementSpec] = []
            var responsibility: (name: String, line: Line, behaviours: Int)?
            var open = false
            var names = 0
            func label(_ name: String) -> String { "\(area) › \(name) (\(code))" }
            /// Checks the finished row: a responsibility with no behaviours is a cell with no bullets.
            func finishRow(_ reader: inout Reader) {
                if let row = responsibility, row.behaviours == 0 {
                    reader.warn(row.line.number, "responsibility '\(row.name)' has no behaviours (a cell with no bullets)")
                }
            }
            let title = lines.first { !$0.isBlank }?.trimmed
            while index < lines.count {
                let line = lines[index]
                if line.isBlank {
                    index += 1
                    continue
                }
                let content = line.content
                // Inside an open cell, a line that is not a bullet is a bullet wrapped onto the next
                // line, even with a `|` or a `* ` in it: kept, with a warning, as a statement of its
                // own. Only the next area, a table header or the title's repeat ends the cell.
                if open, let row = responsibility, !line.isSeparatorOnly, !line.opensWithSeparator,
                    !(content.hasPrefix("- ") || content == "-"), !Self.startsRow(line),
                    !LadderParser.isTableHeader(line.raw), !isAreaStart(at: index), line.trimmed != title
                {
                    index += 1
                    open = !line.closesWithSeparator
                    if let text = bullet(content, on: line) {
                        responsibility?.behaviours += 1
                        statements.append(
                            StatementSpec(
                                kind: .responsibility, name: row.name, area: area, text: text, sourceLabel: label(row.name), line: line.number))
                    }
                    continue
                }
                if line.isSeparatorOnly {
                    index += 1
                    if !open { warn(line.number, "a '|' that closes no cell") }
                    open = false
                    continue
                }
                // A row body keeps its closing `|`, so `Name |` (a row with no behaviours) is a row too.
                var body = line.leftTrimmed
                if body.hasPrefix("|") { body = body.dropFirst().drop { $0 == " " || $0 == "\t" } }
                if !body.hasPrefix("- "), body != "-", let bar = body.firstIndex(of: "|") {
                    // A new responsibility row: `Name | - behaviour`.
                    if open, let row = responsibility {
                        warn(line.number, "the cell of '\(row.name)' was not closed with '|' before this row")
                    }
                    finishRow(&self)
                    index += 1
                    let name = String(body[..<bar].trimmingTrailingSpacesSubstring())
                    if name.isEmpty { error(line.number, "a row with no responsibility name before '|'") }
                    responsibility = (name, line, 0)
                    names += 1
                    var rest = body[body.index(after: bar)...].drop { $0 == " " || $0 == "\t" }
                    // `Name |` alone ends the name cell: its behaviours follow on the next lines.
                    let alone = rest.trimmingTrailingSpacesSubstring().isEmpty
                    open = alone ? true : !line.closesWithSeparator
                    if alone {
                        rest = rest.prefix(0)
                    } else if line.closesWithSeparator {
                        rest = rest.trimmingTrailingSpacesSubstring().dropLast().trimmingTrailingSpacesSubstring()
                    }
                    if !rest.isEmpty, let text = bullet(rest, on: line) {
                        responsibility?.behaviours += 1
                        statements.append(
                            StatementSpec(kind: .responsibility, name: name, area: area, text: text, sourceLabel: label(name), line: line.number))
                    }
                    continue
                }
                if content.hasPrefix("- ") || content == "-" {
                    index += 1
                    guard let row = responsibility else {
                        error(line.number, "a behaviour before any responsibility: rows start with '<Responsibility> | - <behaviour>'")
                        continue
                    }
                    if !open { warn(line.number, "a behaviour after the cell of '\(row.name)' was closed, kept under '\(row.name)'") }
                    open = !line.closesWithSeparator
                    if let text = bullet(content, on: line) {
                        responsibility?.behaviours += 1
                        statements.append(
                            StatementSpec(
                                kind: .responsibility, name: row.name, area: area, text: text, sourceLabel: label(row.name), line: line.number))
                    }
                    continue
                }
                break  // a plain line: the next area's name, a footnote, or the end matter
            }
            finishRow(&self)
            if open, let row = responsibility {
                let last = lines[index - 1]
                if index >= lines.count {
                    error(last.number, "unterminated cell at the end: the cell of '\(row.name)' has no closing '|'")
                } else {
                    warn(last.number, "the cell of '\(row.name)' has no closing '|'")
                }
            }
            if names == 0 { warn(header.number, "the area '\(area)' has no responsibilities") }
            return statements
        }
    }
}
