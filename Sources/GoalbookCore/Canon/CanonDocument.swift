/// The kinds of statement a frame holds.
public enum StatementKind: String, Sendable, CaseIterable, Codable {
    /// A responsibility the level owns: one template row in each framework.
    case responsibility
    /// One bar of a level dimension (Scope, Autonomy, …).
    case dimension
    /// A named leveling rubric (complexity/problem-solving, knowledge-application).
    case rubric
    /// A ladder level's one-line summary.
    case summary
    /// A ladder area's paragraph.
    case paragraph
    /// A ladder footnote.
    case footnote
    /// A ladder's title line, and a repeat of it at the end of the document.
    case title
}

/// The file formats `canon import` reads.
public enum CanonFormat: String, Sendable, CaseIterable, Codable {
    /// Job-frame YAML (`docs/canon-format.md`).
    case yaml
    /// A career-ladder document pasted as text, like seed 003.
    case ladder
}

/// One statement as parsed from a canon file, before it is stored.
public struct StatementSpec: Sendable, Equatable {
    public var kind: StatementKind
    /// Dimension or rubric name; a ladder responsibility's name.
    public var name: String?
    /// A ladder area (Results, Direction, …).
    public var area: String?
    /// A dimension's description, where the canon gives one.
    public var description: String?
    /// The statement, verbatim.
    public var text: String
    /// Where the statement comes from, as templates cite it.
    public var sourceLabel: String
    /// Line in the file.
    public var line: Int?

    public init(
        kind: StatementKind, name: String? = nil, area: String? = nil, description: String? = nil,
        text: String, sourceLabel: String, line: Int?
    ) {
        self.kind = kind
        self.name = name
        self.area = area
        self.description = description
        self.text = text
        self.sourceLabel = sourceLabel
        self.line = line
    }
}

/// One job frame (family · function · level) as a canon file describes it.
public struct FrameSpec: Sendable, Equatable {
    public var family: String
    public var function: String
    public var levelCode: String
    /// The level's title (Developing Professional); nil where the canon has none.
    public var levelTitle: String?
    /// The frame's statements in canon order.
    public var statements: [StatementSpec]
    /// Line of the frame in the file.
    public var line: Int?

    public init(family: String, function: String, levelCode: String, levelTitle: String?, statements: [StatementSpec], line: Int?) {
        self.family = family
        self.function = function
        self.levelCode = levelCode
        self.levelTitle = levelTitle
        self.statements = statements
        self.line = line
    }
}

/// A parsed canon file: what `canon import` validated and is about to store.
public struct CanonDocument: Sendable {
    /// The file as the user named it.
    public var fileName: String
    /// Exact bytes of the file, fingerprinted on import.
    public var bytes: [UInt8]
    public var format: CanonFormat
    /// Short name of the canon source (JFM), used in source labels.
    public var source: String
    /// The source's own release label.
    public var releaseLabel: String?
    public var frames: [FrameSpec]
    /// Artefacts kept as they are and reported (`file:line:column: …`).
    public var warnings: [InputIssue]

    public init(
        fileName: String, bytes: [UInt8], format: CanonFormat, source: String, releaseLabel: String?,
        frames: [FrameSpec], warnings: [InputIssue]
    ) {
        self.fileName = fileName
        self.bytes = bytes
        self.format = format
        self.source = source
        self.releaseLabel = releaseLabel
        self.frames = frames
        self.warnings = warnings
    }
}
