import Foundation

/// Whose goals a report covers.
public enum ReportScope: Sendable, Equatable {
    /// Everyone.
    case all
    /// A team: the manager and everyone below them, at any depth; with `below`, only the people
    /// below them.
    case team(String, below: Bool = false)
    /// One person.
    case person(String)
}

/// A person as the report shows them: as they were at the report's instant.
public struct ReportPerson: Sendable, Equatable, Codable {
    public var employeeId: String
    public var name: String
    public var managerId: String?
    public var family: String
    public var function: String
    public var level: String
    public var leftOn: String?
}

/// One goal's line of the report.
public struct ReportGoal: Sendable, Equatable, Codable {
    public var goalId: String
    public var employeeId: String
    public var framework: Framework
    public var rowNumber: Int
    public var title: String
    public var status: GoalStatus
    public var track: Track
    /// Progress clamped to 0…1; nil when the goal is not filled.
    public var progress: Double?
    /// Progress as computed, not clamped (below 0 or above 1 when it went backwards or overshot).
    public var progressRaw: Double?
    /// The share of the way through the goal's time the report date is.
    public var expected: Double
    public var items: [ItemProgress]
    public var lastCheckin: String?
    /// The newest confidence (0–10) given with a check-in that counts, of any item, and its date.
    public var confidence: Int? = nil
    public var confidenceOn: String? = nil
    /// The confidence given with the check-in before that one, for its direction.
    public var previousConfidence: Int? = nil
    /// The newest note given with a check-in that counts, and its date.
    public var note: String? = nil
    public var noteOn: String? = nil
    public var unfilled: [String]
    public var slotsTotal: Int
    public var slotsFilled: Int
    public var carriedFrom: String?
    /// The goal of a later quarter that continues this one (`G52`), once it was carried there.
    public var carriedTo: String? = nil
    /// The goal's weight among its person's goals of the quarter; nil weighs 1.
    public var weight: Double? = nil
    /// The quarter-end score, when given.
    public var score: Double? = nil
    /// The goal it is aligned to (`G17`), and that goal's owner.
    public var alignedTo: String? = nil
    public var alignedToPerson: String? = nil
    /// Progress on each day the goal had a check-in, in day order.
    public var trend: [TrendPoint] = []

    public var counts: Bool { status.counts }

    /// `G1 (E001)`: the goal it is aligned to, with that goal's owner where known.
    public var alignedToLabel: String? { alignedTo.map { $0 + (alignedToPerson.map { " (\($0))" } ?? "") } }

    /// The item whose figures stand for the goal in one-row forms: `main`, or KR1.
    public var primary: ItemProgress? { items.first }

    /// `KR1: ` before an item's figures where the goal has several items; nothing where it has one.
    public func label(_ item: ItemProgress) -> String { items.count == 1 ? "" : "\(item.item): " }
}

/// A roll-up of a subtree: one direct report and everyone below them.
public struct TeamRollup: Sendable, Equatable, Codable {
    public var employeeId: String
    public var name: String
    public var people: Int
    public var peopleWithGoals: Int
    public var goalsByStatus: [String: Int]
    public var goals: Int
    /// Mean progress of the goals that have one, dropped goals left out; nil when none has.
    public var averageProgress: Double?
    public var slotsFilledShare: Double?
    public var peopleWithoutGoals: [String]
    /// The mean of the people's own weighted progress (each person's goals weighted by their
    /// weights, an unset weight weighing 1), over the people who have progress.
    public var weightedProgress: Double? = nil
    /// Goals of the subtree aligned to a goal of someone outside it: `G7 → G1 (E001)`.
    public var alignedOutside: [String] = []
    /// Goals of the subtree (not dropped) aligned to nothing.
    public var alignedToNothing: [String] = []
    /// True for the row of a team head's own goals (the head alone, without the people below).
    public var headOnly: Bool = false
    /// Average progress at each week's end (each Sunday, then the report date) of the goals
    /// created by then, from the check-ins dated up to that day: the same rule as
    /// `averageProgress`, which is its last point.
    public var weekly: [TrendPoint] = []
}

/// One person's figures for the quarter.
public struct PersonFigures: Sendable, Equatable, Codable {
    public var employeeId: String
    /// Mean progress of their goals that have one (dropped goals left out).
    public var averageProgress: Double?
    /// The same weighted by goal weight.
    public var weightedProgress: Double?
    /// What is wrong with their weights (they do not add up to 100), if anything.
    public var weightWarning: String?
}

/// A change to a goal of the quarter, read from history.
public struct ReportChange: Sendable, Equatable, Codable {
    public var changedAt: String
    public var actor: String
    public var goalId: String
    public var employeeId: String
    /// `added`, `dropped`, `carried` (with `new` the goal that continues it), `done`, `target moved`.
    public var kind: String
    public var old: String?
    public var new: String?
    public var note: String?

    public init(changedAt: String, actor: String, goalId: String, employeeId: String, kind: String, old: String?, new: String?, note: String?) {
        self.changedAt = changedAt
        self.actor = actor
        self.goalId = goalId
        self.employeeId = employeeId
        self.kind = kind
        self.old = old
        self.new = new
        self.note = note
    }
}

/// The quarterly progress report: what was set, what moved, what is at risk, what is unfilled.
public struct Report: Sendable, Equatable, Codable {
    public var quarter: String
    public var scope: String
    /// The instant the report shows (a closed quarter's close, `--as-of`, or when it was made).
    public var asOf: String
    /// `--as-recorded`: the report shows only what had been recorded by this instant; nil for
    /// everything recorded so far.
    public var asRecorded: String? = nil
    /// The day progress is judged against.
    public var reportDate: String
    /// The quarter's first and last days (the trends' time axis).
    public var firstDay: String = ""
    public var lastDay: String = ""
    public var closed: Bool
    /// What needs attention, counted from the goal rows below it.
    public var summary: ReportSummary
    public var people: [ReportPerson]
    public var goals: [ReportGoal]
    public var teams: [TeamRollup]
    public var total: TeamRollup
    /// Each person's figures, in the order of `people`.
    public var figures: [PersonFigures] = []
    public var changes: [ReportChange]
    public var settings: Settings

    /// The settings the figures were computed with.
    public struct Settings: Sendable, Equatable, Codable {
        public var onTrackRatio: Double
        public var atRiskRatio: Double
    }

    /// Each person's goals, in report order.
    public func goalsByPerson() -> [String: [ReportGoal]] { Dictionary(grouping: goals, by: \.employeeId) }

    /// Each person's figures, by employee id.
    public func figuresByPerson() -> [String: PersonFigures] {
        Dictionary(figures.map { ($0.employeeId, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Computes a report from the state the store loaded.
enum ReportBuilder {
    struct Input {
        var quarter: Quarter
        var scopeTitle: String
        var asOf: String
        var asRecorded: String? = nil
        var reportDate: Day
        var closed: Bool
        var settings: ProgressSettings
        var people: [ReportPerson]
        /// The team's head, when the report is of a team that includes them: their own goals get a roll-up row.
        var head: String? = nil
        /// Roll-up roots: for a team, its direct reports; for everyone, the people at the top.
        var rollupRoots: [String]
        /// Everyone below each person (within scope), for the roll-ups.
        var subtree: [String: [String]]
        var goals: [Goal]
        var checkins: [Int64: [CheckIn]]
        var changes: [ReportChange]
        /// The owner of each goal the report's goals are aligned to.
        var alignedOwners: [Int64: String] = [:]
    }

    /// Builds the report, taking the goals and check-ins out of `input` one goal at a time, so that
    /// each goal's stored form is freed as its report line is made (the caller hands them over).
    static func build(_ input: consuming Input) -> Report {
        let settings = input.settings
        let firstDay = input.quarter.firstDay(fiscalYearStartMonth: settings.fiscalYearStartMonth)
        let weekEnds = ReportTrend.weekEnds(from: firstDay, through: input.reportDate).map(\.description)
        // Weights are checked only for the people who set some (the others have nothing to warn of).
        let weighted = Set(input.goals.lazy.filter { $0.weight != nil }.map(\.employeeId))
        let stored = Dictionary(grouping: input.goals.filter { weighted.contains($0.employeeId) }, by: \.employeeId)
        let (goals, weeklyByGoal) = lines(&input, weekEnds: weekEnds)
        // Goals by person as indices into `goals`: the roll-ups read fields in place and copy no goal.
        var byPerson: [String: [Int]] = [:]
        for index in goals.indices { byPerson[goals[index].employeeId, default: []].append(index) }
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        /// Plain and weighted mean progress of the goals that count among these.
        func progress(_ indices: [Int]) -> (average: Double?, weighted: Double?) {
            var values: [Double] = []
            var members: [(progress: Double?, weight: Double?)] = []
            for index in indices where goals[index].counts {
                if let value = goals[index].progress { values.append(value) }
                members.append((goals[index].progress, goals[index].weight))
            }
            return (mean(values), ProgressRules.weightedMean(members))
        }
        let names = Dictionary(input.people.map { ($0.employeeId, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Each person's own figures, once: the roll-ups take their weighted progress from here.
        let personProgress = byPerson.mapValues(progress)
        func rollup(_ root: String, members: [String]) -> TeamRollup {
            let theirs = members.flatMap { byPerson[$0] ?? [] }
            // A goal aligned to the team head's goal is aligned up inside the team, not outside it.
            let inside = Set(members + (input.head.map { [$0] } ?? []))
            var byStatus: [String: Int] = [:]
            var slots = 0
            var filled = 0
            var outside: [(Int64, String)] = []
            var nothing: [(Int64, String)] = []
            for index in theirs {
                let goal = goals[index]
                byStatus[goal.status.rawValue, default: 0] += 1
                slots += goal.slotsTotal
                filled += goal.slotsFilled
                guard goal.counts else { continue }
                let number = Int64(goal.goalId.dropFirst()) ?? 0
                if let parent = goal.alignedTo {
                    if !inside.contains(goal.alignedToPerson ?? "") {
                        outside.append((number, "\(goal.goalId) → \(goal.alignedToLabel ?? parent)"))
                    }
                } else {
                    nothing.append((number, goal.goalId))
                }
            }
            let average = progress(theirs).average
            // One pass over the subtree's goals, summing each week's values.
            var sums = [Double](repeating: 0, count: weekEnds.count)
            var counts = [Int](repeating: 0, count: weekEnds.count)
            for index in theirs where goals[index].counts {
                for (week, value) in weeklyByGoal[index].enumerated() {
                    guard let value else { continue }
                    sums[week] += value
                    counts[week] += 1
                }
            }
            let weekly = weekEnds.indices.compactMap { week in
                counts[week] == 0 ? nil : TrendPoint(day: weekEnds[week], progress: sums[week] / Double(counts[week]))
            }
            // A team's weighted figure is the mean of its people's own weighted progress: weights
            // compare goals within one person's quarter, so no person's scale swamps another's.
            let weighted = mean(members.compactMap { personProgress[$0]?.weighted })
            return TeamRollup(
                employeeId: root, name: names[root] ?? root, people: members.count,
                peopleWithGoals: members.filter { byPerson[$0] != nil }.count,
                goalsByStatus: byStatus, goals: theirs.count, averageProgress: average,
                slotsFilledShare: slots == 0 ? nil : Double(filled) / Double(slots),
                peopleWithoutGoals: members.filter { byPerson[$0] == nil },
                weightedProgress: weighted,
                // In goal id order (the goals come in person order).
                alignedOutside: outside.sorted { $0.0 < $1.0 }.map(\.1), alignedToNothing: nothing.sorted { $0.0 < $1.0 }.map(\.1),
                weekly: weekly)
        }
        var teams = input.rollupRoots.map { rollup($0, members: [$0] + (input.subtree[$0] ?? [])) }
        if let head = input.head {
            var own = rollup(head, members: [head])
            own.headOnly = true
            teams.insert(own, at: 0)
        }
        let figures = input.people.map { person in
            let figures = personProgress[person.employeeId] ?? (nil, nil)
            return PersonFigures(
                employeeId: person.employeeId, averageProgress: figures.average, weightedProgress: figures.weighted,
                weightWarning: GoalWeights.warnings(stored[person.employeeId] ?? []).first)
        }
        let lastDay = input.quarter.lastDay(fiscalYearStartMonth: settings.fiscalYearStartMonth)
        let summary = ReportSummary.build(
            goals: goals, names: names, reportDate: input.reportDate,
            lastDay: lastDay, closed: input.closed, settings: settings)
        return Report(
            quarter: input.quarter.description, scope: input.scopeTitle, asOf: input.asOf, asRecorded: input.asRecorded,
            reportDate: input.reportDate.description,
            firstDay: firstDay.description, lastDay: lastDay.description, closed: input.closed, summary: summary, people: input.people, goals: goals,
            teams: teams,
            total: rollup("", members: input.people.map(\.employeeId)),
            figures: figures,
            changes: input.changes,
            settings: .init(onTrackRatio: settings.onTrackRatio, atRiskRatio: settings.atRiskRatio))
    }

    /// Each goal's report line: its progress, track and latest check-in, as the report shows them.
    /// A goal tree needs nothing more, so it is spared the trends, roll-ups and changes.
    static func lines(_ input: consuming Input) -> [ReportGoal] {
        lines(&input, weekEnds: nil).goals
    }

    /// The goals' lines, taken out of `input` (emptied) from the last goal back, each goal's stored
    /// form freed once its line is made; with `weekEnds`, each goal's trend and its progress at
    /// each week's end (for the subtrees' weekly lines) besides.
    private static func lines(_ input: inout Input, weekEnds: [String]?) -> (goals: [ReportGoal], weekly: [[Double?]]) {
        let settings = input.settings
        var days: [String: Day] = [:]  // due dates repeat across goals: parse each once
        func day(_ text: String) -> Day? {
            if let known = days[text] { return known }
            let parsed = Day(iso: text)
            days[text] = parsed
            return parsed
        }
        var source = input.goals
        input.goals = []
        var checkinsByGoal = input.checkins
        input.checkins = [:]
        var weeklyByGoal: [[Double?]] = []
        var goals: [ReportGoal] = []
        goals.reserveCapacity(source.count)
        if weekEnds != nil { weeklyByGoal.reserveCapacity(source.count) }
        let quarterText = input.quarter.description  // the goals' own quarter, as a rule: not parsed again for each
        while let goal = source.popLast() {
            let checkins = checkinsByGoal.removeValue(forKey: goal.id)
            let (items, progress, expected, track) = ProgressRules.judge(
                goal, checkins: checkins ?? [], on: input.reportDate,
                quarter: goal.quarter == quarterText ? input.quarter : Quarter(goal.quarter) ?? input.quarter,
                settings: settings, parseDay: day)
            let total = goal.items.reduce(0) { $0 + $1.slots.count }
            let unfilled = goal.unfilledSlots
            let latest = CheckIn.latestNotes(checkins ?? [])
            var line = ReportGoal(
                goalId: goal.displayId, employeeId: goal.employeeId, framework: goal.framework, rowNumber: goal.rowNumber,
                title: goal.title, status: goal.status,
                track: track,
                progress: progress.clamped, progressRaw: progress.raw, expected: expected, items: items,
                lastCheckin: items.compactMap(\.lastCheckin).max(), unfilled: unfilled,
                slotsTotal: total, slotsFilled: total - unfilled.count, carriedFrom: goal.carriedFrom.map(GoalID.format),
                carriedTo: goal.carriedTo.map(GoalID.format),
                weight: goal.weight, score: goal.score, alignedTo: goal.alignedTo.map(GoalID.format),
                alignedToPerson: goal.alignedTo.flatMap { input.alignedOwners[$0] })
            line.confidence = latest.confidence?.confidence
            line.confidenceOn = latest.confidence?.checkedOn
            line.previousConfidence = latest.previousConfidence?.confidence
            line.note = latest.note?.note
            line.noteOn = latest.note?.checkedOn
            if let weekEnds {
                // Without check-ins, progress is the same on every day: the goal's own.
                let series =
                    checkins.map { ReportTrend.Series(goal, effective: CheckIn.effective($0), settings: settings) }
                    ?? ReportTrend.Series(start: progress.clamped)
                // A goal counts from the day it was created.
                let created = goal.createdAt.prefix(10)
                weeklyByGoal.append(weekEnds.map { day in created > day ? nil : series.progress(through: day) })
                line.trend = series.points
            }
            goals.append(line)
        }
        goals.reverse()
        weeklyByGoal.reverse()
        return (goals, weeklyByGoal)
    }
}
