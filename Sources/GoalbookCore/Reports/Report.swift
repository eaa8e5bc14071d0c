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
        /// The goals' lines in report order, made by ``Lines`` as the goals were read.
        var lines: Lines
        /// The goals of each person who weighs some of them, in id order: their weights are checked.
        var weighted: [String: [GoalWeights.Member]] = [:]
        var changes: [ReportChange]
    }

    /// Makes the goals' report lines one goal at a time, as the goals are read in chunks, so that
    /// each chunk is freed once its lines are made and no report holds every stored goal at once.
    struct Lines {
        let quarter: Quarter
        let reportDate: Day
        let settings: ProgressSettings
        /// With them (a report, not a tree), each goal's trend and its progress at each week's end,
        /// for the subtrees' weekly lines.
        let weekEnds: [String]?
        private let quarterText: String
        private var days = DayCache()
        private(set) var goals: [ReportGoal] = []
        /// Each goal's progress at each of `weekEnds`, in the order of `goals`.
        private(set) var weekly: WeeklyFigures

        init(quarter: Quarter, reportDate: Day, settings: ProgressSettings, weekEnds: [String]?) {
            self.quarter = quarter
            self.reportDate = reportDate
            self.settings = settings
            self.weekEnds = weekEnds
            weekly = WeeklyFigures(weeks: weekEnds?.count ?? 0)
            quarterText = quarter.description  // the goals' own quarter, as a rule: not parsed again for each
        }

        /// Room for this many lines: a report knows how many goals it reads.
        mutating func reserve(_ count: Int) {
            goals.reserveCapacity(count)
            if weekEnds != nil { weekly.reserve(goals: count) }
        }

        /// Adds the goal's line: its progress, track and latest check-in, as the report shows them.
        /// Its aligned goal's owner is left for the caller, who knows every goal read.
        mutating func add(_ goal: Goal, checkins: [CheckIn]?) {
            let (items, progress, expected, track) = ProgressRules.judge(
                goal, checkins: checkins ?? [], on: reportDate,
                quarter: goal.quarter == quarterText ? quarter : Quarter(goal.quarter) ?? quarter,
                settings: settings, parseDay: { days.day($0) })
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
                weight: goal.weight, score: goal.score, alignedTo: goal.alignedTo.map(GoalID.format))
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
                for day in weekEnds { weekly.append(created > day ? nil : series.progress(through: day)) }
                line.trend = series.points
            }
            goals.append(line)
        }

        /// The weekly figures, leaving none here: their holder can free them when done.
        mutating func takeWeekly() -> WeeklyFigures {
            defer { weekly = WeeklyFigures(weeks: weekly.weeks) }
            return weekly
        }

        /// Names the owner of each line's aligned goal, by the goal's index among those added.
        mutating func setAlignedOwners(_ owner: (Int) -> String?) {
            for index in goals.indices where goals[index].alignedTo != nil { goals[index].alignedToPerson = owner(index) }
        }

        /// Puts the lines (and their weekly figures) in `order`: the line at `k` becomes the one
        /// that was at `order[k]`. Moved in place, cycle by cycle, so no second array of lines is made.
        mutating func arrange(_ order: [Int]) {
            goals.arrange(order)
            weekly.arrange(order)
        }
    }

    /// Each goal's progress at each week's end, goal after goal, in two flat arrays: an array of
    /// optionals for each goal cost 9 MB at a 48k-goal report's peak, these cost 4.
    struct WeeklyFigures {
        let weeks: Int
        private var values: [Double] = []
        private var known: [Bool] = []

        init(weeks: Int) { self.weeks = weeks }

        mutating func reserve(goals: Int) {
            values.reserveCapacity(goals * weeks)
            known.reserveCapacity(goals * weeks)
        }

        /// The next week's figure of the goal being added (`weeks` of them make a goal's row).
        mutating func append(_ value: Double?) {
            values.append(value ?? 0)
            known.append(value != nil)
        }

        /// The goal's progress at the week's end; nil where it had none (it was not created yet).
        func value(goal: Int, week: Int) -> Double? {
            let at = goal * weeks + week
            return known[at] ? values[at] : nil
        }

        /// Puts the goals' rows in `order`, as ``Array/arrange(_:)`` does elements.
        mutating func arrange(_ order: [Int]) {
            guard weeks > 0, !values.isEmpty else { return }
            var values: [Double] = []
            var known: [Bool] = []
            values.reserveCapacity(self.values.count)
            known.reserveCapacity(self.known.count)
            for goal in order {
                values += self.values[goal * weeks..<(goal + 1) * weeks]
                known += self.known[goal * weeks..<(goal + 1) * weeks]
            }
            self.values = values
            self.known = known
        }
    }

    /// Builds the report from the goals' lines (made with week ends) and the rest of the input.
    static func build(_ input: consuming Input) -> Report {
        let settings = input.settings
        let firstDay = input.quarter.firstDay(fiscalYearStartMonth: settings.fiscalYearStartMonth)
        let weekEnds = input.lines.weekEnds ?? []
        let goals = input.lines.goals
        // Taken out of the input, to be freed once the roll-ups have them.
        var weeklyByGoal = input.lines.takeWeekly()
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
                for week in weekEnds.indices {
                    guard let value = weeklyByGoal.value(goal: index, week: week) else { continue }
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
        let total = rollup("", members: input.people.map(\.employeeId))
        weeklyByGoal = WeeklyFigures(weeks: 0)  // in the roll-ups now: freed before the summary is built
        let figures = input.people.map { person in
            let figures = personProgress[person.employeeId] ?? (nil, nil)
            return PersonFigures(
                employeeId: person.employeeId, averageProgress: figures.average, weightedProgress: figures.weighted,
                weightWarning: GoalWeights.warnings(input.weighted[person.employeeId] ?? []).first)
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
            total: total,
            figures: figures,
            changes: input.changes,
            settings: .init(onTrackRatio: settings.onTrackRatio, atRiskRatio: settings.atRiskRatio))
    }
}
