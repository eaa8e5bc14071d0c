import ArgumentParser
import Foundation
import GoalbookCore

/// Output formats for one thing shown.
enum TextFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ReportFormat: ExpressibleByArgument {}

extension QueryFormat: ExpressibleByArgument {}

/// Output formats for listings.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

extension GoalStatus: ExpressibleByArgument {}

extension Direction: ExpressibleByArgument {}

extension Framework: ExpressibleByArgument {}

extension CanonFormat: ExpressibleByArgument {}

extension SlotName: ExpressibleByArgument {}
