import Database
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A process killed in the middle of vetting a pile loses nothing and vets nothing twice.
///
/// It SIGKILLs the stack's own `claimscore serve`, so `.ci/test` runs it on its own, after the
/// other suites, and starts the worker pool again afterwards.
@Suite(.enabled(if: DeliveryTestEnvironment.isReady, "needs .ci/test's stack"))
struct PileRestartTests {
    @Test func killingTheWorkerMidVettingLosesNothingAndVetsNothingTwice() async throws {
        let fixture = try DeliveryFixture()
        let client = try PileClient(fixture: fixture, settings: String(format: PileClient.settings, 0))
        let count = 10_000
        let (pile, claims) = try client.submitPile(ref: "RESTART", count: count)
        #expect(claims.count == count)
        let db = fixture.db
        func vetted() throws -> Int {
            try db.fixtureFirst("SELECT COUNT(*) AS n FROM claims WHERE pile_id = ? AND scored_at IS NOT NULL", pile)?
                .int("n") ?? 0
        }
        #expect(try await DeliveryTestEnvironment.eventually(timeout: 60) { try vetted() >= 500 })
        let pidText = try String(
            contentsOfFile: DeliveryTestEnvironment.runDirectory + "/claimscore.pid", encoding: .utf8)
        let pid = try #require(pid_t(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        // The pid file holds the `serve` master; the vetting happens in its worker processes.
        let workers = ServeProcess.children(of: pid)
        #expect(!workers.isEmpty)
        #expect(kill(pid, SIGKILL) == 0)
        #expect(try await DeliveryTestEnvironment.eventually(timeout: 10) { kill(pid, 0) != 0 })
        #expect(
            try await DeliveryTestEnvironment.eventually(timeout: 10) { workers.allSatisfy { !Self.isAlive($0) } },
            "the workers die with their master (PR_SET_PDEATHSIG): none is left serving")
        let atKill = try vetted()
        try #require(atKill < count, "the kill must land before the pile is vetted (\(atKill) of \(count))")
        // What was committed is whole: the counters agree with the rows, batch for batch.
        let counted = try db.fixtureFirst("SELECT claims_vetted FROM piles WHERE id = ?", pile)?.int("claims_vetted")
        #expect(counted == atKill)

        let survivor = try ServeProcess(name: "restart")
        defer { survivor.process.stop() }
        #expect(
            try await DeliveryTestEnvironment.eventually(timeout: 120) {
                try db.fixtureFirst("SELECT status FROM piles WHERE id = ?", pile)?.string("status") == "vetting_done"
            })
        #expect(try vetted() == count)
        let signals = try db.fixtureFirst(
            """
            SELECT COUNT(*) AS n, COUNT(DISTINCT s.claim_id) AS claims FROM claim_signals s
            JOIN claims c ON c.id = s.claim_id WHERE c.pile_id = ?
            """, pile)
        #expect(try signals?.int("n") == count, "one encounter signal per claim: none written twice")
        #expect(try signals?.int("claims") == count)
        let items = try db.fixtureFirst(
            "SELECT COUNT(*) AS n FROM claim_items i JOIN claims c ON c.id = i.claim_id WHERE c.pile_id = ?", pile)
        #expect(try items?.int("n") == 2 * count)
        // A claim vetted a second time would find its own first signal: a duplicate encounter.
        let duplicates = try db.fixtureFirst(
            "SELECT COUNT(*) AS n FROM claims WHERE pile_id = ? AND result_json LIKE '%DUPLICATE_ENCOUNTER%'", pile)
        #expect(try duplicates?.int("n") == 0)
        let events = try db.fixtureFirst(
            """
            SELECT COUNT(*) AS n, COUNT(DISTINCT claim_id) AS claims FROM webhook_events
            WHERE pile_id = ? AND type = 'claim.pile_vetting_done'
            """, pile)
        #expect(try events?.int("n") == count && events?.int("claims") == count)
        let counters = try db.fixtureFirst(
            """
            SELECT claims_received, claims_vetted, claims_approved + claims_rejected + claims_pending AS final
            FROM piles WHERE id = ?
            """, pile)
        #expect(try counters?.int("claims_received") == count)
        #expect(try counters?.int("claims_vetted") == count)
        #expect(try counters?.int("final") == count)
        #expect(survivor.process.kill(signal: SIGTERM), "the survivor stops cleanly")
    }

    /// Running (a zombie waiting for init to reap it counts as dead).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }
}
