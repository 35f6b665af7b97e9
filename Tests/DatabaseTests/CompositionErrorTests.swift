import Database
import TestSupport
import Testing

/// SQL composition refuses bad shapes with a thrown error, never a trap (issue 10).
@Suite(.enabled(if: TestEnvironment.hasDatabase, "needs the test MariaDB (.ci/test)"))
struct CompositionErrorTests {
    @Test func anEmptyInListIsValidSQLThatMatchesNothing() throws {
        let db = TestDatabase.connect()
        #expect(try db.query("SELECT 1 AS one FROM DUAL WHERE 1 IN (\(list: [Int]()))").isEmpty)
    }

    @Test func aRowOfTheWrongWidthIsAThrownErrorBeforeAnythingIsSent() {
        let db = TestDatabase.connect()
        do {
            try db.insertMany(into: "no_such_table", columns: ["a", "b"], rows: [[1, 2], [3]])
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
