/// Chooses the reader for a canon file: by `--format`, else by name and content.
public enum CanonParser {
    /// Parses one canon file.
    /// - Parameters:
    ///   - format: the format the user named, or nil to detect it (`.yaml`/`.yml` is YAML; text with a
    ///     `Responsibility | Key Behaviors |` header is a ladder).
    ///   - family: the family for formats that do not name one (ladders).
    public static func parse(bytes: [UInt8], fileName: String, format: CanonFormat?, family: String?) throws -> CanonDocument {
        switch try format ?? detect(bytes: bytes, fileName: fileName) {
        case .yaml: return try CanonYAMLParser.parse(bytes: bytes, fileName: fileName)
        case .ladder: return try LadderParser.parse(bytes: bytes, fileName: fileName, family: family)
        }
    }

    /// The format of a file from its name and content.
    public static func detect(bytes: [UInt8], fileName: String) throws -> CanonFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .contains(where: { LadderParser.isTableHeader(String($0)) }) {
            return .ladder
        }
        throw GoalbookError.badInput([InputIssue(
            file: fileName, line: nil,
            message: "cannot tell the canon format: name it with --format yaml (job-frame YAML, a .yaml or .yml file) "
                + "or --format ladder (a career-ladder text with a 'Responsibility | Key Behaviors |' header)")])
    }
}
