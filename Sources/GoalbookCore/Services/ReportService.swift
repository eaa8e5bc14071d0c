import Foundation

/// The quarterly report, and the settings its figures follow. The engine reads the rows in a
/// few set-based reads of one transaction; this service decides the scope and builds the report
/// (``ReportBuilder``) in one pass.
public struct ReportService {
    let engine: any GoalbookEngine
    /// How many goals a report reads at a time, with their check-ins. It holds one such chunk of
    /// stored goals at once besides the report's lines: the size trades memory for queries.
    let chunk: Int

    /// A few thousand goals a chunk: their queries cost little next to their rows, and a chunk
    /// is a few megabytes.
    public static let defaultChunk = 2_000

    public init(_ engine: any GoalbookEngine, chunk: Int = defaultChunk) {
        precondition(chunk > 0, "a report reads at least one goal at a time")
        self.engine = engine
        self.chunk = chunk
    }

    /// The quarterly report of a scope. A closed quarter is shown as it was when it closed,
    /// `asOf` shows any past instant (people, goals and check-ins as they were then, as Goalbook
    /// knows them now or as it had them recorded by `asOf.recorded`), and otherwise it is now.
    public func report(quarter: Quarter, scope: ReportScope, asOf: PastView? = nil, now: Date = Date()) throws -> Report {
        try engine.reading { tx in ReportBuilder.build(try Self.read(tx, quarter: quarter, scope: scope, asOf: asOf, now: now, chunk: chunk)) }
    }

    /// The organization's progress settings.
    public func settings() throws -> ProgressSettings { try engine.reading { try $0.settings() } }

    /// What a report is built from, read inside a transaction the caller holds. `only` keeps only
    /// the goals it selects (`goals tree` needs every person but few goals), and without
    /// `changes` neither the changes, nor the goals' trends, nor the weight checks are made (a
    /// tree shows none).
    static func read(
        _ tx: any EngineReader, quarter: Quarter, scope: ReportScope, asOf requested: PastView?, now: Date, only: GoalSelection? = nil,
        changes withChanges: Bool = true, chunk: Int = defaultChunk
    ) throws -> ReportBuilder.Input {
        let settings = try tx.settings()
        let fiscal = settings.fiscalYearStartMonth
        let closedAt = try tx.closedAt(quarter.description)
        // A closed quarter reads as Goalbook had it when it closed.
        let past = requested ?? closedAt.map { PastView(effective: $0, recorded: $0) }
        let asOf = past?.effective ?? Timestamp.string(now)
        let reportDate = min(Day(iso: String(asOf.prefix(10))) ?? Day(now), quarter.lastDay(fiscalYearStartMonth: fiscal))
        let firstDay = quarter.firstDay(fiscalYearStartMonth: fiscal)

        // People as they were, less those created later or gone before the quarter began. A team's
        // report reads only the team as it was: the walk below its head passes only through people
        // of the team, so it finds the same members. A person's reads that person. A tree's report
        // as it is now reads the owners of its goals (and its team). Their cost follows the team,
        // the person or the tree, not the organization.
        let read: [PersonAsOf]
        switch (scope, only) {
        case (.team(let root, _), _): read = try tx.people(under: root, asOf: past)
        case (.person(let id), _): read = try tx.person(id, asOf: past).map { [$0] } ?? []
        case (.all, .some(let selection)) where past == nil: read = try tx.people(owning: selection, quarter: quarter)
        default: read = try tx.people(asOf: past)
        }
        let everyone =
            read
            .filter { $0.person.leftOn.map { Day(iso: $0).map { $0 >= firstDay } ?? true } ?? true }
        let byEmployee = Dictionary(everyone.map { ($0.person.employeeId, $0) }, uniquingKeysWith: { a, _ in a })
        let chart = OrgChart(everyone.map { (employeeId: $0.person.employeeId, managerId: $0.person.managerId) })
        let members: [String]
        let roots: [String]
        /// Where the walk in manager-tree order starts.
        let scopeRoots: [String]
        let title: String
        var head: String?
        switch scope {
        case .all:
            members = everyone.map(\.person.employeeId)
            roots = everyone.filter { person in person.person.managerId.map { byEmployee[$0] == nil } ?? true }.map(\.person.employeeId)
            title = "everyone"
            scopeRoots = roots.sorted()
        case .team(let root, let onlyBelow):
            guard let manager = byEmployee[root] else { throw try missing(root, tx, asOf: past) }
            members = onlyBelow ? chart.below(root) : [root] + chart.below(root)
            roots = chart.reports(of: root)
            head = onlyBelow ? nil : root
            scopeRoots = onlyBelow ? roots.sorted() : [root]
            title = onlyBelow ? "everyone below \(manager.person.name) (\(root))" : "team of \(manager.person.name) (\(root))"
        case .person(let id):
            guard let person = byEmployee[id] else { throw try missing(id, tx, asOf: past) }
            members = [id]
            roots = []
            scopeRoots = [id]
            title = "\(person.person.name) (\(id))"
        }
        let memberSet = Set(members)
        let inScope = everyone.filter { memberSet.contains($0.person.employeeId) }
        // Managers before their people, each team's members under it; anyone the walk does not
        // reach (a manager cycle) comes last, by id.
        let walked = chart.treeOrder(scopeRoots)
        let rank = Dictionary(walked.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // Each person's rank is looked up once, not at every comparison.
        let people = inScope.map { (rank: rank[$0.person.employeeId] ?? .max, person: $0.person) }
            .sorted { ($0.rank, $0.person.employeeId) < ($1.rank, $1.person.employeeId) }.map(\.person)
        var subtree: [String: [String]] = [:]
        for root in roots { subtree[root] = chart.below(root).filter(memberSet.contains) }

        // Goals of the quarter, as they were, with their check-ins, read a chunk at a time: each
        // chunk's lines are made and the chunk freed before the next is read (the heap peak of a
        // 48k-goal tree went 133 → 82 MB, of its report 105 → 87 MB).
        var lines = ReportBuilder.Lines(
            quarter: quarter, reportDate: reportDate, settings: settings,
            weekEnds: withChanges ? ReportTrend.weekEnds(from: firstDay, through: reportDate).map(\.description) : nil)
        // As of a past instant, everyone's goals are the whole quarter's: read as such, not
        // through every person's history.
        let holders = past != nil && scope == .all ? nil : inScope.map(\.key)
        let ids = try tx.reportGoalIds(quarter: quarter, asOf: past, people: holders, only: only)
        // As they are now, the goals read are the people's, and all are kept: room is made for
        // them. As of a past instant they are all of the quarter's, for the owners they had then.
        let expected = past == nil ? ids.count : 0
        lines.reserve(expected)
        var keys: [(rank: Int, person: String, id: Int64)] = []
        var alignedTo: [Int64?] = []
        var weights: [GoalWeights.Member] = []
        keys.reserveCapacity(expected)
        alignedTo.reserveCapacity(expected)
        if withChanges { weights.reserveCapacity(expected) }
        for start in stride(from: 0, to: ids.count, by: chunk) {
            let goals = try tx.reportGoals(Array(ids[start..<min(start + chunk, ids.count)]), asOf: past)
                .filter { memberSet.contains($0.employeeId) }
            guard !goals.isEmpty else { continue }
            let checkins = Dictionary(
                grouping: try tx.checkins(ofGoals: goals.map(\.id), recordedBy: past?.recorded, through: reportDate), by: \.goalId)
            for goal in goals {
                keys.append((rank[goal.employeeId] ?? .max, goal.employeeId, goal.id))
                alignedTo.append(goal.alignedTo)
                if withChanges { weights.append(GoalWeights.Member(goal)) }
                lines.add(goal, checkins: checkins[goal.id])
            }
        }
        // The owners of the goals these are aligned to: from the goals at hand, else as they are now.
        var owners = Dictionary(keys.map { ($0.id, $0.person) }, uniquingKeysWith: { a, _ in a })
        let elsewhere = Set(alignedTo.compactMap { $0 }).subtracting(owners.keys)
        owners.merge(try tx.owners(of: elsewhere.sorted())) { a, _ in a }
        lines.setAlignedOwners { alignedTo[$0].flatMap { owners[$0] } }
        // In the people's order, then by id: the keys are worked out once, and the lines (large
        // values) are moved once, not at every comparison.
        lines.arrange(keys.indices.sorted { (keys[$0].rank, keys[$0].person, keys[$0].id) < (keys[$1].rank, keys[$1].person, keys[$1].id) })
        var changes: [ReportChange] = []
        if withChanges {
            try tx.changes(ofGoals: keys.map(\.id), from: "\(firstDay)T00:00:00.000Z", through: past ?? PastView(effective: asOf)) { recorded in
                if let change = ReportChange(recorded) { changes.append(change) }
            }
        }
        // Weights are checked only for the people who set some (the others have nothing to warn of).
        let weighted = Set(weights.lazy.filter { $0.weight != nil }.map(\.employeeId))
        return ReportBuilder.Input(
            quarter: quarter, scopeTitle: title, asOf: asOf, asRecorded: requested?.recorded, reportDate: reportDate, closed: closedAt != nil,
            settings: settings,
            people: people, head: head, rollupRoots: roots, subtree: subtree, lines: lines,
            weighted: Dictionary(grouping: weights.filter { weighted.contains($0.employeeId) }, by: \.employeeId), changes: changes)
    }

    /// The goals' report lines alone, with the people and instant they were read for: what a goal
    /// tree and the quarter's scores show, spared the trends, roll-ups and changes of a report
    /// (a third of a large tree's time went to them).
    static func lines(
        _ tx: any EngineReader, quarter: Quarter, scope: ReportScope, asOf: PastView?, now: Date, only: GoalSelection? = nil
    ) throws -> GoalLines {
        let input = try read(tx, quarter: quarter, scope: scope, asOf: asOf, now: now, only: only, changes: false)
        return GoalLines(
            quarter: input.quarter.description, asOf: input.asOf, asRecorded: input.asRecorded, people: input.people,
            goals: input.lines.goals)
    }

    /// Why a person named for a report is not in it: not yet in Goalbook then, gone before the
    /// quarter began, or no such person (with close matches).
    private static func missing(_ id: String, _ tx: any EngineReader, asOf: PastView?) throws -> GoalbookError {
        if let asOf, (try? tx.requirePerson(id)) != nil {
            return .refused("\(id) was not in Goalbook yet at \(asOf.description)")
        }
        try tx.requirePerson(id)
        return .refused("\(id) had left before the quarter began")
    }
}

/// Goals' report lines without the rest of a report (``ReportService/lines(_:quarter:scope:asOf:now:only:)``).
struct GoalLines {
    var quarter: String
    var asOf: String
    var asRecorded: String?
    var people: [ReportPerson]
    var goals: [ReportGoal]
}
