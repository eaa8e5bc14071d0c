import Foundation

/// The quarterly report, and the settings its figures follow.
public struct ReportService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// The quarterly report of a scope. A closed quarter is shown as it was when it closed,
    /// `asOf` shows any past instant, and otherwise it is now.
    public func report(quarter: Quarter, scope: ReportScope, asOf: String? = nil, now: Date = Date()) throws -> Report {
        try engine.report(quarter: quarter, scope: scope, asOf: asOf, now: now)
    }

    /// The organization's progress settings.
    public func settings() throws -> ProgressSettings { try engine.settings() }
}
