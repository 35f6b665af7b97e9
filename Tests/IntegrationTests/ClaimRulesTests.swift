import Database
import Foundation
import TestSupport
import Testing

/// Validation, ref reuse, idempotency and pagination of the claim API.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct ClaimRulesTests {
    @Test func validationErrorsName422FieldsAndStoreNothing() throws {
        let f = try APIFixture()
        let body = """
            {"ref": "", "claimant": {"first_name": 7, "address": {"city": "x", "planet": "Mars"}},
             "submission": {"ip": "999.1.1.1", "submitted_at": "yesterday"}, "amount_claimed": -3,
             "items": [], "attributes": {"a": {"nested": true}}}
            """
        let result = try f.post(f.path(f.settlement, "/claims"), key: f.liveKey, json: body)
        #expect(result.status == 422)
        #expect(result.header("content-type") == "application/problem+json")
        let fields = Set((result.json["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] })
        for field in [
            "ref", "claimant.first_name", "claimant.address.planet", "submission.ip", "submission.submitted_at",
            "amount_claimed", "items", "attributes.a",
        ] {
            #expect(fields.contains(field), "\(field) in \(fields)")
        }
        let health = try f.post(
            f.path(f.health, "/claims"), key: f.liveKey,
            json: #"{"ref": "h", "items": [{"unit_price_billed": 10, "qty_billed": 0}, {"qty_billed": 1.5}]}"#)
        let healthFields = Set((health.json["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] })
        #expect(healthFields == ["items[0].qty_billed", "items[1].unit_price_billed", "items[1].qty_billed"])
        #expect(try f.claimCount(f.settlement) == 0)
        #expect(try f.claimCount(f.health) == 0)
    }

    @Test func malformedJSONAndWrongContentTypeAre400() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement, "/claims")
        #expect(try f.post(path, key: f.liveKey, json: #"{"ref": "a",}"#).status == 400)
        #expect(try f.post(path, key: f.liveKey, json: #"{"ref": "a", "ref": "b"}"#).status == 400)
        let text = try RawHTTPClient.send(
            "POST", path, headers: ["Authorization": "Bearer \(f.liveKey)", "Content-Type": "text/plain"],
            body: Array(#"{"ref": "a"}"#.utf8))
        #expect(text.status == 400)
        #expect(try f.claimCount(f.settlement) == 0)
    }

    @Test func sameRefSameContentReturnsTheStoredClaimOtherContentIs409() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement, "/claims")
        let body = APIFixture.settlementClaim(ref: "REF-1", email: "ref@example.com")
        let first = try f.post(path, key: f.liveKey, json: body)
        #expect(first.status == 201)
        let again = try f.post(path, key: f.liveKey, json: body)
        #expect(again.status == 200)
        #expect(again.json["id"] as? Int == first.json["id"] as? Int)
        let changed = try f.post(
            path, key: f.liveKey, json: APIFixture.settlementClaim(ref: "REF-1", email: "x@example.com"))
        #expect(changed.status == 409)
        #expect(try f.claimCount(f.settlement) == 1)
    }

    @Test func idempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement, "/claims")
        let headers = ["Idempotency-Key": "req-\(UUID().uuidString)"]
        let body = APIFixture.settlementClaim(ref: "IDEM-1", email: "idem@example.com")
        let first = try f.post(path, key: f.liveKey, json: body, headers: headers)
        let replay = try f.post(path, key: f.liveKey, json: body, headers: headers)
        #expect(first.status == 201)
        #expect(replay.status == 201)
        #expect(replay.text == first.text)
        let other = try f.post(
            path, key: f.liveKey, json: APIFixture.settlementClaim(ref: "IDEM-2", email: "i2@example.com"),
            headers: headers)
        #expect(other.status == 409)
        #expect(try f.claimCount(f.settlement) == 1)
    }

    @Test func listIsNewestFirstWithFiltersAndCursorPages() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement, "/claims")
        for index in 0..<5 {
            let email = index == 4 ? "" : "page\(index)@example.com"
            _ = try f.post(path, key: f.liveKey, json: APIFixture.settlementClaim(ref: "P-\(index)", email: email))
        }
        let first = try f.get(path + "?limit=2", key: f.liveKey)
        let firstRefs = (first.json["data"] as? [[String: Any]] ?? []).compactMap { $0["ref"] as? String }
        #expect(firstRefs == ["P-4", "P-3"])
        let cursor = try #require(first.json["next_cursor"] as? String)
        let second = try f.get(path + "?limit=2&cursor=\(cursor)", key: f.liveKey)
        #expect((second.json["data"] as? [[String: Any]] ?? []).compactMap { $0["ref"] as? String } == ["P-2", "P-1"])
        let last = try f.get(path + "?limit=2&cursor=\(second.json["next_cursor"] as? String ?? "")", key: f.liveKey)
        #expect((last.json["data"] as? [[String: Any]] ?? []).count == 1)
        #expect(last.json["next_cursor"] is NSNull)
        let byRef = try f.get(path + "?ref=P-2", key: f.liveKey).json["data"] as? [[String: Any]] ?? []
        #expect(byRef.count == 1)
        let future = try f.get(path + "?since=2999-01-01T00:00:00Z", key: f.liveKey).json["data"] as? [Any]
        #expect(future?.isEmpty == true)
        #expect(try f.get(path + "?limit=500", key: f.liveKey).status == 400)
        #expect(try f.get(path + "?cursor=bogus", key: f.liveKey).status == 400)
        #expect(try f.get(path + "?determination=maybe", key: f.liveKey).status == 400)
    }
}
