import Foundation

/// Where a goal is in its life. Goals are never deleted.
public enum GoalStatus: String, Sendable, CaseIterable, Codable {
    case draft, active, done, dropped, carried

    /// Whether a goal in this status counts in progress figures and roll-ups: every goal but a
    /// dropped one. A goal carried into a later quarter still counts in its own quarter, with the
    /// figures it had at the carry (`carried` is the status earlier versions gave such goals).
    public var counts: Bool { self != .dropped }

    /// Whether a goal in this status gets a quarter-end score: active and done goals, and goals
    /// an earlier version marked carried.
    public var isScored: Bool { self == .active || self == .done || self == .carried }

    /// The statuses a person may move a goal to from this one (`carried` is `goals carry`'s alone).
    /// An active goal can go back to draft, to be reworked before it counts as agreed.
    public var allowedNext: [GoalStatus] {
        switch self {
        case .draft: return [.active]
        case .active: return [.done, .dropped, .draft]
        case .done, .dropped, .carried: return []
        }
    }
}

/// Which way a goal's metric should move, from baseline to target.
public enum Direction: String, Sendable, CaseIterable, Codable {
    case increase, decrease, maintain
}

/// Which side of its target a goal that keeps a value (direction `maintain`) is met on.
public enum Keep: String, Sendable, CaseIterable, Codable {
    /// Met while the latest value is at least the target, less the tolerance (an SLO of 99.5%).
    case atLeast = "at_least"
    /// Met while the latest value is at most the target, plus the tolerance (a latency budget).
    case atMost = "at_most"
    /// Met while the latest value is within the tolerance of the target, either side. The default.
    case within

    /// `at-least`, `at_least`, `at least` (any case).
    public static func parse(_ text: String, what: String) throws -> Keep {
        let key = text.trimmingBlanks().lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        guard let keep = Keep(rawValue: key) else {
            throw GoalbookError.invalidArgument("\(what) must be at-least, at-most or within; got '\(text)'")
        }
        return keep
    }

    /// `at-least`, as people type it.
    public var typed: String { rawValue.replacingOccurrences(of: "_", with: "-") }

    /// Whether `value` meets `target` on this side, `tolerance` (in the target's unit) allowed.
    /// A hair of slack (a billionth of the target) keeps decimal arithmetic from missing an exact hit.
    public func met(_ value: Double, target: Double, tolerance: Double) -> Bool {
        let slack = tolerance + 1e-9 * max(1, abs(target))
        switch self {
        case .atLeast: return value >= target - slack
        case .atMost: return value <= target + slack
        case .within: return abs(value - target) <= slack
        }
    }
}

/// The three kinds of placeholder.
/// Ordered as an item shows its slots: baseline, target, date.
public enum SlotName: String, Sendable, CaseIterable, Codable, Comparable {
    case baseline, target, date

    public static func < (a: SlotName, b: SlotName) -> Bool { a.place < b.place }

    private var place: Int {
        switch self {
        case .baseline: 0
        case .target: 1
        case .date: 2
        }
    }
}

/// One placeholder of one item, filled or not.
public struct GoalSlot: Sendable, Equatable, Codable {
    public var slot: SlotName
    /// The value as displayed (`40%`, `2026-12-15`), nil while unfilled.
    public var value: String?
    public var number: Double?
    public var unit: String?

    public init(slot: SlotName, value: String? = nil, number: Double? = nil, unit: String? = nil) {
        self.slot = slot
        self.value = value
        self.number = number
        self.unit = unit
    }

    /// The baseline or target as a measure, when filled.
    public var measure: Measure? { number.map { Measure(number: $0, unit: unit) } }
}

/// A part of a goal with placeholders: `main`, or an OKR key result (`KR1`, `KR2`).
public struct GoalItem: Sendable, Equatable, Codable {
    public var name: String
    public var firstLine: Int
    public var lastLine: Int
    public var direction: Direction?
    public var slots: [GoalSlot]
    /// How much a key result counts inside its objective; nil weighs 1.
    public var weight: Double?
    /// For a goal that keeps a value: which side of the target is met; nil means ``Keep/within``.
    public var keep: Keep?
    /// For a goal that keeps a value: how far from the target still counts as met, in the item's
    /// unit; nil means 0.
    public var tolerance: Double?

    public init(
        name: String, firstLine: Int, lastLine: Int, direction: Direction?, slots: [GoalSlot], weight: Double? = nil,
        keep: Keep? = nil, tolerance: Double? = nil
    ) {
        self.name = name
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.direction = direction
        self.slots = slots
        self.weight = weight
        self.keep = keep
        self.tolerance = tolerance
    }

    /// The tolerance in the item's unit (`0.5%`), as history and goals show record it; nil when unset.
    public var toleranceText: String? { tolerance.map { Measure(number: $0, unit: unit).description } }

    /// When a maintain item is met, in words: `at 99% or more`, `within 5 ± 0.2`, `at exactly 5`.
    public var keepRule: String? {
        guard direction == .maintain, let target = slot(.target)?.measure else { return nil }
        let tolerance = self.tolerance ?? 0
        switch keep ?? .within {
        case .atLeast: return "met at \(Measure(number: target.number - tolerance, unit: target.unit)) or more"
        case .atMost: return "met at \(Measure(number: target.number + tolerance, unit: target.unit)) or less"
        case .within:
            return tolerance == 0 ? "met at exactly \(target)" : "met within \(target) ± \(Measure(number: tolerance, unit: target.unit))"
        }
    }

    public func slot(_ name: SlotName) -> GoalSlot? { slots.first { $0.slot == name } }
    /// The unit the item already uses (from its baseline or target), if any is filled.
    public var unit: String? { (slot(.baseline)?.unit) ?? (slot(.target)?.unit) }
}

/// A person's goal: one template row of their frame, with its own copy of the text and its slots.
public struct Goal: Sendable, Equatable, Codable {
    public var id: Int64
    public var employeeId: String
    public var personName: String
    public var quarter: String
    public var framework: Framework
    public var rowNumber: Int
    public var frameId: Int64
    public var frameVersionId: Int64
    public var canonVersionId: Int64
    public var statementId: Int64
    public var title: String
    /// The rendered template row it was made from, placeholders included. Never changes.
    public var templateText: String
    public var status: GoalStatus
    public var carriedFrom: Int64?
    /// The goal of a later quarter that continues this one, once `goals carry` has carried it.
    /// A carried goal keeps its status and figures in its own quarter and takes no more changes.
    public var carriedTo: Int64? = nil
    public var createdAt: String
    public var createdBy: String
    public var items: [GoalItem]
    /// The stored copy of the template row (`goal_template`).
    public var templateId: Int64
    /// The goal of the same quarter this one contributes to (`goals align`).
    public var alignedTo: Int64? = nil
    /// How much the goal counts among its person's goals of the quarter; nil weighs 1.
    public var weight: Double? = nil
    /// The quarter-end score, on its framework's scale (`goals score`).
    public var score: Double? = nil

    public init(
        id: Int64, employeeId: String, personName: String, quarter: String, framework: Framework, rowNumber: Int, frameId: Int64,
        frameVersionId: Int64, canonVersionId: Int64, statementId: Int64, title: String, templateText: String, status: GoalStatus,
        carriedFrom: Int64? = nil, carriedTo: Int64? = nil, createdAt: String, createdBy: String, items: [GoalItem], templateId: Int64,
        alignedTo: Int64? = nil, weight: Double? = nil, score: Double? = nil
    ) {
        self.id = id
        self.employeeId = employeeId
        self.personName = personName
        self.quarter = quarter
        self.framework = framework
        self.rowNumber = rowNumber
        self.frameId = frameId
        self.frameVersionId = frameVersionId
        self.canonVersionId = canonVersionId
        self.statementId = statementId
        self.title = title
        self.templateText = templateText
        self.status = status
        self.carriedFrom = carriedFrom
        self.carriedTo = carriedTo
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.items = items
        self.templateId = templateId
        self.alignedTo = alignedTo
        self.weight = weight
        self.score = score
    }

    public var counts: Bool { status.counts }

    /// Whether the goal still takes changes to its values: not dropped, and not carried into a
    /// later quarter (where the goal that continues it takes them). A closed quarter is checked apart.
    public var takesChanges: Bool { carriedTo == nil && status != .dropped && status != .carried }

    /// Refuses a move the lifecycle does not allow, and activating a goal with unfilled slots
    /// (naming them) unless `unfilled` says that is meant.
    public func checkMove(to next: GoalStatus, unfilled: Bool) throws {
        guard status.allowedNext.contains(next) else {
            let allowed = status.allowedNext.map(\.rawValue)
            throw GoalbookError.refused(
                "\(displayId) is \(status.rawValue) and cannot become \(next.rawValue)"
                    + (allowed.isEmpty ? " (\(status.rawValue) is final)" : " (it can become \(allowed.joined(separator: " or ")))")
                    + (next == .carried ? "; goals are carried by goalbook goals carry" : ""))
        }
        let missing = unfilledSlots
        if next == .active && !missing.isEmpty && !unfilled {
            let filled = items.reduce(0) { $0 + $1.slots.count } - missing.count
            throw GoalbookError.refused(
                "\(displayId) has \(filled) of \(filled + missing.count) slots filled; unfilled: \(missing.joined(separator: ", ")). "
                    + "Fill them first (goalbook goals fill \(displayId)), or say --unfilled to make it active as it is")
        }
    }

    /// `G42`: the id people see and type.
    public var displayId: String { GoalID.format(id) }

    public func item(_ name: String) -> GoalItem? { items.first { $0.name == name } }

    /// The template text with each filled slot in place of its placeholder. An unfilled slot
    /// keeps its ⟨placeholder⟩, so nothing looks filled that is not.
    public var filledText: String {
        var lines = templateText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for item in items {
            for index in (item.firstLine - 1)..<min(item.lastLine, lines.count) {
                for slot in item.slots {
                    guard let value = slot.value else { continue }
                    lines[index] = lines[index].replacingOccurrences(of: "⟨\(slot.slot.rawValue)⟩", with: value)
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The slots not filled yet, named `target` or `KR1.target`.
    public var unfilledSlots: [String] {
        // One array, no array per item: every line of a report asks.
        var names: [String] = []
        for item in items {
            for slot in item.slots where slot.value == nil { names.append(fieldName(item: item.name, slot.slot.rawValue)) }
        }
        return names
    }

    /// How people name a field of an item: `target` where the goal has one item, `KR1.target`
    /// where it has several.
    public func fieldName(item: String, _ field: String) -> String {
        items.count == 1 ? field : "\(item).\(field)"
    }

    /// The item and field a ``fieldName(item:_:)`` names.
    public func field(named name: String) -> (item: String, field: String) {
        let parts = name.split(separator: ".", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : (items.first?.name ?? "main", name)
    }
}

/// Goal ids as people write them: `G42`, `g42` or `42`.
public enum GoalID {
    public static func format(_ id: Int64) -> String { "G\(id)" }

    public static func parse(_ text: String) throws -> Int64 {
        var t = text.trimmingBlanks()
        if t.first == "G" || t.first == "g" { t.removeFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(t), id > 0 else {
            throw GoalbookError.invalidArgument("'\(text)' is not a goal id: goal ids look like G42 (see goalbook goals list)")
        }
        return id
    }
}
