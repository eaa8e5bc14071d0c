import Foundation

/// A progress check-in: a value for one item of a goal on a date. Check-ins are never edited; a
/// correction is a new check-in that names the one it corrects.
public struct CheckIn: Sendable, Equatable, Codable {
    public var id: Int64
    public var goalId: Int64
    public var item: String
    public var value: String
    public var number: Double
    public var unit: String?
    public var checkedOn: String
    public var confidence: Int?
    public var note: String?
    public var corrects: Int64?
    public var recordedAt: String
    public var actor: String

    public init(
        id: Int64, goalId: Int64, item: String, value: String, number: Double, unit: String?, checkedOn: String,
        confidence: Int?, note: String?, corrects: Int64?, recordedAt: String, actor: String
    ) {
        self.id = id
        self.goalId = goalId
        self.item = item
        self.value = value
        self.number = number
        self.unit = unit
        self.checkedOn = checkedOn
        self.confidence = confidence
        self.note = note
        self.corrects = corrects
        self.recordedAt = recordedAt
        self.actor = actor
    }

    /// `C17`: the id people see and type.
    public var displayId: String { "C\(id)" }
    public var measure: Measure { Measure(number: number, unit: unit) }

    /// Check-ins ids as people write them: `C17`, `c17` or `17`.
    public static func parseId(_ text: String) throws -> Int64 {
        var t = text.trimmingBlanks()
        if t.first == "C" || t.first == "c" { t.removeFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(t), id > 0 else {
            throw GoalbookError.invalidArgument("'\(text)' is not a check-in id: check-in ids look like C17 (see goalbook checkins G42)")
        }
        return id
    }

    /// The check-ins that count: those no correction replaced. A correction replaces the check-in
    /// it names; where two corrections name the same check-in (only files from before the rule
    /// can hold them), the later one counts and the earlier one is replaced too.
    public static func effective(_ checkins: [CheckIn]) -> [CheckIn] {
        // Most goals have no correction: their check-ins all count, as they are, without a copy.
        guard checkins.contains(where: { $0.corrects != nil }) else { return checkins }
        var corrected = Set<Int64>()
        var lastCorrection: [Int64: Int64] = [:]
        for checkin in checkins {
            guard let original = checkin.corrects else { continue }
            corrected.insert(original)
            lastCorrection[original] = max(lastCorrection[original] ?? checkin.id, checkin.id)
        }
        return checkins.filter { checkin in
            !corrected.contains(checkin.id) && checkin.corrects.map { lastCorrection[$0] == checkin.id } ?? true
        }
    }

    /// Of the check-ins that count (already filtered by ``effective(_:)``, or not, with
    /// `effective`): the newest with a confidence, the one with a confidence before it, and the
    /// newest with a note; newest is latest date, then latest recorded. One pass, no sort.
    public static func latestNotes(_ checkins: [CheckIn], alreadyEffective: Bool = false)
        -> (confidence: CheckIn?, previousConfidence: CheckIn?, note: CheckIn?)
    {
        func newer(_ a: CheckIn, than b: CheckIn?) -> Bool { b.map { (a.checkedOn, a.id) > ($0.checkedOn, $0.id) } ?? true }
        var confidence: CheckIn?
        var previous: CheckIn?
        var note: CheckIn?
        for checkin in alreadyEffective ? checkins : effective(checkins) {
            if checkin.confidence != nil {
                if newer(checkin, than: confidence) {
                    previous = confidence
                    confidence = checkin
                } else if newer(checkin, than: previous) {
                    previous = checkin
                }
            }
            if checkin.note != nil, newer(checkin, than: note) { note = checkin }
        }
        return (confidence, previous, note)
    }
}

/// The organization's rules for progress and on-track status (the `setting` table).
public struct ProgressSettings: Sendable, Equatable {
    public var fiscalYearStartMonth = 1
    public var onTrackRatio = 0.9
    public var atRiskRatio = 0.6
    /// An active goal whose newest check-in is this many days or more before the report date
    /// (or that has none) is stale in the report's summary.
    public var staleCheckinDays = 14
    /// From this many days before a quarter's last day, the summary lists goals still to score.
    public var scoreDueDays = 14
    /// Each framework's scoring scale (settings `<framework>_score_min`, `_max`, `_step`).
    public var scales: [Framework: ScoreScale] = Dictionary(uniqueKeysWithValues: Framework.allCases.map { ($0, .standard($0)) })
    public init() {}

    public func scale(_ framework: Framework) -> ScoreScale { scales[framework] ?? .standard(framework) }

    /// A framework's scale, refused when someone set it to something unusable.
    public func usableScale(_ framework: Framework) throws -> ScoreScale {
        let scale = scale(framework)
        guard scale.isValid else {
            throw GoalbookError.refused(
                "the \(framework.rawValue) score scale in the settings is not usable (\(framework.rawValue)_score_min "
                    + "\(Measure.format(scale.min)), _max \(Measure.format(scale.max)), _step \(Measure.format(scale.step))): it needs min < max "
                    + "and a step above 0 that fits between them"
            )
        }
        return scale
    }
}

/// Where a goal stands at the report date.
public enum Track: String, Sendable, Codable, CaseIterable {
    case onTrack = "on track"
    case atRisk = "at risk"
    case offTrack = "off track"
    case notFilled = "not filled"
    case done, dropped, draft
}

/// Where a goal stands on a day: its progress (nil when not filled) and its track.
public struct GoalStanding: Sendable, Equatable {
    public var progress: Double?
    public var track: Track

    public init(progress: Double?, track: Track) {
        self.progress = progress
        self.track = track
    }
}

/// Progress of one item: from baseline to target, direction taken into account.
public struct ItemProgress: Sendable, Equatable, Codable {
    public var item: String
    public var baseline: Measure?
    public var latest: Measure?
    public var target: Measure?
    public var direction: Direction?
    public var due: String?
    public var lastCheckin: String?
    /// `(latest − baseline) / (target − baseline)`, not clamped; nil when the slots are not filled.
    public var raw: Double?
    /// How much the item counts inside its goal (an OKR key result's weight); nil weighs 1.
    public var weight: Double? = nil
    /// For a goal that keeps a value, when it is met (``GoalItem/keepRule``), and its side and
    /// tolerance as stored (`at_least`, 0.2).
    public var keepRule: String? = nil
    public var keep: String? = nil
    public var tolerance: Double? = nil
    /// The newest confidence (0–10) and the newest note given with a check-in that counts.
    public var confidence: Int? = nil
    public var note: String? = nil
    /// `raw` clamped to 0…1, as displayed.
    public var clamped: Double? { raw.map { min(1, max(0, $0)) } }
}

extension Measure: Codable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let measure = Measure.stored(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a value"))
        }
        self = measure
    }
}

/// The progress rules, documented in `docs/reports.md`.
public enum ProgressRules {
    /// An item's progress. Without a baseline slot (an OKR KR2) the baseline is 0. With no
    /// check-in the latest value is the baseline, so progress is 0. A maintain item is met (1)
    /// while its latest value is on its good side of the target (``Keep``), within its
    /// tolerance in its own unit, else 0.
    public static func item(_ item: GoalItem, checkins: [CheckIn], settings: ProgressSettings) -> ItemProgress {
        let hasBaselineSlot = item.slot(.baseline) != nil
        let baseline = hasBaselineSlot ? item.slot(.baseline)?.measure : Measure(number: 0, unit: item.slot(.target)?.unit)
        let target = item.slot(.target)?.measure
        let mine = CheckIn.effective(checkins).filter { $0.item == item.name }
        let last = mine.max { ($0.checkedOn, $0.id) < ($1.checkedOn, $1.id) }
        var result = ItemProgress(
            item: item.name, baseline: hasBaselineSlot ? baseline : nil, latest: last?.measure,
            target: target, direction: item.direction, due: item.slot(.date)?.value,
            lastCheckin: last?.checkedOn, raw: nil, weight: item.weight, keepRule: item.keepRule)
        let latest = CheckIn.latestNotes(mine, alreadyEffective: true)
        if item.direction == .maintain {
            result.keep = (item.keep ?? .within).rawValue
            result.tolerance = item.tolerance ?? 0
        }
        result.confidence = latest.confidence?.confidence
        result.note = latest.note?.note
        result.raw = raw(item, latest: last?.number)
        return result
    }

    /// An item's progress, not clamped, with `latest` as its newest value (nil: no check-in, so
    /// the baseline stands); nil when the item is not filled. ``item(_:checkins:settings:)`` and
    /// the report's trends both come here.
    public static func raw(_ item: GoalItem, latest: Double?) -> Double? {
        let hasBaselineSlot = item.slot(.baseline) != nil
        let baseline = hasBaselineSlot ? item.slot(.baseline)?.measure : Measure(number: 0, unit: item.slot(.target)?.unit)
        guard let baseline, let target = item.slot(.target)?.measure else { return nil }
        let current = latest ?? baseline.number
        if item.direction == .maintain || target.number == baseline.number {
            return (item.keep ?? .within).met(current, target: target.number, tolerance: item.tolerance ?? 0) ? 1 : 0
        }
        return (current - baseline.number) / (target.number - baseline.number)
    }

    /// A goal's progress: the mean of its items' progress weighted by the items' weights, over the
    /// items that have one; nil when none has.
    public static func goal(_ items: [ItemProgress]) -> (raw: Double?, clamped: Double?) {
        (weightedMean(items.map { ($0.raw, $0.weight) }), weightedMean(items.map { ($0.clamped, $0.weight) }))
    }

    /// The one rule for every weighted figure (key results in an objective, a person's goals in a
    /// quarter, the goals aligned under a goal): Σ weight × progress / Σ weight over the members
    /// that have progress. A member without progress is missing, not 0; a member without a
    /// weight weighs 1. Nil when no member has progress or their weights add up to 0.
    public static func weightedMean(_ members: [(progress: Double?, weight: Double?)]) -> Double? {
        var sum = 0.0
        var weights = 0.0
        var any = false
        for member in members {
            guard let progress = member.progress else { continue }
            let weight = member.weight ?? 1
            sum += weight * progress
            weights += weight
            any = true
        }
        guard any, weights > 0 else { return nil }
        return sum / weights
    }

    /// The share of the way from the quarter's start to `due` (or the quarter's end) that `date` has gone.
    public static func expected(on date: Day, quarter: Quarter, due: Day?, settings: ProgressSettings) -> Double {
        let start = quarter.firstDay(fiscalYearStartMonth: settings.fiscalYearStartMonth).dayNumber
        let end = (due ?? quarter.lastDay(fiscalYearStartMonth: settings.fiscalYearStartMonth)).dayNumber
        guard end > start else { return date.dayNumber >= end ? 1 : 0 }
        return min(1, max(0, Double(date.dayNumber - start) / Double(end - start)))
    }

    /// How a goal stands on `day`, as the report and `goals list` judge it: each item's progress
    /// from `checkins` (the caller keeps only those that count by then), the goal's progress, the
    /// progress expected of it by `day` in its `quarter` (0 without one), and its track.
    /// `parseDay` reads the due dates; a report passes one that remembers the days it has read.
    public static func judge(
        _ goal: Goal, checkins: [CheckIn], on day: Day, quarter: Quarter?, settings: ProgressSettings,
        parseDay: (String) -> Day? = { Day(iso: $0) }
    ) -> (items: [ItemProgress], progress: (raw: Double?, clamped: Double?), expected: Double, track: Track) {
        let items = goal.items.map { item($0, checkins: checkins, settings: settings) }
        let progress = self.goal(items)
        let due = items.compactMap { $0.due.flatMap(parseDay) }.max()
        let expected = quarter.map { self.expected(on: day, quarter: $0, due: due, settings: settings) } ?? 0
        return (items, progress, expected, self.track(status: goal.status, progress: progress.clamped, expected: expected, settings: settings))
    }

    /// On track when progress ≥ expected × on_track_ratio; at risk when ≥ expected × at_risk_ratio;
    /// off track below. Done and dropped goals show their status; goals with no progress are "not
    /// filled". A carried goal is judged like an active one: its quarter ended with it unfinished.
    public static func track(status: GoalStatus, progress: Double?, expected: Double, settings: ProgressSettings) -> Track {
        switch status {
        case .done: return .done
        case .dropped: return .dropped
        case .draft, .active, .carried: break
        }
        guard let progress else { return .notFilled }
        if status == .draft { return .draft }
        if progress >= expected * settings.onTrackRatio { return .onTrack }
        if progress >= expected * settings.atRiskRatio { return .atRisk }
        return .offTrack
    }
}
