import Foundation
import GRDB

/// The reads of the canon.
extension SQLiteSession {
    func frameSummaries() throws -> [FrameSummary] { try SQLiteEngine.frameSummaries(db: db) }

    func currentFrames() throws -> [FrameLookup.Candidate] {
        try Row.fetchAll(db, sql: "SELECT frame_version_id, family, function, level_code FROM frame_current").map {
            FrameLookup.Candidate(frameVersionId: $0["frame_version_id"], family: $0["family"], function: $0["function"], level: $0["level_code"])
        }
    }

    func frame(versionId: Int64) throws -> Frame { try SQLiteEngine.frame(versionId: versionId, db: db) }

    func currentVersion(ofFrame frameId: Int64) throws -> (frameVersionId: Int64, canonVersionId: Int64)? {
        try Row.fetchOne(db, sql: "SELECT frame_version_id, canon_version_id FROM frame_current WHERE frame_id = ?", arguments: [frameId])
            .map { ($0["frame_version_id"], $0["canon_version_id"]) }
    }
}
