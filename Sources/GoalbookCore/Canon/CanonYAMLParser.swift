import Yams

/// Reads job-frame canon YAML (`docs/canon-format.md`) into a ``CanonDocument``.
///
/// It reports every problem it finds, each with `file:line`, rather than stopping at the first.
/// Text is kept exactly as YAML gives it: no trimming, no normalization, no quote changes.
public enum CanonYAMLParser {
    /// The rubric names that templates cite. Others are stored, and reported as unused.
    public static let templateRubrics = ["complexity/problem-solving", "knowledge-application"]

    /// Parses `bytes` read from `fileName`. Throws ``GoalbookError/badInput(_:)`` listing every problem.
    public static func parse(bytes: [UInt8], fileName: String) throws -> CanonDocument {
        let text = try CanonText.decodeUTF8(bytes, fileName: fileName)
        try checkShape(bytes, fileName: fileName)
        var walker = Walker(file: fileName)
        let root: Node?
        let parser: Parser
        do {
            parser = try Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw GoalbookError.badInput([walker.syntaxIssue(error, text: text)])
        }
        guard let root else {
            throw GoalbookError.badInput([
                InputIssue(file: fileName, line: 1, message: "the file is empty: expected a canon mapping with source, family and functions")
            ])
        }
        // Nodes hold their anchors weakly and the parser strongly: ask while it is alive.
        if let anchored = withExtendedLifetime(parser, { firstAnchored(root) }) {
            throw GoalbookError.badInput([
                InputIssue(
                    file: fileName, line: anchored.mark?.line, column: anchored.mark?.column,
                    message:
                        "YAML anchors and aliases (&\(anchored.anchor?.rawValue ?? "") and *\(anchored.anchor?.rawValue ?? "")) are not part of "
                        + "the canon format; write the text out"
                )
            ])
        }
        let document = walker.document(root, bytes: bytes)
        if !walker.errors.isEmpty { throw GoalbookError.badInput(walker.errors) }
        return document
    }

    /// The deepest nesting a canon file can need is five levels; anything past this is refused
    /// before the YAML library sees it, whose recursion a hostile file could exhaust.
    static let maxNesting = 64

    /// The first node, in document order, that carries an anchor: an anchor's definition comes
    /// before any alias to it, so the walk stops before anything an alias repeats. Canon never
    /// needs anchors, and an alias can make a small file expand without bound. Asked of the
    /// parsed nodes, so `*tests*`, `[*nix]` or `"&then"` in text are text.
    static func firstAnchored(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .scalar, .alias: return nil
        case .sequence(let sequence):
            for child in sequence { if let found = firstAnchored(child) { return found } }
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchored(key) ?? firstAnchored(value) { return found }
            }
        }
        return nil
    }

    /// Refuses files nested far deeper than any canon before the YAML library (whose recursion a
    /// hostile file could exhaust) reads them.
    static func checkShape(_ bytes: [UInt8], fileName: String) throws {
        var depth = 0
        var line = 1
        var indent = 0
        var quote: UInt8?
        var comment = false
        var atLineStart = true
        var afterSpace = false
        var previous: UInt8 = 0x0A  // the last byte that was not a space, on this line
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                indent = 0
                comment = false
                atLineStart = true
                previous = 0x0A
                afterSpace = false
                continue
            }
            if comment { continue }
            if let q = quote {
                if byte == q { quote = nil }
                continue
            }
            if byte == 0x20 {
                afterSpace = true
                if atLineStart {
                    indent += 1
                    if indent > maxNesting * 4 { throw tooDeep(fileName, line) }
                }
                continue
            }
            atLineStart = false
            defer { afterSpace = false }
            // Quotes, anchors and aliases count only where a node starts: at a line's start, after
            // ':' '-' '[' '{' or ','. Inside plain text ("it's", "lifecycle*", "R&D") they are text.
            let startsNode =
                previous == 0x0A || previous == 0x3A || previous == 0x2D || previous == 0x5B
                || previous == 0x7B || previous == 0x2C
            switch byte {
            case 0x22, 0x27:
                if startsNode { quote = byte }
            case 0x23:
                if previous == 0x0A || afterSpace { comment = true }
            case 0x5B, 0x7B:
                depth += 1
                if depth > maxNesting { throw tooDeep(fileName, line) }
            case 0x5D, 0x7D:
                depth = max(0, depth - 1)
            default:
                break
            }
            previous = byte
        }
    }

    private static func tooDeep(_ file: String, _ line: Int) -> GoalbookError {
        .badInput([InputIssue(file: file, line: line, message: "nested more than \(maxNesting) levels deep: this is not a canon file")])
    }

    /// Walks the YAML node tree, collecting errors and warnings as it goes.
    private struct Walker {
        let file: String
        var errors: [InputIssue] = []
        var warnings: [InputIssue] = []

        mutating func error(_ node: Node?, _ message: String) {
            errors.append(InputIssue(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message))
        }

        func syntaxIssue(_ error: YamlError, text: String) -> InputIssue {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return InputIssue(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                return InputIssue(
                    file: file, line: context.mark.line, column: context.mark.column,
                    message: "duplicate key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", "))")
            case .reader(let problem, let offset, _, _):
                let line = offset.map { CanonText.line(ofOffset: $0, in: text) }
                return InputIssue(file: file, line: line, message: "YAML cannot be read: \(problem)")
            default:
                return InputIssue(file: file, line: nil, message: "YAML error: \(error)")
            }
        }

        /// The mapping's entries by key, after checking that every key is known and appears once.
        mutating func fields(_ node: Node, allowed: [String], what: String) -> [String: Node]? {
            guard case .mapping(let mapping) = node else {
                error(node, "\(what) must be a mapping with keys \(allowed.joined(separator: ", "))")
                return nil
            }
            var result: [String: Node] = [:]
            for (keyNode, value) in mapping {
                guard let key = keyNode.scalar?.string else {
                    error(keyNode, "\(what) has a key that is not text")
                    continue
                }
                if !allowed.contains(key) {
                    error(keyNode, "unknown key '\(key)' in \(what); allowed keys: \(allowed.joined(separator: ", "))")
                } else if result[key] != nil {
                    error(keyNode, "duplicate key '\(key)' in \(what)")
                } else {
                    result[key] = value
                }
            }
            return result
        }

        /// A required or optional text value. Empty text is an error either way.
        mutating func text(_ fields: [String: Node], _ key: String, in what: String, parent: Node, required: Bool) -> String? {
            guard let node = fields[key] else {
                if required { error(parent, "\(what) has no \(key)") }
                return nil
            }
            return text(node, describing: "\(key) of \(what)")
        }

        mutating func text(_ node: Node, describing what: String) -> String? {
            guard case .scalar(let scalar) = node else {
                error(node, "\(what) must be text, not a \(node.isMapping ? "mapping" : "list")")
                return nil
            }
            if scalar.isYAMLNull || scalar.string.allSatisfy(\.isWhitespace) {
                error(node, "\(what) is empty")
                return nil
            }
            return scalar.string
        }

        /// The items of an optional list. A missing or null list is an empty one.
        mutating func list(_ fields: [String: Node], _ key: String, in what: String) -> [Node] {
            guard let node = fields[key] else { return [] }
            switch node {
            case .sequence(let sequence): return Array(sequence)
            case .scalar(let scalar) where scalar.isYAMLNull: return []
            default:
                error(node, "\(key) of \(what) must be a list")
                return []
            }
        }

        mutating func document(_ root: Node, bytes: [UInt8]) -> CanonDocument {
            let top = fields(root, allowed: ["source", "version", "family", "functions"], what: "the canon file") ?? [:]
            let source = text(top, "source", in: "the canon file", parent: root, required: true) ?? ""
            let release = text(top, "version", in: "the canon file", parent: root, required: false)
            let family = text(top, "family", in: "the canon file", parent: root, required: true) ?? ""
            var frames: [FrameSpec] = []
            var functionNames: [String: Int] = [:]
            for functionNode in list(top, "functions", in: "the canon file") {
                guard let function = fields(functionNode, allowed: ["name", "levels"], what: "a function") else { continue }
                guard let name = text(function, "name", in: "a function", parent: functionNode, required: true) else { continue }
                if let first = functionNames[name] {
                    error(functionNode, "duplicate function '\(name)' (first at line \(first))")
                    continue
                }
                functionNames[name] = functionNode.mark?.line ?? 0
                var levelCodes: [String: Int] = [:]
                for levelNode in list(function, "levels", in: "function '\(name)'") {
                    guard let frame = level(levelNode, family: family, function: name, source: source) else { continue }
                    if let first = levelCodes[frame.levelCode] {
                        error(levelNode, "duplicate level code '\(frame.levelCode)' in function '\(name)' (first at line \(first))")
                        continue
                    }
                    levelCodes[frame.levelCode] = levelNode.mark?.line ?? 0
                    frames.append(frame)
                }
            }
            return CanonDocument(
                fileName: file, bytes: bytes, format: .yaml, source: source, releaseLabel: release,
                frames: frames, warnings: warnings)
        }

        mutating func level(_ node: Node, family: String, function: String, source: String) -> FrameSpec? {
            let what = "a level of '\(function)'"
            guard let level = fields(node, allowed: ["code", "title", "responsibilities", "dimensions", "rubrics"], what: what) else { return nil }
            guard let code = text(level, "code", in: what, parent: node, required: true) else { return nil }
            let title = text(level, "title", in: "level \(code) of '\(function)'", parent: node, required: false)
            var statements: [StatementSpec] = []
            for item in list(level, "responsibilities", in: "level \(code)") {
                if let statement = text(item, describing: "a responsibility of level \(code)") {
                    statements.append(
                        StatementSpec(
                            kind: .responsibility, text: statement,
                            sourceLabel: "\(source) responsibility (\(code))", line: item.mark?.line))
                }
            }
            var dimensionNames = Set<String>()
            for item in list(level, "dimensions", in: "level \(code)") {
                guard let dimension = fields(item, allowed: ["name", "bar", "description"], what: "a dimension of level \(code)") else { continue }
                let name = text(dimension, "name", in: "a dimension of level \(code)", parent: item, required: true)
                let bar = text(dimension, "bar", in: "dimension '\(name ?? "?")' of level \(code)", parent: item, required: true)
                let description = text(dimension, "description", in: "dimension '\(name ?? "?")'", parent: item, required: false)
                guard let name, let bar else { continue }
                if !dimensionNames.insert(name).inserted {
                    error(item, "duplicate dimension '\(name)' in level \(code)")
                    continue
                }
                statements.append(
                    StatementSpec(
                        kind: .dimension, name: name, description: description, text: bar,
                        sourceLabel: "level dimension (\(name))", line: dimension["bar"]?.mark?.line))
            }
            if let rubricsNode = level["rubrics"] {
                if case .mapping(let rubrics) = rubricsNode {
                    var seen = Set<String>()
                    for (keyNode, value) in rubrics {
                        guard let name = text(keyNode, describing: "a rubric name of level \(code)") else { continue }
                        if !seen.insert(name).inserted {
                            error(keyNode, "duplicate rubric '\(name)' in level \(code)")
                            continue
                        }
                        guard let rubric = text(value, describing: "rubric '\(name)' of level \(code)") else { continue }
                        if !CanonYAMLParser.templateRubrics.contains(name) {
                            warnings.append(
                                InputIssue(
                                    file: file, line: keyNode.mark?.line, column: keyNode.mark?.column,
                                    message:
                                        "rubric '\(name)' is kept but no template cites it (templates cite "
                                        + "\(CanonYAMLParser.templateRubrics.joined(separator: " and ")))"
                                ))
                        }
                        statements.append(
                            StatementSpec(
                                kind: .rubric, name: name, text: rubric,
                                sourceLabel: "\(source) \(name) rubric (\(code))", line: value.mark?.line))
                    }
                } else if !(rubricsNode.scalar?.isYAMLNull ?? false) {
                    error(rubricsNode, "rubrics of level \(code) must be a mapping of rubric name to text")
                }
            }
            return FrameSpec(
                family: family, function: function, levelCode: code, levelTitle: title,
                statements: statements, line: node.mark?.line)
        }
    }
}

/// Helpers shared by the canon parsers.
enum CanonText {
    /// The bytes as text, or an error naming the line of the first byte that is not UTF-8.
    static func decodeUTF8(_ bytes: [UInt8], fileName: String) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var validPrefix = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                validPrefix = offset
            case .emptyInput: break decoding
            case .error: break decoding
            }
        }
        let line = bytes[..<validPrefix].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        throw GoalbookError.badInput([
            InputIssue(file: fileName, line: line, message: "the file is not valid UTF-8 (first bad byte at offset \(validPrefix))")
        ])
    }

    /// 1-based line of a character offset.
    static func line(ofOffset offset: Int, in text: String) -> Int {
        1 + text.prefix(offset).reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
    }
}

extension Node.Scalar {
    /// A plain `~`, `null` or nothing: YAML's way of saying no value.
    fileprivate var isYAMLNull: Bool {
        style == .plain && ["", "~", "null", "Null", "NULL"].contains(string)
    }
}

extension Node {
    fileprivate var isMapping: Bool { if case .mapping = self { return true } else { return false } }
}
