/// A stored canon statement, with the ids a goal or a program can point at.
public struct CanonStatement: Sendable, Equatable, Codable {
    public var id: Int64
    public var kind: StatementKind
    /// 1-based order among the frame version's statements of this kind.
    public var position: Int
    public var name: String?
    public var area: String?
    public var description: String?
    /// The statement, byte for byte as imported.
    public var text: String
    public var sourceLabel: String
    public var line: Int?
}

/// A job frame as one stored canon version describes it: what templates are rendered from.
public struct Frame: Sendable, Equatable {
    public var frameId: Int64
    public var frameVersionId: Int64
    public var canonVersionId: Int64
    /// The canon source's short name (JFM); rubric citations use it in lower case.
    public var canonSource: String
    public var canonRelease: String?
    public var family: String
    public var function: String
    public var levelCode: String
    public var levelTitle: String?
    /// Every statement, grouped by kind in canon order.
    public var statements: [CanonStatement]

    /// Statements of one kind, in canon order.
    public func statements(_ kind: StatementKind) -> [CanonStatement] {
        statements.filter { $0.kind == kind }.sorted { $0.position < $1.position }
    }

    /// The rubric with this name, if the canon gives one.
    public func rubric(_ name: String) -> CanonStatement? {
        statements.first { $0.kind == .rubric && $0.name == name }
    }

    /// `Data Science & Analytics · AI / Machine Learning Engineering · P2`.
    public var displayName: String { "\(family) · \(function) · \(levelCode)" }
}

/// One line of `canon list`: a frame as it stands now, with counts of what it holds.
public struct FrameSummary: Sendable, Equatable, Codable {
    public var family: String
    public var function: String
    public var level: String
    public var title: String?
    public var responsibilities: Int
    public var dimensions: Int
    public var rubrics: Int
    public var canonVersion: Int64
    public var source: String
    public var release: String?
}

/// What `canon import` did with one file.
public struct CanonImportOutcome: Sendable, Equatable {
    public enum Status: String, Sendable { case imported, unchanged }
    public var fileName: String
    public var status: Status
    /// The canon version that holds the file's bytes (new, or the earlier identical one).
    public var canonVersionId: Int64
    public var framesAdded: Int
    public var framesChanged: Int
    public var framesUnchanged: Int

    public init(fileName: String, status: Status, canonVersionId: Int64, framesAdded: Int, framesChanged: Int, framesUnchanged: Int) {
        self.fileName = fileName
        self.status = status
        self.canonVersionId = canonVersionId
        self.framesAdded = framesAdded
        self.framesChanged = framesChanged
        self.framesUnchanged = framesUnchanged
    }
}
