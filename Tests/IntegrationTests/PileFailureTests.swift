import Database
import Foundation
import TestSupport
import Testing

/// A bad pile fails alone: a claim that cannot be vetted is marked and its pile goes on; a pile
/// that keeps failing is parked as `failed` with one `pile.failed` event. The faults are made by
/// corrupting stored rows (no production hook): an item row that already exists makes the
/// claim's vetting result unstorable (duplicate key), and broken case settings fail every try.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct PileFailureTests {
    @Test func aClaimThatCannotBeVettedIsMarkedAndTheRestOfItsPileIsVetted() throws {
        let f = try APIFixture()
        let created = try f.post(
            f.piles(), key: f.liveKey, json: APIFixture.pileBody(ref: "SOME-BAD", claimRefs: ["a", "b", "c", "d"]))
        let id = try #require(created.json["id"] as? Int)
        let ids = (created.json["claims"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []
        try #require(ids.count == 4)
        try Self.poison(f.db, claimID: ids[1])
        try Self.poison(f.db, claimID: ids[2])
        #expect(try f.post(f.piles("/\(id)/submit"), key: f.liveKey, json: "{}").status == 202)

        let done = try f.waitForPile(id) { $0["status"] as? String == "vetting_done" }
        #expect(done["status"] as? String == "vetting_done")
        let counts = try #require(done["counts"] as? [String: Int])
        #expect(counts["received"] == 4 && counts["vetted"] == 4 && counts["failed"] == 2)
        #expect((counts["approved"] ?? 0) + (counts["rejected"] ?? 0) + (counts["pending"] ?? 0) == 2)

        let claims = try f.get(f.piles("/\(id)/claims"), key: f.liveKey).json["data"] as? [[String: Any]] ?? []
        #expect(claims.compactMap { $0["id"] as? Int } == ids)
        let errors = claims.map { $0["vetting_error"] as? String }
        #expect(errors[0] == nil && errors[3] == nil)
        #expect(errors[1]?.contains("could not be stored") == true && errors[2]?.contains("duplicate key") == true)
        #expect(claims[0]["score"] is Int && claims[3]["score"] is Int)
        #expect(claims[1]["score"] is NSNull && claims[1]["determination"] is NSNull)
        let one = try f.get(f.path(f.health, "/claims/\(ids[1])"), key: f.liveKey)
        #expect(one.json["vetting_error"] as? String == errors[1])

        // Every claim still gets its event, in claim-id order; the failed ones say why.
        let events = try f.db.fixtureQuery(
            "SELECT claim_id, payload FROM webhook_events WHERE pile_id = ? AND type = 'claim.pile_vetting_done' ORDER BY id",
            id)
        #expect(try events.map { try $0.int("claim_id") } == ids)
        #expect(try events[1].string("payload").contains("\"vetting_error\":\"its vetting result could not be stored"))
    }

    @Test func aPileThatKeepsFailingIsParkedAsFailedWithOnePileFailedEvent() throws {
        let f = try APIFixture()
        let id = try f.createPile(ref: "DOOMED", count: 2)
        // Submitted as the API does, with case settings that no longer load: every try fails,
        // whatever the claims.
        try f.db.fixtureExecute("UPDATE cases SET settings = 'not json' WHERE id = ?", f.health.id)
        try f.db.fixtureExecute("UPDATE piles SET status = 'vetting', submitted_at = NOW(6) WHERE id = ?", id)

        let parked = try f.waitForPile(id, timeout: 30) { $0["status"] as? String == "failed" }
        #expect(parked["status"] as? String == "failed")
        #expect((parked["failure"] as? String)?.hasPrefix("the case's settings are invalid") == true)
        #expect(parked["failed_at"] is String)
        #expect((parked["counts"] as? [String: Int])?["vetted"] == 0)
        // Give a worker time to (wrongly) try again or write a second event.
        Thread.sleep(forTimeInterval: 1.5)
        let row = try #require(try f.db.fixtureFirst("SELECT status, attempts FROM piles WHERE id = ?", id))
        #expect(try row.string("status") == "failed" && row.optionalInt("attempts") == 5)
        let events = try f.db.fixtureQuery(
            "SELECT payload FROM webhook_events WHERE pile_id = ? AND type = 'pile.failed'", id)
        #expect(events.count == 1)
        let payload =
            try JSONSerialization.jsonObject(with: Data(try events[0].string("payload").utf8)) as? [String: Any]
        #expect(payload?["id"] as? Int == id && payload?["status"] as? String == "failed")
        #expect(payload?["failure"] as? String == parked["failure"] as? String)
    }

    /// 100 one-claim poison piles in organization A, submitted before organization B's pile of
    /// 1,000 (created after them): B's vetting time (submit to the last claim vetted, from the pile row) stays close to
    /// the same pile's time on an idle worker. Before issue 10 B's pile never started.
    @Test func anotherOrganizationsPileIsVettedAsFastWithAHundredPoisonPilesWaiting() throws {
        let a = try APIFixture()
        let b = try APIFixture()
        let idle = try b.createPile(ref: "B-IDLE", count: 1000)
        var poisoned: [Int] = []
        for index in 0..<100 {
            // 200 requests on one key: more than its burst, so paced as a real client would be.
            let created = try a.postPaced(
                a.piles(), key: a.liveKey, json: APIFixture.pileBody(ref: "POISON-\(index)", claimRefs: ["p\(index)"]))
            let pile = try #require(created.json["id"] as? Int)
            let claim = try #require((created.json["claims"] as? [[String: Any]])?.first?["id"] as? Int)
            try Self.poison(a.db, claimID: claim)
            poisoned.append(pile)
        }

        // Created after the poison piles: a worker that takes the lowest ids first meets them first.
        let busy = try b.createPile(ref: "B-BUSY", count: 1000)
        let idleSeconds = try Self.vettingSeconds(b, pile: idle)
        for pile in poisoned {
            #expect(try a.postPaced(a.piles("/\(pile)/submit"), key: a.liveKey, json: "{}").status == 202)
        }
        let busySeconds = try Self.vettingSeconds(b, pile: busy)
        // How many of A's turns ran meanwhile: each poison pile's first turn marks its claim.
        let marked = try a.db.fixtureFirst(
            "SELECT COUNT(*) AS n FROM claims WHERE case_id = ? AND vetting_error IS NOT NULL", a.health.id)?.int("n")
        print(
            "poison piles: B's 1,000-claim pile vetted in \(idleSeconds) s idle, \(busySeconds) s with 100 poison piles"
                + " in A (\(marked ?? -1) poison claims marked by then)")
        #expect(busySeconds <= 2 * idleSeconds + 2)

        // And every poison pile finished, its one claim marked.
        let deadline = Date().addingTimeInterval(120)
        var finished = 0
        while Date() < deadline {
            finished =
                try a.db.fixtureFirst(
                    """
                    SELECT COUNT(*) AS n FROM piles WHERE case_id = ? AND status = 'vetting_done' AND claims_failed = 1
                    """, a.health.id)?.int("n") ?? 0
            if finished == poisoned.count { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(finished == poisoned.count)
    }

    /// An item row the vetting will also write: the claim's result cannot be stored.
    static func poison(_ db: Connection, claimID: Int) throws {
        try db.fixtureExecute(
            """
            INSERT INTO claim_items (claim_id, position, unit_price_billed, unit_price_approved, qty_billed,
              qty_approved, comments) VALUES (?, 0, 1, 1, 1, 1, '[]')
            """, claimID)
    }

    /// Submits the pile, waits for it to be vetted, and returns submit → vetted in seconds.
    static func vettingSeconds(_ f: APIFixture, pile: Int) throws -> Double {
        #expect(try f.post(f.piles("/\(pile)/submit"), key: f.liveKey, json: "{}").status == 202)
        let done = try f.waitForPile(pile, timeout: 120) { $0["vetted_at"] is String }
        try #require(done["vetted_at"] is String, "pile \(pile) was not vetted within 120 s")
        let micros = try f.db.fixtureFirst(
            "SELECT TIMESTAMPDIFF(MICROSECOND, submitted_at, vetted_at) AS us FROM piles WHERE id = ?", pile)?.int("us")
        return Double(micros ?? 0) / 1_000_000
    }
}
