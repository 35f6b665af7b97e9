import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// What the portal shows of a pile the worker parked as failed and of a claim it could not vet,
/// through nginx, the state made in SQL as the worker leaves it.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct PileFailurePageTests {
    @Test func aFailedPileAndAClaimThatCouldNotBeVettedShowTheirReasons() throws {
        let audit = try ReviewFixture.audit(claims: 2, levels: 1, ref: "PARKED")
        let db = TestDatabase.connect()
        try db.fixtureExecute(
            """
            UPDATE piles SET status = 'failed', attempts = 5, failure = 'the case''s settings are invalid: <oops>',
              failed_at = NOW(6), claims_awaiting_audit = 1, claims_failed = 1 WHERE id = ?
            """, audit.pileID)
        try db.fixtureExecute(
            """
            UPDATE claims SET audit_stage = NULL, vetting_error = 'its vetting result could not be stored (database error 1264)'
            WHERE id = ?
            """, audit.claimIDs[0])
        let viewer = try PortalFixture.client(.viewer, in: audit.tenant)

        let list = try viewer.get(audit.base + "/piles")
        #expect(list.status == 200)
        #expect(list.text.contains("<span class=\"pile-status pile-failed\" data-testid=\"pile-status\">Failed</span>"))

        let pile = try viewer.get(audit.base + "/piles/\(audit.pileID)")
        #expect(pile.status == 200)
        #expect(pile.text.contains("data-testid=\"pile-failure\""))
        #expect(pile.text.contains("Vetting stopped after 5 failed tries: the case&#39;s settings are invalid:"))
        #expect(pile.text.contains("invalid: &lt;oops&gt;. No events were sent"))
        #expect(pile.text.contains("<dd data-testid=\"failed-count\">1</dd>"))

        let claim = try viewer.get(audit.claim(0))
        #expect(claim.status == 200)
        #expect(
            claim.text.contains(
                "This claim could not be vetted: its vetting result could not be stored (database error 1264)."))
        let other = try viewer.get(audit.claim(1))
        #expect(!other.text.contains("data-testid=\"vetting-error\""))
    }
}
