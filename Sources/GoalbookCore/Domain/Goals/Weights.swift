import Foundation

/// Goal and key-result weights: non-negative numbers; an unset weight weighs 1.
public enum GoalWeights {
    /// A weight as typed; nil for an empty value (the weight is unset).
    public static func parse(_ text: String, what: String) throws -> Double? {
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { return nil }
        guard let number = Double(trimmed), number.isFinite,
            trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") })
        else {
            throw GoalbookError.invalidArgument("\(what) must be a number of 0 or more, like 30 or 2.5; got '\(text)'")
        }
        guard number >= 0 else { throw GoalbookError.invalidArgument("\(what) cannot be below 0; got \(trimmed)") }
        return number
    }

    /// `30`, `2.5`: a weight as shown and as history keeps it.
    public static func format(_ weight: Double?) -> String? { weight.map(Measure.format) }

    /// What the weight check reads of a goal: a report keeps this much of each goal it reads in
    /// chunks, not the goal.
    struct Member: Sendable {
        let id: Int64
        let employeeId: String
        let quarter: String
        let counts: Bool
        let weight: Double?

        init(_ goal: Goal) {
            id = goal.id
            employeeId = goal.employeeId
            quarter = goal.quarter
            counts = goal.counts
            weight = goal.weight
        }
    }

    /// What is wrong with each person's weights in each quarter: where some of the goals that
    /// count (not dropped) have a weight, the weights (unset ones counting 1) should
    /// add up to 100. The figures still use the weights as given.
    public static func warnings(_ goals: [Goal]) -> [String] { warnings(goals.map(Member.init)) }

    /// ``warnings(_:)-([Goal])`` of the goals' members, in the goals' order.
    static func warnings(_ goals: [Member]) -> [String] {
        var order: [String] = []
        var groups: [String: [Member]] = [:]
        for goal in goals where goal.counts {
            let key = "\(goal.employeeId) in \(goal.quarter)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(goal)
        }
        return order.compactMap { key in
            guard let members = groups[key], members.contains(where: { $0.weight != nil }) else { return nil }
            let total = members.reduce(0) { $0 + ($1.weight ?? 1) }
            guard abs(total - 100) > 1e-9 else { return nil }
            let unset = members.filter { $0.weight == nil }.map { GoalID.format($0.id) }
            return "\(key): goal weights add up to \(Measure.format(total)), not 100"
                + (unset.isEmpty
                    ? ""
                    : " (\(unset.joined(separator: ", ")) \(unset.count == 1 ? "has" : "have") no weight and count\(unset.count == 1 ? "s" : "") "
                        + "as 1)")
        }
    }
}

/// A framework's scoring scale, from the settings: min to max in steps.
public struct ScoreScale: Sendable, Equatable, Codable {
    public var min: Double
    public var max: Double
    public var step: Double

    public init(min: Double, max: Double, step: Double) {
        self.min = min
        self.max = max
        self.step = step
    }

    /// OKR grades 0.0–1.0 in steps of 0.1; ratings 1–5.
    public static func standard(_ framework: Framework) -> ScoreScale {
        framework == .okr ? ScoreScale(min: 0, max: 1, step: 0.1) : ScoreScale(min: 1, max: 5, step: 1)
    }

    /// `0 to 1 in steps of 0.1`
    public var description: String { "\(Measure.format(min)) to \(Measure.format(max)) in steps of \(Measure.format(step))" }

    /// Whether min < max and the step is above 0 and fits the range.
    public var isValid: Bool { min.isFinite && max.isFinite && step.isFinite && min < max && step > 0 && step <= max - min }

    /// The value on the scale, snapped to its step; nil when it is off the scale or between steps.
    public func check(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let steps = (value - min) / step
        let whole = steps.rounded()
        guard abs(steps - whole) < 1e-6, whole >= 0, min + whole * step <= max + 1e-9 else { return nil }
        return snapped(whole)
    }

    /// The score a progress (0…1) suggests: the same share of the way from min to max, to the nearest step.
    public func suggest(progress: Double) -> Double {
        let share = Swift.min(1, Swift.max(0, progress))
        let lastStep = ((max - min) / step + 1e-9).rounded(.down)
        return snapped(Swift.min(lastStep, ((share * (max - min)) / step).rounded()))
    }

    private func snapped(_ steps: Double) -> Double { ((min + steps * step) * 1e9).rounded() / 1e9 }
}
