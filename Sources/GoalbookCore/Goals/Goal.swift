import Foundation

/// Where a goal is in its life. Goals are never deleted.
public enum GoalStatus: String, Sendable, CaseIterable, Codable {
    case draft, active, done, dropped, carried

    /// Whether a goal in this status counts in progress figures and roll-ups: dropped and carried goals do not.
    public var counts: Bool { self != .dropped && self != .carried }

    /// The statuses a person may move a goal to from this one (`carried` is `goals carry`'s alone).
    public var allowedNext: [GoalStatus] {
        switch self {
        case .draft: return [.active]
        case .active: return [.done, .dropped]
        case .done, .dropped, .carried: return []
        }
    }
}

/// Which way a goal's metric should move, from baseline to target.
public enum Direction: String, Sendable, CaseIterable, Codable {
    case increase, decrease, maintain
}

/// The three kinds of placeholder.
public enum SlotName: String, Sendable, CaseIterable, Codable {
    case baseline, target, date
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

    public init(name: String, firstLine: Int, lastLine: Int, direction: Direction?, slots: [GoalSlot], weight: Double? = nil) {
        self.name = name
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.direction = direction
        self.slots = slots
        self.weight = weight
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

    public var counts: Bool { status.counts }

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
        items.flatMap { item in item.slots.filter { $0.value == nil }.map { fieldName(item: item.name, $0.slot.rawValue) } }
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
