import Foundation

/// A realistic demo organization on the built-in canon: managers and teams, goals from
/// templates, filled values, check-ins spread over the quarter so far, and a few changes of mind.
/// The same size and day always give the same organization.
public enum DemoOrganization {
    static let firstNames = [
        "Ada", "Grace", "Lin", "Sam", "Noor", "Kofi", "Mei", "Ravi", "Elena", "Tomás", "Aiko", "Jonas",
        "Priya", "Omar", "Zoe", "Luca", "Hana", "Diego", "Sofia", "Yusuf", "Ingrid", "Mateo", "Leila", "Chen",
    ]
    static let lastNames = [
        "Park", "Hopper", "Chen", "Ortiz", "Haddad", "Mensah", "Tanaka", "Iyer", "Novak", "García", "Sato",
        "Berg", "Nair", "Farouk", "Martin", "Rossi", "Kim", "Silva", "Costa", "Demir", "Larsen", "López",
    ]

    /// Small deterministic random numbers (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    }

    /// Builds the organization in `store` (a new database) for the quarter containing `now`,
    /// returning the top manager's employee id.
    @discardableResult
    public static func build(in store: any GoalbookEngine, people count: Int, now: Date = Date()) throws -> String {
        guard (2...5000).contains(count) else { throw GoalbookError.invalidArgument("--people must be between 2 and 5000") }
        var random = Random(state: UInt64(count))
        let today = Day(now)
        let quarter = Quarter.containing(today)
        let start = quarter.firstDay()
        let elapsed = max(1, today.dayNumber - start.dayNumber)
        /// An instant `day` days into the quarter (never after now), at a working hour.
        func at(_ day: Int, hour: Int = 9) -> Date {
            let seconds = Double(start.dayNumber + min(day, elapsed)) * 86_400 + Double(hour * 3600)
            return min(Date(timeIntervalSince1970: seconds), now.addingTimeInterval(-Double(elapsed - min(day, elapsed)) - 1))
        }
        let frames: [(function: String, level: String)] = [("AI / Machine Learning Engineering", "P2"), ("Machine Learning Engineer", "IC2")]

        // The tree: a head, managers under them, everyone else under a manager, about six to a team.
        var inputs: [PersonInput] = []
        let managers = max(1, (count - 1) / 7)
        for i in 0..<count {
            let id = String(format: "E%03d", i + 1)
            let manager: String? = i == 0 ? nil : i <= managers ? "E001" : String(format: "E%03d", 2 + (i - managers - 1) % managers)
            let name = "\(firstNames[(i * 7) % firstNames.count]) \(lastNames[(i * 5 + i / firstNames.count) % lastNames.count])"
            let frame = frames[i % 3 == 2 ? 1 : 0]
            inputs.append(
                PersonInput(
                    employeeId: id, name: name, email: "\(id.lowercased())@example.com", managerId: manager,
                    family: nil, function: frame.function, level: frame.level))
        }
        _ = try PeopleService(store).write(inputs, file: "demo", mode: .add, actor: "hr", command: "demo", now: at(0))

        // Goals from templates, then filled, activated, checked in on, and sometimes changed.
        _ = try GoalService(store).assign(
            team: "E001", below: true, quarter: quarter, framework: .okr, rows: [1, 2], dryRun: false, actor: "E001", now: at(1))
        _ = try GoalService(store).add("E001", quarter: quarter, framework: .smart, rows: [1], actor: "E001", now: at(1))
        let goals = try GoalService(store).goals(GoalFilter(quarter: quarter))
        // Each person's first objective contributes to their manager's (the head's SMART goal at the
        // top); the first objective weighs 60 and the second 40, and some key results count double.
        let firstObjective = Dictionary(
            goals.filter { $0.framework == .okr && $0.rowNumber == 1 }.map { ($0.employeeId, $0.id) },
            uniquingKeysWith: { a, _ in a })
        let top = goals.first { $0.employeeId == "E001" && $0.framework == .smart }?.id
        for (index, goal) in goals.enumerated() where goal.framework == .okr {
            let manager = inputs.first { $0.employeeId == goal.employeeId }?.managerId ?? "E001"
            if goal.rowNumber == 1, let parent = manager == "E001" ? top : firstObjective[manager] {
                _ = try AlignmentService(store).align(goal.id, to: parent, actor: manager, now: at(1, hour: 11))
            }
            if index % 9 != 4 {  // a few people have their weights still to set: the report says so
                _ = try GoalService(store).set(
                    goal.id, [("weight", goal.rowNumber == 1 ? "60" : "40")], item: nil, direction: nil, actor: manager,
                    now: at(1, hour: 12))
            }
            if index % 4 == 1 {
                _ = try GoalService(store).set(goal.id, [("weight", "2")], item: "KR1", direction: nil, actor: manager, now: at(1, hour: 12))
            }
        }
        let units = [("%", 10.0, 40.0), (" ms", 250.0, 120.0), (" features", 0.0, 6.0), (" models", 1.0, 5.0)]
        for (index, goal) in goals.enumerated() {
            let manager = inputs.first { $0.employeeId == goal.employeeId }?.managerId ?? "E001"
            if random.chance(0.12) { continue }  // some goals are still waiting to be filled
            let (unit, base, target) = units[random.int(0...(units.count - 1))]
            let item = goal.items.first { $0.slot(.baseline) != nil }?.name ?? goal.items[0].name
            let due = quarter.lastDay().adding(days: -random.int(0...20))
            let baseline = base + Double(random.int(0...2))
            let goalTarget = target + Double(random.int(1...3))
            _ = try GoalService(store).set(
                goal.id,
                [
                    ("baseline", "\(Measure.format(baseline))\(unit)"), ("target", "\(Measure.format(goalTarget))\(unit)"),
                    ("date", due.description),
                ], item: item, direction: nil, actor: manager, now: at(2 + index % 5))
            var evidenceTarget: Int?
            if goal.items.count > 1, random.chance(0.6) {
                evidenceTarget = random.int(2...5)
                _ = try GoalService(store).set(
                    goal.id, [("target", "\(evidenceTarget!)"), ("date", due.description)], item: "KR2", direction: nil,
                    actor: manager, now: at(3 + index % 5))
            }
            _ = try GoalService(store).setStatus(
                goal.id, to: .active, note: random.chance(0.3) ? "agreed in 1:1" : nil, unfilled: true, actor: manager,
                now: at(4 + index % 5))
            // Check-ins every couple of weeks, moving towards the target at each person's own pace.
            let pace = [0.4, 0.8, 1.0, 1.15][random.int(0...3)]
            var day = 10 + random.int(0...6)
            while day < elapsed {
                let share = min(1.3, pace * Double(day) / Double(max(1, due.dayNumber - start.dayNumber)))
                let value = baseline + (goalTarget - baseline) * share
                let rounded = (value * 10).rounded() / 10
                _ = try CheckInService(store).checkIn(
                    goal.id, value: "\(Measure.format(rounded))\(unit)", item: item, on: start.adding(days: day),
                    note: nil, confidence: random.int(4...9), corrects: nil, actor: goal.employeeId, now: at(day, hour: 16))
                if let evidenceTarget {
                    let evidence = Int((Double(evidenceTarget) * share).rounded(.down))
                    _ = try CheckInService(store).checkIn(
                        goal.id, value: "\(evidence)", item: "KR2", on: start.adding(days: day), note: nil, confidence: nil,
                        corrects: nil, actor: goal.employeeId, now: at(day, hour: 17))
                }
                day += 12 + random.int(0...6)
            }
            if index % 11 == 5, elapsed > 20 {  // a target made more ambitious after a good start
                let stretched = goalTarget > baseline ? goalTarget + 5 : goalTarget - 5
                _ = try GoalService(store).set(
                    goal.id, [("target", "\(Measure.format(stretched))\(unit)")], item: item, direction: nil,
                    actor: manager, now: at(elapsed / 2 + 1))
            } else if index % 17 == 8, elapsed > 25 {
                _ = try GoalService(store).setStatus(goal.id, to: .dropped, note: "priorities changed", actor: manager, now: at(elapsed - 3))
            }
        }
        // A demo file may be replaced by the next demo; a server database is never replaced.
        try (store as? SQLiteEngine)?.markDemo()
        return "E001"
    }
}
