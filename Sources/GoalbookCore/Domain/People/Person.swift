import Foundation

/// A person as a command or a staff file describes them, before it is checked against the database.
public struct PersonInput: Sendable, Equatable {
    public var employeeId: String
    public var name: String
    public var email: String?
    /// The manager's employee id; nil at the top of the tree.
    public var managerId: String?
    /// May be nil where the function name is in one family only.
    public var family: String?
    public var function: String
    public var level: String
    /// The line of the staff file the person is on.
    public var line: Int?

    public init(
        employeeId: String, name: String, email: String?, managerId: String?, family: String?,
        function: String, level: String, line: Int? = nil
    ) {
        self.employeeId = EmployeeID.normalized(employeeId)
        self.name = name
        self.email = email
        self.managerId = managerId.map(EmployeeID.normalized)
        self.family = family
        self.function = function
        self.level = level
        self.line = line
    }

    /// What is wrong with the values themselves, before any lookup: an empty id or name, or a
    /// NUL byte anywhere (C strings and terminals cut text short at it).
    public var problems: [String] {
        var problems: [String] = []
        if employeeId.trimmingBlanks().isEmpty { problems.append("the id is empty") }
        if name.trimmingBlanks().isEmpty { problems.append("the name of \(employeeId) is empty") }
        let fields: [(String, String?)] = [
            ("id", employeeId), ("name", name), ("email", email), ("manager", managerId),
            ("family", family), ("function", function), ("level", level),
        ]
        for (label, value) in fields where value?.unicodeScalars.contains("\u{0}") == true {
            problems.append("the \(label) holds a NUL byte (\\0): remove it")
        }
        return problems
    }
}

/// A person as stored.
public struct Person: Sendable, Equatable, Codable {
    public var employeeId: String
    public var name: String
    public var email: String?
    public var managerId: String?
    public var family: String
    public var function: String
    public var level: String
    /// The last day of employment, when they have left (or will leave).
    public var leftOn: String?
    public var createdAt: String
}

/// Reads a staff CSV file: a header row naming the columns id, name, email, manager, family,
/// function and level (any order), then one person per row.
public enum StaffCSV {
    public static let columns = ["id", "name", "email", "manager", "family", "function", "level"]

    /// The rows that read well, and a problem (`file:line: problem`) for each row that did not.
    /// A missing or wrong header throws: without it no row can be read.
    public static func parse(bytes: [UInt8], fileName: String) throws -> (people: [PersonInput], problems: [InputIssue]) {
        try parse(
            CSVReader(bytes: bytes, file: fileName, maxFieldBytes: maxFieldBytes), fileName: fileName,
            lines: FileChunks.lineFeeds(in: bytes))
    }

    /// The same, read from the file a chunk at a time: at a million people the file's 100 MB are
    /// never held beside the rows. The line feeds of a regular file are counted in a first pass, so
    /// that the rows take one allocation of the right size where doubling would copy them; a pipe
    /// (`/dev/stdin`) is read once, as it can only be.
    public static func parse(contentsOf path: String) throws -> (people: [PersonInput], problems: [InputIssue]) {
        let chunks = try FileChunks(path: path)
        let lines = chunks.isRegularFile ? try FileChunks(path: path).countLineFeeds() : 0
        return try parse(CSVReader(chunks: chunks, maxFieldBytes: maxFieldBytes), fileName: path, lines: lines)
    }

    static let maxFieldBytes = 4096

    private static func parse(_ reader: consuming CSVReader, fileName: String, lines: Int) throws -> (people: [PersonInput], problems: [InputIssue]) {
        var reader = reader
        var problems: [InputIssue] = []
        func problem(_ line: Int?, _ message: String) { problems.append(InputIssue(file: fileName, line: line, message: message)) }
        guard let header = try reader.next() else {
            throw GoalbookError.badInput([
                InputIssue(file: fileName, line: 1, message: "the file is empty: expected a header row \(columns.joined(separator: ","))")
            ])
        }
        let names = header.fields.map { $0.trimmingBlanks().lowercased() }
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            if !columns.contains(name) {
                problem(1, "unknown column '\(name)' in the header: the columns are \(columns.joined(separator: ","))")
            } else if index[name] != nil {
                problem(1, "column '\(name)' appears twice in the header")
            } else {
                index[name] = i
            }
        }
        let missing = columns.filter { index[$0] == nil }
        if !missing.isEmpty {
            problem(1, "the header has no column \(missing.joined(separator: ", ")): a header row \(columns.joined(separator: ",")) is required")
        }
        if !problems.isEmpty { throw GoalbookError.badInput(problems) }

        var people: [PersonInput] = []
        // One row a line, about: room for them all at once, where doubling would copy them.
        people.reserveCapacity(lines)
        // Family, function and level repeat on every row: one shared copy of each value, not a
        // million (about 130 bytes a person at 1M people).
        var shared: [String: String] = [:]
        func once(_ value: String) -> String {
            if let known = shared[value] { return known }
            shared[value] = value
            return value
        }
        while true {
            let record: CSVReader.Record
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch GoalbookError.badInput(let issues) {
                problems += issues
                break  // after bad quoting the rest of the file cannot be trusted
            }
            if record.fields == [""] { continue }  // a blank line
            // A NUL byte is cut short by every C string on the way (and the terminal): refuse it.
            let withNul = record.fields.indices.filter { record.fields[$0].unicodeScalars.contains("\u{0}") }
            for column in withNul {
                problem(record.line, "the \(column < names.count ? names[column] : "extra") field holds a NUL byte (\\0): remove it")
            }
            if !withNul.isEmpty { continue }
            guard record.fields.count == names.count else {
                problem(record.line, "\(record.fields.count) fields where the header has \(names.count)")
                continue
            }
            func field(_ name: String) -> String? {
                guard let column = index[name], column < record.fields.count else { return nil }
                let value = record.fields[column].trimmingBlanks()
                return value.isEmpty ? nil : value
            }
            guard let id = field("id"), let name = field("name"), let function = field("function"), let level = field("level") else {
                let required = ["id", "name", "function", "level"].filter { field($0) == nil }
                problem(record.line, "missing \(required.joined(separator: ", "))")
                continue
            }
            people.append(
                PersonInput(
                    employeeId: id, name: name, email: field("email"), managerId: field("manager"), family: field("family").map(once),
                    function: once(function), level: once(level), line: record.line))
        }
        return (people, problems)
    }
}

/// Employee ids are compared one way everywhere: as Unicode NFC. Every id a person types or a
/// file holds is normalized to NFC before it is stored or looked up, so `é` typed as one code
/// point or as `e` and a combining accent names the same person in every command.
public enum EmployeeID {
    public static func normalized(_ id: String) -> String { id.precomposedStringWithCanonicalMapping }
}
