/// What `people import`, `people add` and `people set` will write, decided before anything is:
/// every row checked against the stored people and the canon's frames, every problem found at
/// once. An engine applies it in the same transaction.
public struct PeoplePlan: Sendable, Equatable {
    /// A person as stored, for checking a batch against.
    public struct Stored: Sendable, Equatable {
        public var employeeId: String
        public var name: String
        public var email: String?
        /// The manager's employee id.
        public var managerId: String?
        public var frameId: Int64

        public init(employeeId: String, name: String, email: String?, managerId: String?, frameId: Int64) {
            self.employeeId = employeeId
            self.name = name
            self.email = email
            self.managerId = managerId
            self.frameId = frameId
        }
    }

    /// One person's write: new, or changed in the fields listed (each with its history row).
    public struct Change: Sendable, Equatable {
        public var input: PersonInput
        public var frameId: Int64
        /// Nil for a new person; else the changed fields, old and new, in order.
        public var fields: [FieldChange]?
    }

    /// The writes, in file order: new people first get their place in that order, so a manager
    /// later in the file is known already.
    public var changes: Changes { Changes(inputs: inputs, entries: entries) }
    public private(set) var summary = PeopleChangeSummary()

    /// The rows as given, shared with the caller's array rather than copied into each change: at
    /// a million people a copy is 130 MB.
    private var inputs: [PersonInput] = []
    private var entries: [Changes.Entry] = []

    /// The changes, each made from its row of the batch as it is read.
    public struct Changes: RandomAccessCollection, Sendable, Equatable {
        struct Entry: Sendable, Equatable {
            var index: Int
            var frameId: Int64
            var fields: [FieldChange]?
        }

        let inputs: [PersonInput]
        let entries: [Entry]

        public var startIndex: Int { 0 }
        public var endIndex: Int { entries.count }
        public subscript(position: Int) -> Change {
            let entry = entries[position]
            return Change(input: inputs[entry.index], frameId: entry.frameId, fields: entry.fields)
        }
    }

    /// Up to this many rows (or people) are looked up by id; more (a staff file of the whole
    /// organization) are checked against everyone, which then costs less than looking them up.
    public static let namedLimit = 1_000

    /// The ids a batch names, its people and their managers: all that ``plan(_:file:mode:stored:frames:inputProblems:)``
    /// reads of the stored people, with everyone above them. Nil for a batch of more than
    /// ``namedLimit`` rows, to be checked against everyone.
    public static func named(by inputs: [PersonInput]) -> Set<String>? {
        guard inputs.count <= namedLimit else { return nil }
        return Set(inputs.flatMap { [$0.employeeId] + ($0.managerId.map { [$0] } ?? []) })
    }

    /// Checks every row: ids are unique, the mode's rule on existing ids holds, the frame exists,
    /// managers exist (in the batch or stored) and form no cycle. Every problem is reported at
    /// once, as `file:line: problem`, in line order, with `inputProblems` found reading the file.
    public static func plan(
        _ inputs: [PersonInput], file: String, mode: PeopleMode, stored: [Stored], frames: FrameIndex, inputProblems: [InputIssue] = []
    ) throws -> PeoplePlan {
        let existing = Dictionary(stored.map { ($0.employeeId, $0) }, uniquingKeysWith: { a, _ in a })
        var problems = inputProblems
        func problem(_ input: PersonInput, _ message: String) {
            problems.append(InputIssue(file: file, line: input.line, message: message))
        }
        // Where each id is first in the batch: the one table every check below reads, so that a
        // million rows cost one flat index, not six dictionaries.
        let first = RowIndex(count: inputs.count) { inputs[$0].employeeId }
        var frameOf = [Int64?](repeating: nil, count: inputs.count)
        for (index, input) in inputs.enumerated() {
            if let earlier = first.row(of: input.employeeId), earlier != index {
                problem(input, "duplicate id \(input.employeeId) (first at line \(inputs[earlier].line ?? 0))")
                continue
            }
            for message in input.problems { problem(input, message) }
            switch (mode, existing[input.employeeId] != nil) {
            case (.add, true): problem(input, "\(input.employeeId) already exists: change them with goalbook people set")
            case (.update, false): problem(input, "no person with id \(input.employeeId)")
            default: break
            }
            do {
                frameOf[index] = try frames.resolve(family: input.family, function: input.function, level: input.level)
            } catch let error as GoalbookError {
                problem(input, error.errorDescription ?? "unknown job frame")
            }
            if let manager = input.managerId {
                if manager == input.employeeId {
                    problem(input, "\(input.employeeId) cannot be their own manager")
                } else if existing[manager] == nil && first.row(of: manager) == nil {
                    problem(input, "unknown manager \(manager): not in the database nor in this file")
                }
            }
        }
        problems += managerCycles(inputs, first: first, existing: existing, file: file)
        if !problems.isEmpty {
            throw GoalbookError.badInput(
                problems.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element))
        }

        var plan = PeoplePlan()
        plan.inputs = inputs
        for (index, input) in inputs.enumerated() {
            guard let frameId = frameOf[index] else { continue }
            guard let old = existing[input.employeeId] else {
                plan.entries.append(Changes.Entry(index: index, frameId: frameId, fields: nil))
                plan.summary.added += 1
                continue
            }
            let oldFrame = frames.byId[old.frameId]
            let newFrame = frames.byId[frameId]
            let fields = [
                FieldChange(field: "name", old: old.name, new: input.name),
                FieldChange(field: "email", old: old.email, new: input.email),
                FieldChange(field: "manager", old: old.managerId, new: input.managerId),
                FieldChange(field: "family", old: oldFrame?.family, new: newFrame?.family),
                FieldChange(field: "function", old: oldFrame?.function, new: newFrame?.function),
                FieldChange(field: "level", old: oldFrame?.level, new: newFrame?.level),
            ].filter { $0.old != $0.new }
            if fields.isEmpty {
                plan.summary.unchanged += 1
                continue
            }
            plan.entries.append(Changes.Entry(index: index, frameId: frameId, fields: fields))
            plan.summary.updated += 1
        }
        return plan
    }

    /// Cycles the batch would make in the manager tree, each reported once at a row on it.
    /// A person's manager is theirs in the batch (at their first row) or, for someone not in it, as
    /// stored; `first` says where each id of the batch is.
    private static func managerCycles(
        _ inputs: [PersonInput], first: RowIndex, existing: [String: Stored], file: String
    ) -> [InputIssue] {
        func manager(of person: String) -> String? {
            if let index = first.row(of: person) { return inputs[index].managerId }
            return existing[person]?.managerId
        }
        var doneInBatch = [Bool](repeating: false, count: inputs.count)
        var doneStored = Set<String>()
        func isDone(_ person: String) -> Bool {
            if let index = first.row(of: person) { return doneInBatch[index] }
            return doneStored.contains(person)
        }
        var issues: [InputIssue] = []
        for input in inputs where !isDone(input.employeeId) {
            var path: [String] = []
            var onPath = Set<String>()
            var current: String? = input.employeeId
            while let person = current, !isDone(person) {
                if onPath.contains(person) {
                    let cycle = Array(path[(path.firstIndex(of: person) ?? 0)...]) + [person]
                    let line = first.row(of: person).flatMap { inputs[$0].line }
                    issues.append(InputIssue(file: file, line: line, message: "manager cycle: \(cycle.joined(separator: " → "))"))
                    break
                }
                onPath.insert(person)
                path.append(person)
                current = manager(of: person)
            }
            for person in path {
                if let index = first.row(of: person) { doneInBatch[index] = true } else { doneStored.insert(person) }
            }
        }
        return issues
    }
}
