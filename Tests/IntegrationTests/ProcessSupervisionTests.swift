import Database
import Foundation
import Tenancy
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `serve` master's supervision, through nginx against MariaDB: a worker killed mid-burst and
/// a reload under a steady stream. It kills and reloads the stack's own workers, so `.ci/test` runs
/// it on its own, with two worker processes.
@Suite(
    .serialized,
    .enabled(
        if: TestEnvironment.hasStack && TestEnvironment.runDirectory != nil,
        "needs .ci/test's stack"))
struct ProcessSupervisionTests {
    static func masterPID() throws -> pid_t {
        let directory = try #require(TestEnvironment.runDirectory)
        let text = try String(contentsOfFile: directory + "/claimscore.pid", encoding: .utf8)
        return try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// The master's live children: its worker processes.
    static func workers(of master: pid_t) -> [pid_t] {
        let text = (try? String(contentsOfFile: "/proc/\(master)/task/\(master)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            .sorted()
    }

    /// Polls `condition` every 5 ms for at most `timeout` seconds.
    static func waitFor(_ timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if try condition() { return true }
            usleep(5000)
        }
        return try condition()
    }

    /// One key per thread, so the per-key rate limit never answers 429 to the burst.
    private func keys(_ fixture: APIFixture, count: Int) throws -> [String] {
        try (0..<count).map { _ in
            try ApiKeyStore(db: fixture.db).create(
                orgID: fixture.org.id, environment: .production, name: "Burst", description: "", createdBy: nil
            ).plaintext
        }
    }

    private func claimStream(_ fixture: APIFixture, threads: Int, tag: String) throws -> RequestStream {
        let keys = try keys(fixture, count: threads)
        let path = fixture.path(fixture.settlement, "/claims")
        return RequestStream(threads: threads, limit: 2000) { thread, index in
            let claim = APIFixture.settlementClaim(
                ref: "\(tag)-\(thread)-\(index)", email: "\(tag)\(thread)x\(index)@example.com")
            return try RawHTTPClient.send(
                "POST", path, headers: ["Authorization": "Bearer \(keys[thread])", "Content-Type": "application/json"],
                body: Array(claim.utf8))
        }
    }

    /// Every claim answered 201 is in the database with its `claim.scored` outbox row.
    private func expectCommitted(_ outcomes: [RequestStream.Outcome], _ fixture: APIFixture) throws {
        let created = outcomes.filter { $0.status == 201 }.compactMap { outcome -> Int? in
            let json = try? JSONSerialization.jsonObject(with: Data(outcome.body.utf8)) as? [String: Any]
            return json?["id"] as? Int
        }
        #expect(created.count == outcomes.filter { $0.status == 201 }.count, "every 201 carries its claim id")
        let stored = Set(
            try fixture.db.fixtureQuery("SELECT id FROM claims WHERE case_id = ?", fixture.settlement.id).map {
                try $0.int("id")
            })
        let scored = Set(
            try fixture.db.fixtureQuery(
                "SELECT claim_id FROM webhook_events WHERE case_id = ? AND type = 'claim.scored'", fixture.settlement.id
            ).map { try $0.int("claim_id") })
        #expect(Set(created).isSubset(of: stored), "no 201 is lost")
        #expect(Set(created).isSubset(of: scored), "every 201 has its outbox row")
    }

    @Test func sigkillOfOneWorkerMidBurstFailsAtMostItsInFlightRequestsAndIsReplacedWithinASecond() throws {
        let master = try Self.masterPID()
        let before = Self.workers(of: master)
        try #require(before.count >= 2, "the supervision phase runs two worker processes: \(before)")
        let fixture = try APIFixture()
        let health = RequestStream(threads: 1) { _, _ in try RawHTTPClient.send("GET", "/api/v1/health") }
        let claims = try claimStream(fixture, threads: 8, tag: "KILL\(UUID().uuidString.prefix(6))")
        #expect(Self.waitFor(60) { claims.count >= 100 })
        let victim = before[0]
        let killedAt = claims.elapsed
        #expect(kill(victim, SIGKILL) == 0)
        var replacement: pid_t?
        _ = Self.waitFor(5) {
            replacement = Self.workers(of: master).first { !before.contains($0) }
            return replacement != nil
        }
        let replacedAfter = claims.elapsed - killedAt
        let atKill = claims.count
        #expect(Self.waitFor(60) { claims.count >= atKill + 200 })
        let claimOutcomes = claims.stop()
        let healthOutcomes = health.stop()

        let failed = claimOutcomes.filter { $0.status != 201 }
        let healthFailed = healthOutcomes.filter { $0.status != 200 }
        print(
            "SIGKILL figures: \(claimOutcomes.count) claims, \(failed.count) failed \(failed.map(\.status)); "
                + "health \(healthOutcomes.count) polls, \(healthFailed.count) failed; "
                + "replacement after \(Int(replacedAfter * 1000)) ms")
        #expect(replacement != nil, "a replacement worker appeared")
        #expect(replacedAfter < 1.0, "replaced within 1 s: \(replacedAfter) s")
        #expect(failed.count <= 4, "at most the killed worker's 4 API threads' requests fail: \(failed.map(\.status))")
        #expect(healthOutcomes.allSatisfy { $0.status != 0 }, "health answered every poll")
        #expect(healthFailed.count <= 1, "at most the one health request in flight on the killed worker fails")
        #expect(healthOutcomes.filter { $0.startedAt > killedAt + 1 }.allSatisfy { $0.status == 200 })
        try expectCommitted(claimOutcomes, fixture)
        let log = try String(contentsOfFile: (TestEnvironment.logDirectory ?? "") + "/claimscore.log", encoding: .utf8)
        #expect(
            log.split(separator: "\n").contains {
                $0.contains("worker died; replacing it") && $0.contains("pid=\(victim) ")
                    && $0.contains("cause=signal SIGKILL")
            }, "the death is logged with its cause")
    }

    @Test func sighupDuringASteadyStreamFailsNoRequest() throws {
        let master = try Self.masterPID()
        let before = Self.workers(of: master)
        try #require(before.count >= 2, "the supervision phase runs two worker processes: \(before)")
        let fixture = try APIFixture()
        let claims = try claimStream(fixture, threads: 3, tag: "HUP\(UUID().uuidString.prefix(6))")
        let reads = RequestStream(threads: 3) { thread, _ in
            // A portal page (the sign-in redirect: /login itself has the tight per-address limit) and health.
            try RawHTTPClient.send("GET", thread == 0 ? "/" : "/api/v1/health")
        }
        #expect(Self.waitFor(60) { claims.count >= 30 && reads.count >= 30 })
        #expect(kill(master, SIGHUP) == 0)
        let replaced = Self.waitFor(30) {
            let now = Self.workers(of: master)
            return now.count == before.count && Set(now).isDisjoint(with: before)
        }
        let at = (claims.count, reads.count)
        #expect(Self.waitFor(60) { claims.count >= at.0 + 30 && reads.count >= at.1 + 30 })
        let outcomes = claims.stop() + reads.stop()
        let failed = outcomes.filter { !(200..<400).contains($0.status) }
        print("SIGHUP figures: \(outcomes.count) requests, \(failed.count) failed \(failed.map(\.status))")
        #expect(replaced, "a new generation replaced every worker: \(before) → \(Self.workers(of: master))")
        #expect(
            failed.isEmpty,
            "no failed request during the reload: \(failed.prefix(5).map { "\($0.status) \($0.body.prefix(200))" })")
        #expect(try Self.masterPID() == master, "the master stays")
        try expectCommitted(outcomes, fixture)
    }
}
