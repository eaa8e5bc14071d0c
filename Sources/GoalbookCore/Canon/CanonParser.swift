/// Chooses the reader for a canon file: by `--format`, else by name and content.
public enum CanonParser {
    /// Parses one canon file.
    /// - Parameters:
    ///   - format: the format the user named, or nil to detect it (`.yaml`/`.yml` is YAML; text with a
    ///     `Responsibility | Key Behaviors |` header is a ladder).
    ///   - family: the family for formats that do not name one (ladders).
    public static func parse(bytes: [UInt8], fileName: String, format: CanonFormat?, family: String?) throws -> CanonDocument {
        var document: CanonDocument
        switch try format ?? detect(bytes: bytes, fileName: fileName) {
        case .yaml: document = try CanonYAMLParser.parse(bytes: bytes, fileName: fileName)
        case .ladder: document = try LadderParser.parse(bytes: bytes, fileName: fileName, family: family)
        }
        try checkStatements(&document)
        return document
    }

    /// What no reader may let through: a NUL byte (C strings and terminals cut text at it) is an
    /// error; a line break inside a statement is kept, exactly, and warned of, because it prints
    /// as more than one line (the print form indents the rest under its field).
    static func checkStatements(_ document: inout CanonDocument) throws {
        var errors: [InputIssue] = []
        for frame in document.frames {
            for statement in frame.statements {
                let texts = [statement.text, statement.name, statement.area, statement.description].compactMap { $0 }
                if texts.contains(where: { $0.unicodeScalars.contains("\u{0}") }) {
                    errors.append(InputIssue(file: document.fileName, line: statement.line, message: "a statement holds a NUL byte (\\0): remove it"))
                }
                let breaks = Set(texts.flatMap { $0.unicodeScalars.filter(LineBreaks.isBreak) }).sorted { $0.value < $1.value }
                if !breaks.isEmpty {
                    let names = breaks.map { String(format: "U+%04X", $0.value) + (breakNames[$0.value].map { " \($0)" } ?? "") }
                    document.warnings.append(
                        InputIssue(
                            file: document.fileName, line: statement.line,
                            message: "a statement holds a line break (\(names.joined(separator: ", "))): kept as it is; "
                                + "templates print the rest of it indented under its field"))
                }
            }
        }
        if !errors.isEmpty { throw GoalbookError.badInput(errors) }
    }

    static let breakNames: [UInt32: String] = [
        0x0A: "line feed", 0x0B: "vertical tab", 0x0C: "form feed", 0x0D: "carriage return",
        0x85: "next line", 0x2028: "line separator", 0x2029: "paragraph separator",
    ]

    /// The format of a file from its name and content.
    public static func detect(bytes: [UInt8], fileName: String) throws -> CanonFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .contains(where: { LadderParser.isTableHeader(String($0)) })
        {
            return .ladder
        }
        throw GoalbookError.badInput([
            InputIssue(
                file: fileName, line: nil,
                message: "cannot tell the canon format: name it with --format yaml (job-frame YAML, a .yaml or .yml file) "
                    + "or --format ladder (a career-ladder text with a 'Responsibility | Key Behaviors |' header)")
        ])
    }
}
