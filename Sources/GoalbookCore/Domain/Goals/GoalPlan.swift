/// What a command will do to one goal, decided before anything is written: the stored fields to
/// change, the history rows that record them, the changes the command prints, and the goal as it
/// will be afterwards.
///
/// Plans are made by pure rules (``GoalPlan/set(_:_:item:direction:context:)``,
/// ``GoalPlan/status(_:to:note:unfilled:context:)``, …) that refuse bad requests before any
/// write, and an engine applies a plan in the caller's transaction with
/// ``EngineWriter/apply(_:)``. A plan made from another plan's ``goal`` continues it, so one
/// command may change several things of a goal and apply them together.
public struct GoalPlan: Sendable, Equatable {
    /// The goal the plan changes.
    public let goalId: Int64
    /// Whose history the plan's rows are, unless a row says otherwise: the owner when it began.
    let person: String
    /// The goal as it will be once the plan is applied.
    public private(set) var goal: Goal
    /// The stored fields to write, in order.
    public private(set) var writes: [GoalWrite] = []
    /// The history rows to append, in order.
    public private(set) var history: [PlannedHistory] = []
    /// What the command prints, in order.
    public private(set) var changes: [FieldChange] = []

    /// An empty plan for `goal` as it is now.
    public init(_ goal: Goal) {
        goalId = goal.id
        person = goal.employeeId
        self.goal = goal
    }

    /// True when applying the plan writes nothing.
    public var isEmpty: Bool { writes.isEmpty && history.isEmpty }

    /// Records a write and what it changes in ``goal``.
    mutating func write(_ write: GoalWrite) {
        writes.append(write)
        write.apply(to: &goal)
    }

    /// Records a history row, for the goal's owner when the plan began unless `person` says whose.
    mutating func record(item: String? = nil, field: String, old: String?, new: String?, note: String? = nil, person: String? = nil) {
        history.append(PlannedHistory(person: person ?? self.person, item: item, field: field, old: old, new: new, note: note))
    }

    /// Records a change the command prints.
    mutating func print(_ change: FieldChange) { changes.append(change) }

    /// This plan followed by `next`, a plan made from this one's ``goal``.
    public func then(_ next: GoalPlan) -> GoalPlan {
        precondition(next.goalId == goalId, "plans of two goals do not chain")
        var joined = self
        joined.goal = next.goal
        joined.writes += next.writes
        joined.history += next.history
        joined.changes += next.changes
        return joined
    }
}

/// One stored field of a goal that a plan changes.
public enum GoalWrite: Sendable, Equatable {
    /// A slot's value (with its parsed number and unit) of one item.
    case slot(item: String, GoalSlot)
    /// An item's direction.
    case direction(item: String, Direction?)
    /// An item's keep rule and tolerance (a goal that keeps a value), written together.
    case keep(item: String, Keep?, tolerance: Double?)
    /// A key result's weight inside its objective.
    case itemWeight(item: String, Double?)
    /// The goal's weight among its person's goals.
    case weight(Double?)
    /// The goal's owner, by employee id.
    case owner(String)
    /// The goal's status.
    case status(GoalStatus)
    /// The goal it is aligned to.
    case alignedTo(Int64?)
    /// Its quarter-end score.
    case score(Double?)

    func apply(to goal: inout Goal) {
        func item(_ name: String, _ change: (inout GoalItem) -> Void) {
            if let at = goal.items.firstIndex(where: { $0.name == name }) { change(&goal.items[at]) }
        }
        switch self {
        case .slot(let name, let slot): item(name) { $0.slots = $0.slots.map { $0.slot == slot.slot ? slot : $0 } }
        case .direction(let name, let direction): item(name) { $0.direction = direction }
        case .keep(let name, let keep, let tolerance):
            item(name) {
                $0.keep = keep
                $0.tolerance = tolerance
            }
        case .itemWeight(let name, let weight): item(name) { $0.weight = weight }
        case .weight(let weight): goal.weight = weight
        case .owner(let employeeId): goal.employeeId = employeeId
        case .status(let status): goal.status = status
        case .alignedTo(let target): goal.alignedTo = target
        case .score(let score): goal.score = score
        }
    }
}

/// A history row a plan appends: who it is about (an employee id), the item and field, the values
/// before and after, and an optional note. When, who acted and which command come from the write.
public struct PlannedHistory: Sendable, Equatable {
    public var person: String
    public var item: String?
    public var field: String
    public var old: String?
    public var new: String?
    public var note: String?

    public init(person: String, item: String? = nil, field: String, old: String?, new: String?, note: String? = nil) {
        self.person = person
        self.item = item
        self.field = field
        self.old = old
        self.new = new
        self.note = note
    }
}

/// What the rules need to know about a goal's surroundings, read by the service in the same
/// transaction as the goal.
public struct GoalContext: Sendable, Equatable {
    /// When the goal's quarter was closed, or nil while it is open.
    public var quarterClosedAt: String?
    /// The organization's settings (fiscal year, score scales).
    public var settings: ProgressSettings

    public init(quarterClosedAt: String?, settings: ProgressSettings) {
        self.quarterClosedAt = quarterClosedAt
        self.settings = settings
    }
}
