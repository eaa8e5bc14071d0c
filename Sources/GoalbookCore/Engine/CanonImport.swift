import Foundation

/// The reads and writes a canon import makes, one engine's SQL each; ``CanonImport`` holds the
/// rules, so that every engine stores the same canon the same way.
protocol CanonImportStore {
    /// The canon version that holds these exact bytes, if they were imported before.
    func canonVersion(sha256: String) throws -> Int64?
    /// Adds a canon version for a document's bytes and returns its id.
    func insertCanonVersion(_ document: CanonDocument, sha256: String, stamp: String, actor: String) throws -> Int64
    /// The stored frame with this family, function and level, if any.
    func frameId(_ frame: FrameSpec) throws -> Int64?
    /// True when a canon version gave the frame a version already.
    func hasFrameVersion(frameId: Int64, canonVersionId: Int64) throws -> Bool
    /// The content fingerprint of the frame's newest version.
    func latestFingerprint(frameId: Int64) throws -> String?
    /// Adds a frame and returns its id.
    func insertFrame(_ frame: FrameSpec) throws -> Int64
    /// Adds a frame version with its statements (each with its 1-based position among its kind).
    func insertFrameVersion(
        frameId: Int64, canonVersionId: Int64, title: String?, fingerprint: String,
        statements: [(position: Int, statement: StatementSpec)]) throws
}

/// How a parsed canon document is stored: the rules every engine follows.
///
/// A file whose bytes were imported before changes nothing. Otherwise it becomes a new canon
/// version, and each frame whose content differs from its newest stored version gets a new
/// frame version with its statements. Old versions stay, so goals keep what they point at.
enum CanonImport {
    /// Imports each document in turn, telling `progress` after each frame how many of all the
    /// documents' frames are done.
    static func run(
        _ documents: [CanonDocument], in store: some CanonImportStore, actor: String, stamp: String, progress: ProgressMeter? = nil
    ) throws -> [CanonImportOutcome] {
        let total = documents.reduce(0) { $0 + $1.frames.count }
        var done = 0
        return try documents.map { document in
            try run(document, in: store, actor: actor, stamp: stamp) {
                done += 1
                progress?.update(done: done, total: total)
            }
        }
    }

    static func run(
        _ document: CanonDocument, in store: some CanonImportStore, actor: String, stamp: String, frameDone: () -> Void = {}
    ) throws -> CanonImportOutcome {
        let sha = SHA256Hex.of(document.bytes)
        // The same bytes read again change nothing, frame by frame: but a ladder read under another
        // --family is another frame, added to the canon version those bytes already have.
        let existing = try store.canonVersion(sha256: sha)
        let versionId = try existing ?? store.insertCanonVersion(document, sha256: sha, stamp: stamp, actor: actor)
        var outcome = CanonImportOutcome(
            fileName: document.fileName, status: .imported, canonVersionId: versionId,
            framesAdded: 0, framesChanged: 0, framesUnchanged: 0)
        for frame in document.frames {
            defer { frameDone() }
            let fingerprint = contentFingerprint(frame)
            let frameId: Int64
            if let id = try store.frameId(frame) {
                frameId = id
                // Bytes imported before, for a frame they made already: nothing new (even where a
                // later file has changed the frame since).
                if existing != nil, try store.hasFrameVersion(frameId: id, canonVersionId: versionId) {
                    outcome.framesUnchanged += 1
                    continue
                }
                if try store.latestFingerprint(frameId: id) == fingerprint {
                    outcome.framesUnchanged += 1
                    continue
                }
                outcome.framesChanged += 1
            } else {
                frameId = try store.insertFrame(frame)
                outcome.framesAdded += 1
            }
            var positions: [StatementKind: Int] = [:]
            let statements = frame.statements.map { statement in
                let position = (positions[statement.kind] ?? 0) + 1
                positions[statement.kind] = position
                return (position: position, statement: statement)
            }
            try store.insertFrameVersion(
                frameId: frameId, canonVersionId: versionId, title: frame.levelTitle, fingerprint: fingerprint, statements: statements)
        }
        if existing != nil && outcome.framesAdded == 0 && outcome.framesChanged == 0 { outcome.status = .unchanged }
        return outcome
    }

    /// A fingerprint of everything a frame says (title and statements, not line numbers).
    static func contentFingerprint(_ frame: FrameSpec) -> String {
        var bytes: [UInt8] = []
        func add(_ value: String?) {
            guard let value else {
                bytes.append(0x2D)
                bytes.append(0x00)
                return
            }
            bytes += Array("\(value.utf8.count):".utf8) + Array(value.utf8)
        }
        add(frame.levelTitle)
        for statement in frame.statements {
            for field in [statement.kind.rawValue, statement.name, statement.area, statement.description, statement.text, statement.sourceLabel] {
                add(field)
            }
        }
        return SHA256Hex.of(bytes)
    }

    /// The canon embedded in the binary, parsed.
    static func builtInDocuments() throws -> [CanonDocument] {
        try Resources.builtInCanon.map { file in
            try CanonParser.parse(
                bytes: Array(file.bytes), fileName: "builtin:\(file.name)", format: nil,
                family: Resources.builtInLadderFamilies[file.name])
        }
    }
}
