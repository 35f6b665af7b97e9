import Database
import Foundation
import TestSupport
import Testing

/// The real-time path end to end: submit, score, store, read back.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct ClaimSubmissionTests {
    @Test func settlementClaimIsScoredStoredAndReadBack() throws {
        let f = try APIFixture()
        let created = try f.post(
            f.path(f.settlement, "/claims"), key: f.liveKey,
            json: APIFixture.settlementClaim(ref: "FORM-1", email: "ada@example.com"))
        #expect(created.status == 201)
        let claim = created.json
        let id = try #require(claim["id"] as? Int)
        #expect(claim["ref"] as? String == "FORM-1")
        #expect(claim["case_id"] as? String == f.settlement.id)
        #expect(claim["environment"] as? String == "production")
        #expect(claim["score"] as? Int == 1000)
        #expect(claim["determination"] as? String == "pass")
        #expect((claim["deductions"] as? [Any])?.isEmpty == true)
        #expect(claim["received_at"] as? String != nil)
        let claimant = try #require(claim["claimant"] as? [String: Any])
        #expect((claimant["payout"] as? [String: Any])?["account"] as? String == "****6789")
        let read = try f.get(f.path(f.settlement, "/claims/\(id)"), key: f.liveKey)
        #expect(read.status == 200)
        #expect(read.text == created.text)
        let raw = try f.db.fixtureQuery("SELECT request_json, result_json FROM claims WHERE id = ?", id)
        #expect(!raw.flatMap(\.values).contains { "\($0)".contains("000123456789") })
    }

    @Test func everyCommittedClaimHasItsSignalsAndClaimScoredOutboxRow() throws {
        let f = try APIFixture()
        let created = try f.post(
            f.path(f.settlement, "/claims"), key: f.liveKey,
            json: APIFixture.settlementClaim(ref: "FORM-OUTBOX", email: "outbox@example.com"))
        let id = try #require(created.json["id"] as? Int)
        let event = try #require(
            try f.db.fixtureFirst("SELECT type, payload FROM webhook_events WHERE claim_id = ?", id))
        #expect(try event.string("type") == "claim.scored")
        #expect(try event.string("payload") == created.text)
        let signals = try f.db.fixtureFirst("SELECT COUNT(*) AS n FROM claim_signals WHERE claim_id = ?", id)
        #expect(try signals?.int("n") ?? 0 > 5)
    }

    @Test func duplicateClaimantAndVelocityAreDeducted() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement, "/claims")
        var last: [String: Any] = [:]
        for index in 0..<5 {
            let result = try f.post(
                path, key: f.liveKey,
                json: APIFixture.settlementClaim(
                    ref: "VEL-\(index)", email: "person\(index)@example.com", ip: "198.51.100.9"))
            #expect(result.status == 201)
            last = result.json
        }
        let codes = (last["deductions"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("IP_VELOCITY"))
        let duplicate = try f.post(
            path, key: f.liveKey, json: APIFixture.settlementClaim(ref: "DUP-2", email: "Person0@Example.com"))
        let duplicateCodes = (duplicate.json["deductions"] as? [[String: Any]] ?? []).compactMap {
            $0["code"] as? String
        }
        #expect(duplicateCodes.contains("DUPLICATE_CLAIMANT"))
        #expect((duplicate.json["score"] as? Int ?? 1000) < 1000)
    }

    @Test func sandboxNeverSeesProductionClaimsOrHistory() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement, "/claims")
        let live = try f.post(
            path, key: f.liveKey, json: APIFixture.settlementClaim(ref: "ENV-1", email: "env@example.com"))
        let liveID = try #require(live.json["id"] as? Int)
        let sandbox = try f.post(
            path, key: f.sandboxKey, json: APIFixture.settlementClaim(ref: "ENV-2", email: "env@example.com"))
        #expect(sandbox.status == 201)
        #expect(sandbox.json["environment"] as? String == "sandbox")
        #expect((sandbox.json["deductions"] as? [Any])?.isEmpty == true, "no duplicate across environments")
        #expect(try f.get(f.path(f.settlement, "/claims/\(liveID)"), key: f.sandboxKey).status == 404)
        let sandboxList = try f.get(path, key: f.sandboxKey).json["data"] as? [[String: Any]] ?? []
        #expect(sandboxList.map { $0["ref"] as? String } == ["ENV-2"])
        let sameRef = try f.post(
            path, key: f.sandboxKey, json: APIFixture.settlementClaim(ref: "ENV-1", email: "other@example.com"))
        #expect(sameRef.status == 201, "ref is unique per case and environment")
    }

    @Test func healthClaimIsVettedItemByItemAgainstTheTariff() throws {
        let f = try APIFixture()
        let created = try f.post(f.path(f.health, "/claims"), key: f.liveKey, json: APIFixture.healthClaim(ref: "H-1"))
        #expect(created.status == 201)
        let claim = created.json
        let items = try #require(claim["items"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items[0]["unit_price_approved"] as? Int == 2000)
        #expect(items[0]["qty_approved"] as? Int == 2)
        #expect(items[0]["sub_total_billed"] as? Int == 5000)
        #expect(items[0]["sub_total_approved"] as? Int == 4000)
        #expect((items[0]["comments"] as? [String])?.isEmpty == false)
        #expect(items[1]["qty_approved"] as? Int == 1)
        #expect(items[2]["approval_status"] as? Int == 0)
        #expect(items[2]["sub_total_approved"] as? Int == 0)
        #expect(claim["approved_amount"] as? Double == 5500)
        #expect(claim["approval_status"] as? Int == 1)
        #expect(claim["vetted_at"] as? String != nil)
        #expect(claim["encounter_date"] as? String == "2026-11-01T00:00:00.000000Z")
        let codes = (claim["deductions"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(Set(codes) == ["ITEM_PRICE_ABOVE_TARIFF", "ITEM_QTY_ABOVE_LIMIT", "ITEM_NOT_IN_TARIFF"])
        let rows = try f.db.fixtureQuery(
            "SELECT position FROM claim_items WHERE claim_id = ?", claim["id"] as? Int ?? 0)
        #expect(rows.count == 3)
        let again = try f.post(f.path(f.health, "/claims"), key: f.liveKey, json: APIFixture.healthClaim(ref: "H-2"))
        let againCodes = (again.json["deductions"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(againCodes.contains("DUPLICATE_ENCOUNTER"))
    }

    @Test func wellFormedButIncompleteClaimIsStoredAsInsufficient() throws {
        let f = try APIFixture()
        let result = try f.post(f.path(f.settlement, "/claims"), key: f.liveKey, json: #"{"ref": "BARE-1"}"#)
        #expect(result.status == 201)
        #expect(result.json["determination"] as? String == "insufficient")
        #expect(result.json["score"] is NSNull)
    }
}
