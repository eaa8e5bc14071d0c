import Foundation

/// The quarterly report, and the settings its figures follow. The engine reads the rows in a
/// few set-based reads of one transaction; this service decides the scope and builds the report
/// (``ReportBuilder``) in one pass.
public struct ReportService {
    let engine: any GoalbookEngine

    public init(_ engine: any GoalbookEngine) { self.engine = engine }

    /// The quarterly report of a scope. A closed quarter is shown as it was when it closed,
    /// `asOf` shows any past instant (people, goals and check-ins as they were then, as Goalbook
    /// knows them now or as it had them recorded by `asOf.recorded`), and otherwise it is now.
    public func report(quarter: Quarter, scope: ReportScope, asOf: PastView? = nil, now: Date = Date()) throws -> Report {
        try engine.reading { tx in ReportBuilder.build(try Self.read(tx, quarter: quarter, scope: scope, asOf: asOf, now: now)) }
    }

    /// The organization's progress settings.
    public func settings() throws -> ProgressSettings { try engine.reading { try $0.settings() } }

    /// What a report is built from, read inside a transaction the caller holds. `only` keeps only
    /// the goals it selects (`goals tree` needs every person but few goals), and without
    /// `changes` the changes are not read (a tree shows none).
    static func read(
        _ tx: any EngineReader, quarter: Quarter, scope: ReportScope, asOf requested: PastView?, now: Date, only: GoalSelection? = nil,
        changes withChanges: Bool = true
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
        // report as it is now reads only the team: the walk below its head passes only through
        // people of the team, so it finds the same members. A tree's report as it is now reads the
        // owners of its goals (and its team): its cost follows the tree, not the organization.
        let read: [PersonAsOf]
        switch (scope, only) {
        case (.team(let root, _), _) where past == nil: read = try tx.people(under: root)
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

        // Goals of the quarter, as they were, with their check-ins and changes.
        let loaded = try tx.reportGoals(quarter: quarter, asOf: past, people: inScope.map(\.key), only: only)
            .filter { memberSet.contains($0.employeeId) }
        // In the people's order, then by id: the keys are worked out once, and the goals (large
        // values) are moved once, not at every comparison.
        let keys = loaded.map { (rank: rank[$0.employeeId] ?? .max, person: $0.employeeId, id: $0.id) }
        let goals = keys.indices.sorted { (keys[$0].rank, keys[$0].person, keys[$0].id) < (keys[$1].rank, keys[$1].person, keys[$1].id) }
            .map { loaded[$0] }
        _ = consume loaded  // `goals` holds the only copy, which the builder frees goal by goal
        let goalIds = goals.map(\.id)
        let checkins = Dictionary(grouping: try tx.checkins(ofGoals: goalIds, recordedBy: past?.recorded, through: reportDate), by: \.goalId)
        var changes: [ReportChange] = []
        if withChanges {
            try tx.changes(ofGoals: goalIds, from: "\(firstDay)T00:00:00.000Z", through: past ?? PastView(effective: asOf)) { recorded in
                if let change = ReportChange(recorded) { changes.append(change) }
            }
        }
        // The owners of the goals these are aligned to: from the goals at hand, else as they are now.
        var alignedOwners = Dictionary(goals.map { ($0.id, $0.employeeId) }, uniquingKeysWith: { a, _ in a })
        let elsewhere = Set(goals.compactMap(\.alignedTo)).subtracting(alignedOwners.keys)
        alignedOwners.merge(try tx.owners(of: elsewhere.sorted())) { a, _ in a }
        return ReportBuilder.Input(
            quarter: quarter, scopeTitle: title, asOf: asOf, asRecorded: requested?.recorded, reportDate: reportDate, closed: closedAt != nil,
            settings: settings,
            people: people, head: head, rollupRoots: roots, subtree: subtree, goals: consume goals, checkins: consume checkins, changes: changes,
            alignedOwners: alignedOwners)
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
            goals: ReportBuilder.lines(input))
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
