import Foundation

/// The canon: importing job frames and ladders as new versions, and reading the current frames.
public struct CanonService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// Stores parsed canon documents, all in one transaction; unchanged files change nothing.
    public func importCanon(
        _ documents: [CanonDocument], actor: String, now: Date = Date(), progress: ProgressMeter? = nil
    ) throws -> [CanonImportOutcome] {
        try engine.importCanon(documents, actor: actor, now: now, progress: progress)
    }

    /// Imports the canon embedded in the binary; files already imported change nothing.
    public func importBuiltIn(actor: String, now: Date = Date()) throws -> [CanonImportOutcome] {
        try engine.importBuiltInCanon(actor: actor, now: now)
    }

    /// Every current frame, with its counts.
    public func frames() throws -> [FrameSummary] { try engine.reading { try $0.frameSummaries() } }

    /// The current version of one frame; not found names close matches.
    public func frame(function: String, level: String, family: String? = nil) throws -> Frame {
        try engine.reading { tx in
            let found = try FrameLookup.find(function: function, level: level, family: family, in: try tx.currentFrames())
            return try tx.frame(versionId: found.frameVersionId)
        }
    }
}
