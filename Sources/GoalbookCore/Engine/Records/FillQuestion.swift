/// One unfilled slot that `goals fill` asks about.
public struct FillQuestion: Sendable, Equatable {
    public var goalId: Int64
    public var employeeId: String
    public var personName: String
    /// `OKR objective 2`.
    public var row: String
    public var title: String
    /// `main`, `KR1`, `KR2`.
    public var item: String
    public var slot: SlotName
    /// The template line the placeholder stands on, with it marked: `… from [⟨baseline⟩] to ⟨target⟩ …`.
    public var line: String
    /// What an answer must be, in words.
    public var expects: String
    /// The same slot's value in the goal this one was carried from, for an answer of `=`.
    public var previous: String?

    /// `target`, or `KR1.target` where the goal has several items.
    public var name: String

    /// What the slot expects once `answers` are given: a baseline or target typed a moment ago
    /// in this goal's item fixes the unit the other must use.
    public func expects(after answers: [FillAnswer]) -> String {
        guard slot != .date,
            let unit = answers.last(where: { $0.goalId == goalId && $0.item == item && $0.slot != .date })
                .flatMap({ try? Measure.parse($0.value, what: "") })?.unit
        else { return expects }
        return Self.expectation(unit: unit)
    }

    /// `a number in %, the unit this goal uses (e.g. 40%)`.
    static func expectation(unit: String) -> String {
        "a number in \(unit), the unit this goal uses (e.g. \(Measure(number: 40, unit: unit)))"
    }
}
