import Database
import TestSupport
import Testing

struct SQLListTests {
    private func ints(_ list: SQLList) -> [Int] {
        list.values.map { value in
            if case .int(let number) = value.databaseValue { return Int(number) }
            return -1
        }
    }

    @Test func listsArePaddedToAFewSizesRepeatingTheirLastValue() {
        for (count, size) in [(1, 1), (2, 4), (16, 16), (17, 64), (200, 256), (300, 512)] {
            let list = SQLList(Array(1...count).map { $0 as any Bindable })
            #expect(list.values.count == size)
            #expect(list.placeholders.split(separator: ",").count == size)
            #expect(Set(ints(list)) == Set(1...count), "padding repeats values, never adds others")
            #expect(ints(list).last == count)
        }
    }

    @Test func anEmptyListMatchesNothingInsteadOfTrapping() {
        let list = SQLList([])
        #expect(list.placeholders == "NULL" && list.values.isEmpty)
    }
}

/// SQL composition refuses bad shapes with a thrown error, never a trap (issue 10).
@Suite(.enabled(if: TestEnvironment.hasDatabase, "needs the test MariaDB (.ci/test)"))
struct CompositionErrorTests {
    @Test func anEmptyInListIsValidSQLThatMatchesNothing() throws {
        let db = TestDatabase.connect()
        let list = SQLList([])
        #expect(
            try db.legacyQuery("SELECT 1 AS one FROM DUAL WHERE 1 IN (\(list.placeholders))", values: list.values)
                .isEmpty)
    }

    @Test func aRowOfTheWrongWidthIsAThrownErrorBeforeAnythingIsSent() {
        let db = TestDatabase.connect()
        do {
            try db.legacyInsertMany("INSERT INTO no_such_table (a, b) VALUES", columns: 2, rows: [[1, 2], [3]])
            Issue.record("expected an error")
        } catch {
            // Code 0: refused by insertMany itself; the server (no such table, 1146) never saw it.
            guard case .failed(let code, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(code == 0 && message.contains("expected 2"))
        }
    }
}
