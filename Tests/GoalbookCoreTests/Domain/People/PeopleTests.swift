import Foundation
import GoalbookCore
import GoalbookTestSupport
import Testing

/// People: all-or-nothing imports, every problem at once, updates in history, no cycles.
@Suite struct PeopleTests {
    static let header = "id,name,email,manager,family,function,level\n"
    static let staff =
        header + """
            E001,Grace Hopper,grace@example.com,,,AI / Machine Learning Engineering,P2
            E100,Ada Park,ada@example.com,E001,,AI / Machine Learning Engineering,P2
            E102,Sam Ortiz,,E101,,Machine Learning Engineer,IC2
            E101,Lin Chen,lin@example.com,E001,Engineering,Machine Learning Engineer,IC2

            """

    func importStaff(_ store: any GoalbookEngine, _ csv: String, actor: String = "hr") throws -> PeopleChangeSummary {
        let (people, problems) = try StaffCSV.parse(bytes: Array(csv.utf8), fileName: "staff.csv")
        return try PeopleService(store).write(
            people, file: "staff.csv", mode: .upsert, actor: actor, command: "people import", inputProblems: problems)
    }

    func problems(_ csv: String, store: any GoalbookEngine) -> [String] {
        do {
            _ = try importStaff(store, csv)
            return []
        } catch GoalbookError.badInput(let issues) {
            return issues.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test(arguments: TestEngine.available) func aManagerLaterInTheFileIsFineAndReimportingChangesNothing(engine: TestEngine) throws {
        let (store, path) = try makeStore(on: engine)
        #expect(try importStaff(store, Self.staff) == PeopleChangeSummary(added: 4))
        #expect(try PeopleService(store).person("E102").managerId == "E101")
        let dump = try anyDatabaseDump(path)
        #expect(try importStaff(store, Self.staff) == PeopleChangeSummary(unchanged: 4))
        #expect(try anyDatabaseDump(path) == dump)
        #expect(try PeopleService(store).people(team: "E001").map(\.employeeId) == ["E001", "E100", "E101", "E102"], "a team includes its head")
        #expect(try PeopleService(store).people(team: "E101").map(\.employeeId) == ["E101", "E102"])
        #expect(try PeopleService(store).people(team: "E001", below: true).map(\.employeeId) == ["E100", "E101", "E102"])
        #expect(try PeopleService(store).people(team: "E101", below: true).map(\.employeeId) == ["E102"])
    }

    @Test(arguments: TestEngine.available) func aChangedRowIsAnUpdateRecordedInHistory(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        _ = try importStaff(store, Self.staff)
        let changed = Self.staff.replacingOccurrences(
            of: "E100,Ada Park,ada@example.com,E001,,AI / Machine Learning Engineering,P2",
            with: "E100,Ada Park,ada@new.example.com,E101,,AI / Machine Learning Engineering,P2")
        #expect(try importStaff(store, changed, actor: "carol") == PeopleChangeSummary(updated: 1, unchanged: 3))
        let log = try PeopleService(store).history("E100").filter { $0.field != "created" }
        #expect(
            log.map { "\($0.actor) \($0.field): \($0.old ?? "∅") → \($0.new ?? "∅")" } == [
                "carol email: ada@example.com → ada@new.example.com", "carol manager: E001 → E101",
            ])
    }

    @Test(arguments: TestEngine.available) func everyBadRowIsReportedWithItsLineAndNothingIsWritten(engine: TestEngine) throws {
        let (store, path) = try makeStore(on: engine)
        let dump = try anyDatabaseDump(path)
        let bad =
            Self.header + """
                E001,Grace Hopper,,,,AI / Machine Learning Engineering,P2
                E002,,,E001,,AI / Machine Learning Engineering,P2
                E003,No Frame,,E001,,Astrology,P9
                E001,Twice,,,,AI / Machine Learning Engineering,P2
                E004,Orphan,,E999,,AI / Machine Learning Engineering,P3
                E005,Short,row

                """
        #expect(
            problems(bad, store: store) == [
                "staff.csv:3: missing name",
                "staff.csv:4: unknown job frame: function 'Astrology' (see goalbook canon list)",
                "staff.csv:5: duplicate id E001 (first at line 2)",
                "staff.csv:6: unknown level 'P3' for function 'AI / Machine Learning Engineering' (levels: P2)",
                "staff.csv:6: unknown manager E999: not in the database nor in this file",
                "staff.csv:7: 3 fields where the header has 7",
            ])
        #expect(try anyDatabaseDump(path) == dump)
    }

    @Test(arguments: TestEngine.available) func aManagerCycleIsRefused(engine: TestEngine) throws {
        let (store, path) = try makeStore(on: engine)
        _ = try importStaff(store, Self.staff)
        let dump = try anyDatabaseDump(path)
        let cycle = Self.header + "E001,Grace Hopper,grace@example.com,E102,,AI / Machine Learning Engineering,P2\n"
        #expect(problems(cycle, store: store) == ["staff.csv:2: manager cycle: E001 → E102 → E101 → E001"])
        #expect(try anyDatabaseDump(path) == dump)
    }

    /// A few rows are checked against the people they name and everyone above them, not against
    /// everyone: the stored people read are exactly those, and every plan (or every problem) is
    /// the one that reading everyone gives, cycles through stored managers included.
    @Test(arguments: TestEngine.available) func aSmallBatchIsCheckedAgainstThePeopleItNamesAndThoseAbove(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        let ml = "AI / Machine Learning Engineering,P2"
        let ic = "Machine Learning Engineer,IC2"
        _ = try importStaff(
            store,
            Self.staff + """
                E200,Noor Haddad,,E100,,\(ic)
                E300,Kim Sato,,E200,,\(ic)
                E400,Ines Roy,,,,\(ml)

                """)
        func stored(_ named: Set<String>?) throws -> [PeoplePlan.Stored] {
            try store.reading { try $0.storedPeople(named: named) }.sorted { $0.employeeId < $1.employeeId }
        }
        #expect(try stored(["E102"]).map(\.employeeId) == ["E001", "E101", "E102"])
        #expect(try stored(["E300", "E400", "E999"]).map(\.employeeId) == ["E001", "E100", "E200", "E300", "E400"])
        #expect(try stored([]).isEmpty)
        let everyone = try stored(nil)
        #expect(everyone.count == 7)
        #expect(try stored(["E300"]) == everyone.filter { ["E001", "E100", "E200", "E300"].contains($0.employeeId) })
        let frames = try store.reading { try $0.frames() }
        func plan(_ rows: String, _ mode: PeopleMode, stored: [PeoplePlan.Stored]) throws -> String {
            let (inputs, _) = try StaffCSV.parse(bytes: Array((Self.header + rows).utf8), fileName: "staff.csv")
            do {
                return "\(try PeoplePlan.plan(inputs, file: "staff.csv", mode: mode, stored: stored, frames: frames))"
            } catch GoalbookError.badInput(let issues) {
                return issues.map(\.description).joined(separator: "\n")
            }
        }
        let batches: [(rows: String, mode: PeopleMode, expected: String?)] = [
            ("E300,Kim Sato,,E102,,\(ic)\n", .update, nil),
            ("E001,Grace Hopper,grace@example.com,E300,,\(ml)\n", .upsert, "staff.csv:2: manager cycle: E001 → E300 → E200 → E100 → E001"),
            ("E100,Ada Park,ada@example.com,E300,,\(ml)\n", .update, "staff.csv:2: manager cycle: E100 → E300 → E200 → E100"),
            ("E500,Lee Moss,,E999,,\(ic)\n", .add, "staff.csv:2: unknown manager E999: not in the database nor in this file"),
            ("E600,Ola Berg,,E700,,\(ic)\nE700,Ana Ruiz,,E102,,\(ic)\n", .add, nil),
            ("E800,Nobody,,E001,,\(ic)\n", .update, "staff.csv:2: no person with id E800"),
            ("E200,Noor Haddad,,E100,,\(ic)\n", .add, "staff.csv:2: E200 already exists: change them with goalbook people set"),
        ]
        for batch in batches {
            let (inputs, _) = try StaffCSV.parse(bytes: Array((Self.header + batch.rows).utf8), fileName: "staff.csv")
            let named = Set(inputs.flatMap { [$0.employeeId] + ($0.managerId.map { [$0] } ?? []) })
            let few = try plan(batch.rows, batch.mode, stored: try stored(named))
            #expect(few == (try plan(batch.rows, batch.mode, stored: everyone)), "\(batch.rows)")
            if let expected = batch.expected { #expect(few == expected) }
        }
    }

    @Test(arguments: TestEngine.available) func theHeaderIsRequired(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        #expect(
            problems("E001,Grace,,,,AI / Machine Learning Engineering,P2\n", store: store).first?.hasPrefix("staff.csv:1: unknown column 'e001'")
                == true)
        #expect(
            problems("id,name,function,level\n", store: store) == [
                "staff.csv:1: the header has no column email, manager, family: a header row id,name,email,manager,family,function,level is required"
            ])
    }

    @Test(arguments: TestEngine.available) func peopleAreNeverDeletedAndLeavingIsRecorded(engine: TestEngine) throws {
        let (store, path) = try makeStore(on: engine)
        _ = try importStaff(store, Self.staff)
        #expect(try PeopleService(store).leave("E100", on: Day(iso: "2026-12-31")!, actor: "hr"))
        #expect(try !PeopleService(store).leave("E100", on: Day(iso: "2026-12-31")!, actor: "hr"))
        #expect(try PeopleService(store).person("E100").leftOn == "2026-12-31")
        #expect(try PeopleService(store).history("E100").last?.field == "left_on")
        let queue = try RawDatabase(path)
        #expect(throws: Error.self) { try queue.execute("DELETE FROM person WHERE employee_id = 'E100'") }
    }

    @Test(arguments: TestEngine.available) func addRefusesAnExistingIdAndSetRefusesAnUnknownOne(engine: TestEngine) throws {
        let (store, _) = try makeStore(on: engine)
        _ = try importStaff(store, Self.staff)
        let ada = PersonInput(
            employeeId: "E100", name: "Ada", email: nil, managerId: nil, family: nil, function: "AI / Machine Learning Engineering", level: "P2")
        #expect(
            throws: GoalbookError.badInput([
                InputIssue(file: "people add", line: nil, message: "E100 already exists: change them with goalbook people set")
            ])
        ) {
            _ = try PeopleService(store).write([ada], file: "people add", mode: .add, actor: "hr", command: "people add")
        }
        var ghost = ada
        ghost.employeeId = "E999"
        #expect(throws: GoalbookError.badInput([InputIssue(file: "people set", line: nil, message: "no person with id E999")])) {
            _ = try PeopleService(store).write([ghost], file: "people set", mode: .update, actor: "hr", command: "people set")
        }
    }
}
