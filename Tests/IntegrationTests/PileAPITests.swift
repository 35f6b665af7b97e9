import Database
import Foundation
import TestSupport
import Testing

/// The pile endpoints through nginx, with the background worker of the running stack.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct PileAPITests {
    @Test func pileIsCreatedFilledSubmittedAndVettedInTheBackground() throws {
        let f = try APIFixture()
        let created = try f.post(
            f.piles(), key: f.liveKey, json: APIFixture.pileBody(ref: "P-1", claimRefs: ["a", "b", "c"]))
        #expect(created.status == 201)
        let id = try #require(created.json["id"] as? Int)
        #expect(created.json["status"] as? String == "open")
        let ids = (created.json["claims"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []
        #expect(ids.count == 3 && ids == ids.sorted())
        let added = try f.post(
            f.piles("/\(id)/claims"), key: f.liveKey, json: APIFixture.pileBody(ref: nil, claimRefs: ["d", "e"]))
        #expect(added.status == 201)
        #expect((added.json["counts"] as? [String: Any])?["received"] as? Int == 5)

        let submitted = try f.post(f.piles("/\(id)/submit"), key: f.liveKey, json: "{}")
        #expect(submitted.status == 202)
        let done = try f.waitForPile(id) { $0["status"] as? String == "vetting_done" }
        #expect(done["status"] as? String == "vetting_done")
        let counts = try #require(done["counts"] as? [String: Int])
        #expect(counts["received"] == 5 && counts["vetted"] == 5 && counts["awaiting_audit"] == 0)
        #expect((counts["approved"] ?? 0) + (counts["rejected"] ?? 0) + (counts["pending"] ?? 0) == 5)

        let list = try f.get(f.piles("/\(id)/claims?limit=2"), key: f.liveKey)
        let page = try #require(list.json["data"] as? [[String: Any]])
        #expect(page.compactMap { $0["ref"] as? String } == ["a", "b"])
        #expect(page.allSatisfy { $0["pile_id"] as? Int == id && $0["vetted_at"] is String && $0["score"] is Int })
        let cursor = try #require(list.json["next_cursor"] as? String)
        let rest = try f.get(f.piles("/\(id)/claims?limit=10&cursor=\(cursor)"), key: f.liveKey)
        #expect((rest.json["data"] as? [[String: Any]])?.compactMap { $0["ref"] as? String } == ["c", "d", "e"])

        let events = try f.db.fixtureQuery(
            "SELECT claim_id FROM webhook_events WHERE pile_id = ? AND type = 'claim.pile_vetting_done' ORDER BY id", id
        )
        #expect(
            try events.map { try $0.int("claim_id") } == ids
                + ((added.json["claims"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []))
    }

    @Test func duplicateEncountersInsideOnePileAreFoundInClaimOrder() throws {
        let f = try APIFixture()
        let id =
            try f.post(
                f.piles(), key: f.liveKey,
                json: APIFixture.pileBody(ref: "DUP", claimRefs: ["x1", "x2", "x3"], sameEncounter: true)
            ).json["id"] as? Int
        let pile = try #require(id)
        #expect(try f.post(f.piles("/\(pile)/submit"), key: f.liveKey, json: "{}").status == 202)
        _ = try f.waitForPile(pile) { $0["status"] as? String == "vetting_done" }
        let claims = try f.get(f.piles("/\(pile)/claims"), key: f.liveKey).json["data"] as? [[String: Any]] ?? []
        let flagged = claims.map { claim in
            ((claim["deductions"] as? [[String: Any]]) ?? []).contains {
                $0["code"] as? String == "DUPLICATE_ENCOUNTER"
            }
        }
        #expect(flagged == [false, true, true])
    }

    @Test func aBadClaimIsReportedByIndexAndNothingOfTheRequestIsStored() throws {
        let f = try APIFixture()
        let good = APIFixture.healthClaim(ref: "ok-1")
        let bad = APIFixture.healthClaim(ref: "bad-1").replacingOccurrences(
            of: #""qty_billed": 2}"#, with: #""qty_billed": -2}"#)
        let response = try f.post(
            f.piles(), key: f.liveKey, json: #"{"ref": "BAD", "claims": [\#(good), \#(bad), \#(good)]}"#)
        #expect(response.status == 422)
        #expect(response.header("content-type") == "application/problem+json")
        let fields = (response.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
        #expect(fields.contains("claims[1].items[0].qty_billed"))
        // A ref repeated within the request collides like a stored one: 409 naming the later claim.
        let repeated = try f.post(
            f.piles(), key: f.liveKey, json: #"{"ref": "REPEAT", "claims": [\#(good), \#(good)]}"#)
        #expect(repeated.status == 409)
        let clashes = (repeated.json["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
        #expect(clashes == ["claims[1].ref"], "ok-1 repeats the ref of claims[0]")
        #expect(try f.db.fixtureFirst("SELECT COUNT(*) AS n FROM piles WHERE case_id = ?", f.health.id)?.int("n") == 0)
        #expect(try f.claimCount(f.health) == 0)

        let id = try f.createPile(ref: "GOOD", count: 2)
        let add = try f.post(
            f.piles("/\(id)/claims"), key: f.liveKey,
            json: #"{"claims": [\#(APIFixture.healthClaim(ref: "new")), \#(bad)]}"#)
        #expect(add.status == 422)
        let taken = try f.post(
            f.piles("/\(id)/claims"), key: f.liveKey, json: #"{"claims": [\#(APIFixture.healthClaim(ref: "GOOD-1"))]}"#)
        #expect(taken.status == 409)
        #expect((taken.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "claims[0].ref")
        #expect(try f.claimCount(f.health) == 2)
        #expect(
            try f.get(f.piles("/\(id)"), key: f.liveKey).json["counts"].flatMap {
                ($0 as? [String: Any])?["received"] as? Int
            } == 2)
    }

    @Test func requestsAreBoundedAndThePileLifecycleIsEnforced() throws {
        let f = try APIFixture()
        let tooMany =
            "{\"ref\": \"BIG\", \"claims\": [" + Array(repeating: "{}", count: 1001).joined(separator: ",") + "]}"
        let big = try f.post(f.piles(), key: f.liveKey, json: tooMany)
        #expect(big.status == 422)
        #expect((big.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "claims")

        let empty = try f.post(f.piles(), key: f.liveKey, json: #"{"ref": "EMPTY"}"#)
        #expect(empty.status == 201)
        let emptyID = try #require(empty.json["id"] as? Int)
        #expect(try f.post(f.piles("/\(emptyID)/submit"), key: f.liveKey, json: "{}").status == 409)
        #expect(try f.post(f.piles(), key: f.liveKey, json: #"{"ref": "EMPTY"}"#).status == 409)

        let id = try f.createPile(ref: "LIFE", count: 1)
        #expect(try f.post(f.piles("/\(id)/submit"), key: f.liveKey, json: "{}").status == 202)
        #expect(try f.post(f.piles("/\(id)/submit"), key: f.liveKey, json: "{}").status == 200)
        let late = try f.post(
            f.piles("/\(id)/claims"), key: f.liveKey, json: APIFixture.pileBody(ref: nil, claimRefs: ["late"]))
        #expect(late.status == 409)
        #expect(try f.post(f.piles(), key: f.liveKey, json: #"{"ref": "", "claims": []}"#).status == 422)
        #expect(try f.post(f.piles(), key: f.liveKey, json: #"{"ref": "X", "claims": {}}"#).status == 422)
        #expect(try f.post(f.piles(), key: f.liveKey, json: "[1]").status == 422)
        #expect(try f.post(f.piles(), key: f.liveKey, json: "{").status == 400)
    }

    @Test func pilesBelongToOneCaseEnvironmentAndTenant() throws {
        let f = try APIFixture()
        let id = try f.createPile(ref: "MINE", count: 1)
        #expect(try f.get(f.piles("/\(id)"), key: f.sandboxKey).status == 404)
        #expect(try f.post(f.piles("/\(id)/submit"), key: f.sandboxKey, json: "{}").status == 404)
        let other = "/api/v1/orgs/\(f.otherOrg.id)/cases/\(f.otherCase.id)/piles/\(id)"
        #expect(try f.get(other, key: f.otherKey).status == 404)
        #expect(try f.get(f.piles("/\(id)"), key: f.otherKey).status == 404)
        let settlement = try f.post(
            f.path(f.settlement, "/piles"), key: f.liveKey, json: #"{"ref": "S", "claims": []}"#)
        #expect(settlement.status == 422)
        #expect(try f.get(f.piles("/999999999"), key: f.liveKey).status == 404)
        #expect(try f.get(f.piles("/abc"), key: f.liveKey).status == 404)
    }

    @Test func aRepeatedCreateWithTheSameIdempotencyKeyGetsTheFirstAnswer() throws {
        let f = try APIFixture()
        let body = APIFixture.pileBody(ref: "IDEM", claimRefs: ["i1", "i2"])
        let first = try f.post(f.piles(), key: f.liveKey, json: body, headers: ["Idempotency-Key": "pile-1"])
        let again = try f.post(f.piles(), key: f.liveKey, json: body, headers: ["Idempotency-Key": "pile-1"])
        #expect(first.status == 201 && again.status == 201)
        #expect(first.text == again.text)
        #expect(try f.claimCount(f.health) == 2)
    }

    @Test func withAuditLevelsVettedClaimsWaitAtLevelOne() throws {
        let f = try APIFixture()
        try f.setHealthSettings(#"{"audit_levels": 2, "tariff": {"DRG-0042": {"unit_price": 2000, "max_qty": 3}}}"#)
        let id = try f.createPile(ref: "AUD", count: 3)
        #expect(try f.post(f.piles("/\(id)/submit"), key: f.liveKey, json: "{}").status == 202)
        let status = try f.waitForPile(id) { $0["status"] as? String == "in_audit" }
        #expect(status["status"] as? String == "in_audit")
        #expect(status["audit_levels"] as? Int == 2)
        #expect((status["counts"] as? [String: Int])?["awaiting_audit"] == 3)
        let stages = try f.db.fixtureQuery("SELECT audit_stage FROM claims WHERE pile_id = ?", id).map {
            $0.optionalInt("audit_stage")
        }
        #expect(stages == [1, 1, 1])
        #expect(try f.db.fixtureFirst("SELECT COUNT(*) AS n FROM webhook_events WHERE pile_id = ?", id)?.int("n") == 0)
    }
}
