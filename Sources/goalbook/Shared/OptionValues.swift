import ArgumentParser
import GoalbookCore

/// A value an option or argument takes from a fixed set. Because it is `CaseIterable`, the help
/// lists every value itself ("values: …"), so no help text names them by hand and none can drift.
///
/// Plain text output is called `text` everywhere. Its earlier names, `txt` (report, tree, scores)
/// and `table` (listings, sql), still parse, so scripts keep working, but help lists only `text`.
protocol OptionValue: CaseIterable, ExpressibleByArgument, RawRepresentable where RawValue == String {}

extension OptionValue {
    public init?(argument: String) {
        self.init(rawValue: ["txt": "text", "table": "text"][argument] ?? argument)
    }
}

/// Output formats for one thing shown.
enum TextFormat: String, OptionValue {
    case text, json
}

/// Output formats for listings.
enum ListFormat: String, OptionValue {
    case text, csv, json
}

extension ReportFormat: OptionValue {}

extension QueryFormat: OptionValue {}

extension GoalStatus: OptionValue {}

extension Direction: OptionValue {}

extension Framework: OptionValue {}

extension CanonFormat: OptionValue {}

extension SlotName: OptionValue {}
