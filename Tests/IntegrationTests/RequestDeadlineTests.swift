import Database
import Foundation
import Tenancy
import TestSupport
import Testing

/// `request_timeout` (10 s on the test stack): a request stuck behind a row lock the test holds is
/// cut off by MariaDB's max_statement_time, rolled back, and answered 503 problem+json.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct RequestDeadlineTests {
    @Test func aRequestBlockedPastItsDeadlineGets503WithRetryAfterAndTheNextOneSucceeds() throws {
        let fixture = try APIFixture()
        // A key never used: its first request writes last_used_at, which waits for our row lock.
        let created = try ApiKeyStore(db: fixture.db).create(
            orgID: fixture.org.id, environment: .production, name: "Slow", description: "", createdBy: nil)
        let path = fixture.path(fixture.settlement)
        let locker = TestDatabase.connect()
        var answer: HTTPResult?
        var seconds = 0.0
        try locker.transaction {
            _ = try locker.fixtureQuery("SELECT id FROM api_keys WHERE id = ? FOR UPDATE", created.key.id)
            let start = ContinuousClock.now
            answer = try fixture.get(path, key: created.plaintext)
            let elapsed = ContinuousClock.now - start
            seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        let blocked = try #require(answer)
        #expect(blocked.status == 503)
        #expect(blocked.header("content-type") == "application/problem+json")
        #expect(blocked.json["type"] as? String == "urn:claimscore:problem:service-unavailable")
        #expect(blocked.header("retry-after") == "1")
        #expect(
            seconds > 8 && seconds < 12, "cut off near the 10 s deadline, not by nginx or a lock timeout: \(seconds) s")
        #expect(try fixture.get(path, key: created.plaintext).status == 200, "the lock gone, the key works")
    }
}
