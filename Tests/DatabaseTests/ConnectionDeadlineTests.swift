import Database
import Foundation
import TestSupport
import Testing

/// The request deadline a connection carries, against the live MariaDB of `.ci/test`.
@Suite(.enabled(if: TestEnvironment.hasDatabase, "needs the test MariaDB (.ci/test)"))
struct ConnectionDeadlineTests {
    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// True when `body` throws `DatabaseError.timedOut` (DatabaseError is not Equatable).
    private func timesOut(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch DatabaseError.timedOut {
            return true
        } catch {
            return false
        }
    }

    @Test func aStatementAfterTheDeadlineThrowsTimedOutWithoutRunning() throws {
        let db = TestDatabase.connect()
        db.deadline = .now - .milliseconds(1)
        #expect(timesOut { _ = try db.fixtureQuery("SELECT 1") })
        db.deadline = nil
        #expect(try db.fixtureFirst("SELECT 1 AS one")?.int("one") == 1, "without a deadline the connection works")
    }

    @Test func aLockWaitIsCutOffAtTheDeadlineAndTheTransactionRollsBack() throws {
        let holder = TestDatabase.connect()
        let waiter = TestDatabase.connect()
        let name = "t_deadline_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()
        try holder.fixtureExecute("CREATE TABLE \(name) (id BIGINT PRIMARY KEY, n BIGINT NOT NULL) ENGINE=InnoDB")
        try holder.fixtureExecute("INSERT INTO \(name) VALUES (1, 0), (2, 0)")
        var elapsed = 0.0
        try holder.transaction {
            try holder.fixtureExecute("UPDATE \(name) SET n = 1 WHERE id = 1")
            waiter.deadline = .now + .milliseconds(2500)
            let start = ContinuousClock.now
            #expect(
                timesOut {
                    try waiter.transaction {
                        try waiter.fixtureExecute("UPDATE \(name) SET n = 2 WHERE id = 2")
                        try waiter.fixtureExecute("UPDATE \(name) SET n = 2 WHERE id = 1")
                    }
                })
            elapsed = seconds(since: start)
        }
        waiter.deadline = nil
        #expect(elapsed >= 1.5 && elapsed < 3.5, "cut off by max_statement_time near the deadline: \(elapsed) s")
        #expect(try waiter.fixtureFirst("SELECT n FROM \(name) WHERE id = 2")?.int("n") == 0, "rolled back")
        #expect(try waiter.fixtureFirst("SELECT n FROM \(name) WHERE id = 1")?.int("n") == 1)
        try holder.fixtureExecute("DROP TABLE \(name)")
    }
}
