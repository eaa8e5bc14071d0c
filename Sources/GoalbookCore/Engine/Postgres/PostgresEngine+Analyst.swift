import Foundation

/// `goalbook sql` on PostgreSQL: one statement, in a READ ONLY transaction with a statement
/// timeout, so that it cannot write whatever its text says, nor hold the server for long. Rows
/// stream out through a cursor, a thousand at a time.
extension PostgresEngine {
    /// How long one analyst's statement may run before PostgreSQL stops it.
    public static let analystTimeout = "60s"

    /// The first words a statement that only reads may start with; a cursor takes nothing else.
    static let queryKeywords: Set<String> = ["select", "with", "values", "table"]

    public func readOnlyQuery(sql: String, parameters: [(String, String)], format: QueryFormat, write: @escaping (String) -> Void) throws {
        try ReadOnlyQuery.refuseNUL(sql)
        let (numbered, order) = try Self.numberedParameters(sql)
        let values = Dictionary(parameters, uniquingKeysWith: { $1 })
        if let missing = order.first(where: { values[$0] == nil }) {
            throw GoalbookError.invalidArgument("parameters: the statement uses :\(missing), and no --param \(missing)=… gives it")
        }
        if let unused = values.keys.sorted().first(where: { !order.contains($0) }) {
            throw GoalbookError.invalidArgument("parameters: --param \(unused) is not used by the statement (:\(unused))")
        }
        let first = sql.drop { !$0.isLetter }.prefix { $0.isLetter }.lowercased()
        guard Self.queryKeywords.contains(first) else {
            throw GoalbookError.refused(
                "goalbook sql only reads: it runs one SELECT, WITH, VALUES or TABLE statement (use psql for anything else); nothing was run")
        }
        let body = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        let statement = body.hasSuffix(";") ? String(body.dropLast()) : body
        do {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { try? connection.execute("ROLLBACK") }
            try connection.execute("SET LOCAL statement_timeout = '\(Self.analystTimeout)'")
            // The cursor's text is the statement as given, parameters numbered: one statement only.
            try connection.query(
                "DECLARE goalbook_sql NO SCROLL CURSOR FOR " + Self.numberedParameters(statement).sql, order.map { values[$0] })
            var sink: RowSink?
            while true {
                let batch = try connection.query("FETCH FORWARD 1000 FROM goalbook_sql")
                if sink == nil { sink = RowSink(columns: batch.columns, format: format, write: write) }
                for row in batch.rows {
                    sink?.add(row.values.enumerated().map { Self.value($0.element, type: batch.types[$0.offset]) })
                }
                if batch.rows.count < 1000 { break }
            }
            sink?.finish()
        } catch let error as PostgresError {
            throw describe(error, sql: sql, numbered: numbered)
        }
    }

    /// PostgreSQL's text for a value, typed by its column's type OID (`pg_type`): integers and
    /// floating or decimal numbers print as numbers, `bytea` as a blob, the rest as text.
    static func value(_ text: String?, type: UInt32) -> QueryValue {
        guard let text else { return .null }
        switch type {
        case 20, 21, 23, 26: return Int64(text).map { .int($0) } ?? .text(text)
        case 700, 701, 1700: return Double(text).map { .double($0) } ?? .text(text)
        case 16: return .text(text == "t" ? "true" : "false")
        default: return .text(text)
        }
    }

    /// The statement with each `:name` outside quotes and casts (`::`) numbered `$1`, `$2`…, and
    /// the names in that order (a name used twice keeps its number).
    static func numberedParameters(_ sql: String) throws -> (sql: String, order: [String]) {
        var out = ""
        var order: [String] = []
        var quote: Character?
        let characters = Array(sql)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
                index += 1
                continue
            }
            if character == "'" || character == "\"" {
                quote = character
            } else if character == ":" && index + 1 < characters.count && characters[index + 1] == ":" {
                out += "::"
                index += 2
                continue
            } else if character == ":", index + 1 < characters.count, characters[index + 1].isLetter || characters[index + 1] == "_" {
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
                let name = String(characters[(index + 1)..<end])
                if !order.contains(name) { order.append(name) }
                out += "$\((order.firstIndex(of: name) ?? 0) + 1)"
                index = end
                continue
            }
            out.append(character)
            index += 1
        }
        return (out, order)
    }

    /// PostgreSQL's refusal as `goalbook sql` words it, with a caret under the place it names.
    func describe(_ error: PostgresError, sql: String, numbered: String) -> GoalbookError {
        switch error.sqlState {
        case "25006":
            return .refused("goalbook sql only reads: this statement would change the database; nothing was run")
        case "0A000" where error.message.contains("data-modifying"):
            return .refused("goalbook sql only reads: this statement would change the database; nothing was run")
        case "57014":
            return .refused("goalbook sql stopped the statement after \(Self.analystTimeout) (statement_timeout); narrow it, or use psql")
        case "42601" where error.message.contains("multiple commands"):
            return .invalidArgument("goalbook sql runs one statement at a time; nothing was run")
        case "42501":
            return .refused("PostgreSQL refused it: \(error.message)")
        default:
            var text = "SQL error: \(error.message)"
            // The position counts characters of the cursor's text; take off the DECLARE in front.
            let prefix = "DECLARE goalbook_sql NO SCROLL CURSOR FOR ".count
            if let position = error.position, position > prefix, numbered == sql {
                let offset = String(sql.prefix(position - prefix - 1)).utf8.count
                if let caret = ReadOnlyQuery.caret(sql, at: offset) { text += caret }
            }
            return .invalidArgument(text)
        }
    }
}

extension PostgresEngine {
    /// The data dictionary in `goalbook schema`'s order (tables, then views; each object's own
    /// row, then its columns in table order), with the types PostgreSQL gives them.
    public func dictionary() throws -> [DictionaryEntry] {
        try readingRows { sql in
            try sql.all(
                """
                SELECT d.object, d."column", d.type, d.description
                FROM dictionary AS d
                JOIN dictionary AS o ON o.object = d.object AND o."column" = ''
                LEFT JOIN information_schema.columns AS c
                       ON c.table_schema = current_schema() AND c.table_name = d.object AND c.column_name = d."column"
                ORDER BY o.type COLLATE "C", d.object COLLATE "C", d."column" <> '', c.ordinal_position
                """
            ) { DictionaryEntry(object: $0.text(0), column: $0.text(1), type: $0.text(2), description: $0.text(3)) }
        }
    }
}
