import Foundation
import GRDB
import GoalbookCore
import GoalbookTestSupport
import Testing

/// The analyst's database: documented views, the dictionary, read-only SQL, and the example queries.
@Suite struct AnalystTests {
    /// The fixture organization, with the canon changed since its goals were made, and goals
    /// aligned and weighted (G5 moved from G2 to G1 on 5 November).
    func fixture(_ engine: TestEngine) throws -> (any GoalbookEngine, String) {
        let (store, path, _) = try ReportFixture.build(on: engine)
        let october = ReportFixture.at("2026-10-10T09:00:00Z")
        _ = try AlignmentService(store).align(5, to: 2, actor: "grace", now: october)
        _ = try AlignmentService(store).align(3, to: 1, actor: "grace", now: october)
        _ = try GoalService(store).set(1, [("weight", "60")], item: nil, direction: nil, actor: "grace", now: october)
        _ = try GoalService(store).set(2, [("weight", "40")], item: nil, direction: nil, actor: "grace", now: october)
        _ = try AlignmentService(store).align(5, to: 1, actor: "ada", now: ReportFixture.at("2026-11-05T09:00:00Z"))
        var yaml = String(decoding: Resources.builtInCanon.first { $0.name.hasSuffix(".yaml") }!.bytes, as: UTF8.self)
        yaml = yaml.replacingOccurrences(of: "engineering features under guidance.", with: "engineering features.")
        _ = try CanonService(store).importCanon(
            [CanonYAMLParser.parse(bytes: Array(yaml.utf8), fileName: "v2.yaml")], actor: "hr",
            now: ReportFixture.at("2026-11-20T09:00:00Z"))
        return (store, path)
    }

    /// Runs SQL through `goalbook sql`'s read-only path, on a file or a PostgreSQL database, and
    /// returns the rows as tab-separated lines.
    func query(_ location: String, _ sql: String) throws -> [String] {
        var out = ""
        if location.contains("://") {
            try PostgresEngine(url: location, actor: "analyst").readOnlyQuery(sql: sql, parameters: [], format: .tsv) { out += $0 }
        } else {
            try ReadOnlyQuery.run(path: location, sql: sql, parameters: [], format: .tsv) { out += $0 }
        }
        return Array(out.split(separator: "\n").dropFirst().map(String.init))
    }

    /// The `### N. question` headings and their SQL blocks in docs/analyst-queries.md: the block
    /// marked `sql postgres` on PostgreSQL where a question has one, the plain `sql` block otherwise.
    func documentedQueries(for engine: TestEngine) throws -> [(title: String, sql: String)] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/analyst-queries.md"), encoding: .utf8)
        var result: [(title: String, sql: String)] = []
        var title: String?
        var block: (dialect: String, lines: [String])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("### ") {
                title = String(line.dropFirst(4))
            } else if line == "```sql" || line == "```sql postgres" {
                block = (line == "```sql" ? "any" : "postgres", [])
            } else if line == "```", let (dialect, lines) = block, let t = title {
                let sql = lines.joined(separator: "\n")
                if dialect == "any" {
                    result.append((t, sql))
                } else if engine == .postgres, result.last?.title == t {
                    result[result.count - 1].sql = sql
                }
                block = nil
            } else if block != nil {
                block!.lines.append(line)
            }
        }
        return result
    }

    static let expected: [String: [String]] = [
        "1": ["KR1\t50%\t2026-10-02T09:05:00.000Z\tgrace", "KR2\t3\t2026-10-02T09:06:00.000Z\tgrace"],
        "2": ["E001\tGrace Hopper", "E103\tKim Sato", "E104\tNoor Haddad"],
        "3": ["G1\tKR1\t2\tgrace, boss"],
        "4": ["IC2\t0.9\t2", "P2\t0.3833\t2"],
        "5": ["E100\tAda Park\t0.5889", "E101\tLin Chen\t0.8", "E104\tNoor Haddad\t"],
        "6": ["E001\t1", "E100\t6"],
        "7": [
            "G1\tE100\tPerforms data preprocessing — cleans and transforms raw data into formats suitable for ML algorithms, handling missing "
                + "values and engineering features under guidance.\tPerforms data preprocessing — cleans and transforms raw data into formats "
                + "suitable for ML algorithms, handling missing values and engineering features.",
            "G6\tE103\tPerforms data preprocessing — cleans and transforms raw data into formats suitable for ML algorithms, handling missing "
                + "values and engineering features under guidance.\tPerforms data preprocessing — cleans and transforms raw data into formats "
                + "suitable for ML algorithms, handling missing values and engineering features.",
        ],
        "8": ["G4\tE102\tdraft\tKR1.baseline KR1.target KR2.target"],
        "9": ["G1\tKR1\t30%\t2026-11-05", "G1\tKR2\t1\t2026-11-01", "G2\tmain\t160 ms\t2026-11-01"],
        "10": ["E100\tAda Park\t1", "E101\tLin Chen\t1", "E104\tNoor Haddad\t1", "E102\tSam Ortiz\t2", "E103\tKim Sato\t2"],
        "11": ["C4\t170 ms\tC5\t160 ms\tada"],
        "12": ["E100\t2\t0\t2\t0\t0\t7/8", "E101\t1\t0\t1\t0\t0\t2/2", "E102\t2\t1\t1\t0\t0\t2/8", "E103\t1\t0\t0\t0\t1\t1/2"],
        "13": ["2026-11-10T10:00:00.000Z\tboss\tG1\tKR1\ttarget\t50%\t60%"],
        "14": ["G3\tE101\t1", "G5\tE102\t1"],
        "15": ["G2\t2026-10-10T09:00:00.000Z\tgrace"],
        // E100: (60 × 0.3667 + 40 × 0.4) / 100 = 0.38 against a plain 0.3833; E102's draft counts 1 in the total.
        "16": ["E100\t0.3833\t0.38\t2\t100", "E101\t0.8\t0.8\t0\t1", "E102\t1\t1\t0\t2", "E103\t\t\t0\t0"],
    ]

    @Test(arguments: TestEngine.available) func everyDocumentedQueryRunsAndGivesTheCheckedResult(engine: TestEngine) throws {
        let (_, path) = try fixture(engine)
        let queries = try documentedQueries(for: engine)
        #expect(queries.count >= 10)
        #expect(Set(queries.map { String($0.title.prefix { $0 != "." }) }) == Set(Self.expected.keys), "every documented query has a checked result")
        for (title, sql) in queries {
            let number = String(title.prefix { $0 != "." })
            let rows = try query(path, sql)
            #expect(rows == Self.expected[number], "\(title): \(rows)")
        }
    }

    @Test func everyTableViewAndColumnHasADescription() throws {
        let (store, _) = try makeStore()
        #expect(try store.undocumented() == [])
        let entries = try store.dictionary()
        #expect(entries.allSatisfy { !$0.description.isEmpty })
        for view in ["goal_current", "goal_history", "checkin_latest", "checkin_all", "org_tree", "quarter_progress", "canon_statement"] {
            #expect(entries.contains { $0.object == view && $0.column.isEmpty && $0.type == "view" }, "\(view)")
        }
    }

    /// Every history field Goalbook writes and every setting key in the file is named in the
    /// dictionary, so an analyst reading history.field or setting.key finds each one described.
    @Test(arguments: TestEngine.available) func everyHistoryFieldAndSettingKeyIsDescribed(engine: TestEngine) throws {
        let (store, path, g) = try AlignmentFixture.build(on: engine)
        let december = ReportFixture.at("2026-12-31T10:00:00Z")
        let kept = try GoalService(store).add("E101", quarter: AlignmentFixture.quarter, framework: .smart, rows: [2], actor: "grace", now: december)
            .created[0].goalId
        _ = try GoalService(store).set(
            kept, [("baseline", "5"), ("target", "5"), ("keep", "at-most"), ("tolerance", "1")], item: nil,
            direction: .maintain, actor: "grace", now: december)
        _ = try GoalService(store).set(g["lin"]!, [("owner", "E100")], item: nil, direction: nil, actor: "grace", now: december)
        _ = try AlignmentService(store).score(g["top"]!, 3, note: nil, actor: "grace", now: december)
        _ = try GoalService(store).carry(
            from: AlignmentFixture.quarter, to: Quarter("2027Q1")!, team: nil, dryRun: false, actor: "grace", now: december)
        _ = try QuarterService(store).close(AlignmentFixture.quarter, note: nil, actor: "hr", now: december)
        _ = try PeopleService(store).write(
            [
                PersonInput(
                    employeeId: "E102", name: "Sam Ortiz-Lee", email: "sam@example.com", managerId: "E001",
                    family: nil, function: "AI / Machine Learning Engineering", level: "P2")
            ],
            file: "set", mode: .update, actor: "hr", command: "people set", now: december)
        _ = try PeopleService(store).leave("E103", on: Day(iso: "2027-01-15")!, actor: "hr", now: december)
        let raw = try RawDatabase(path)
        let fields = try raw.strings("SELECT DISTINCT field FROM history ORDER BY field").compactMap { $0 }
        let keys = try raw.strings("SELECT key FROM setting ORDER BY key").compactMap { $0 }
        #expect(fields.count >= 20, "the scenario writes (nearly) every kind of change: \(fields)")
        let entries = try store.dictionary()
        func words(_ object: String, _ column: String) -> Set<String> {
            let text = entries.first { $0.object == object && $0.column == column }?.description ?? ""
            return Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
        }
        let described = words("history", "field")
        let settings = words("setting", "key")
        #expect(fields.filter { !described.contains($0) } == [], "history fields the dictionary does not describe")
        #expect(keys.filter { !settings.contains($0) } == [], "setting keys the dictionary does not describe")
        let goalFields = try raw.strings("SELECT DISTINCT field FROM goal_history ORDER BY field").compactMap { $0 }
        #expect(goalFields.filter { !words("goal_history", "field").contains($0) } == [])
    }

    @Test func theDataDictionaryDocumentIsUpToDate() throws {
        let (store, _) = try makeStore()
        let mismatch = try goldenMismatch(DataDictionaryText.markdown(try store.dictionary()), fixture: "../../../docs/data-dictionary.md")
        #expect(mismatch == nil, "run: goalbook schema --format md > docs/data-dictionary.md")
    }

    @Test func datasetteMetadataIsValidJSONWithEveryDescription() throws {
        let (store, _) = try makeStore()
        let text = DataDictionaryText.datasette(try store.dictionary())
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let tables = ((json?["databases"] as? [String: Any])?["goalbook"] as? [String: Any])?["tables"] as? [String: Any]
        let goal = tables?["goal_current"] as? [String: Any]
        #expect((goal?["columns"] as? [String: String])?["progress"]?.hasPrefix("The goal's progress") == true)
    }

    @Test(arguments: TestEngine.available) func theViewsAgreeWithTheReport(engine: TestEngine) throws {
        let (store, path) = try fixture(engine)
        let report = try ReportService(store).report(quarter: ReportFixture.quarter, scope: .all, now: ReportFixture.now)
        let rows = try query(path, "SELECT goal, progress, progress_raw FROM goal_current WHERE quarter = '2026Q4' ORDER BY goal_id")
        #expect(
            rows
                == report.goals.sorted { $0.goalId < $1.goalId }.map { g in
                    "\(g.goalId)\t\(g.progress.map { Measure.format($0) } ?? "")\t\(g.progressRaw.map { Measure.format($0) } ?? "")"
                })
    }

    @Test func sqlRefusesEveryWriteAndChangesNothing() throws {
        let (_, path) = try fixture(.sqlite)
        let before = try databaseDump(path)
        for sql in [
            "INSERT INTO setting VALUES ('x', 'y', 'z')", "UPDATE goal SET status = 'done'", "DELETE FROM person",
            "ATTACH DATABASE '/tmp/goalbook-attached.db' AS other", "PRAGMA user_version = 99", "DROP VIEW goal_current",
            "CREATE TABLE mine (x)", "  attach '/tmp/x.db' as y", "VACUUM",
        ] {
            #expect(throws: GoalbookError.self, "\(sql)") { _ = try query(path, sql) }
        }
        #expect(try databaseDump(path) == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/goalbook-attached.db"))
    }

    /// The decision is made on what SQLite prepared (the authorizer), so comments and spelling do
    /// not get round it, and only the functions and pragmas analysts need are there.
    @Test func sqlAllowsOnlyWhatAnAnalystNeedsWhateverTheSpelling() throws {
        let (_, path) = try fixture(.sqlite)
        let refused: [(String, String)] = [
            ("/**/ATTACH '/tmp/goalbook-attached.db' AS x", "ATTACH is not allowed"),
            ("-- note\n attach '/tmp/goalbook-attached.db' as x", "ATTACH is not allowed"),
            ("SELECT fts3_tokenizer('simple')", "the function fts3_tokenizer is not allowed"),
            ("SELECT load_extension('/tmp/x.so')", "the function load_extension is not allowed"),
            ("SELECT count(*) FROM goal WHERE load_extension('x') IS NULL", "the function load_extension is not allowed"),
            ("PRAGMA user_version = 3", "PRAGMA user_version = 3 is not allowed"),
            ("PRAGMA writable_schema = 1", "PRAGMA writable_schema = 1 is not allowed"),
            ("PRAGMA query_only = 0", "PRAGMA query_only = 0 is not allowed"),
            ("BEGIN IMMEDIATE", "a transaction statement is not allowed"),
            ("SAVEPOINT a", "a transaction statement is not allowed"),
            ("ANALYZE", "ANALYZE is not allowed"),
        ]
        for (sql, message) in refused {
            #expect(
                throws: GoalbookError.refused("goalbook sql only reads: \(message) (see docs/analyst-queries.md for what is); nothing was run"),
                "\(sql)"
            ) {
                _ = try query(path, sql)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/goalbook-attached.db"))
        #expect(
            throws: GoalbookError.invalidArgument(
                "the SQL holds a NUL byte (\\0) on line 2: the database would read only what comes before it; nothing was run")
        ) {
            _ = try query(path, "SELECT 1;\n\u{0} DELETE FROM history")
        }
        for sql in [
            "SELECT name FROM pragma_table_info('goal') WHERE pk = 1", "PRAGMA table_info(goal)", "PRAGMA user_version",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT group_concat(i) FROM n",
            "SELECT json_extract('{\"a\": 1}', '$.a'), date('2026-10-01', '+1 month'), round(avg(progress), 2) FROM goal_current",
            "SELECT value FROM json_each('[1,2]')",
        ] {
            #expect(throws: Never.self, "\(sql)") { _ = try query(path, sql) }
        }
    }

    @Test func sqlErrorsSayWhereAndParametersBind() throws {
        let (_, path) = try fixture(.sqlite)
        #expect(throws: GoalbookError.invalidArgument("SQL error: near \"goal\": syntax error (line 2, column 7)\n  x FRM goal\n        ^")) {
            _ = try query(path, "SELECT\nx FRM goal")
        }
        var out = ""
        try ReadOnlyQuery.run(
            path: path, sql: "SELECT count(*) AS n FROM goal WHERE quarter = :q AND row_number >= :r",
            parameters: [("q", "2026Q4"), ("r", "2")], format: .json
        ) { out += $0 }
        #expect(out == "[\n  {\"n\": 2}\n]\n")
    }

    @Test func sqlStreamsLargeResultsInEveryFormat() throws {
        let (_, path) = try fixture(.sqlite)
        for format in QueryFormat.allCases {
            var chunks = 0
            var lines = 0
            try ReadOnlyQuery.run(
                path: path,
                sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT i, 'row ' || i AS label FROM n",
                parameters: [], format: format
            ) { chunk in
                chunks += 1
                lines += chunk.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            }
            #expect(chunks > 10, "\(format) was written in pieces as it streamed")
            #expect(lines >= 200_000, "\(format)")
        }
    }
}
