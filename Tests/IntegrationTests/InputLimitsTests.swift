import Database
import Foundation
import TestSupport
import Testing

/// Issue 10's input reproducers through nginx against the real MariaDB: each once answered 500
/// (or worse) and now answers a 4xx naming what is wrong, storing nothing.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct InputLimitsTests {
    private func fields(_ result: HTTPResult) -> Set<String> {
        Set((result.json["errors"] as? [[String: String]] ?? []).compactMap { $0["field"] })
    }

    @Test func refOfCombiningAccentsIsCountedInCodePointsAnd422() throws {
        let f = try APIFixture()
        // 100 letters, each with a combining acute: 100 Characters but 200 code points.
        let ref = String(repeating: "e\u{301}", count: 100)
        let result = try f.post(
            f.path(f.settlement, "/claims"), key: f.liveKey,
            json: APIFixture.settlementClaim(ref: ref, email: "accent@example.com"))
        #expect(result.status == 422)
        // device_id is "d-" + ref: 202 code points, over its 200 as well.
        #expect(fields(result) == ["ref", "submission.device_id"])
        let item = try f.post(
            f.path(f.health, "/claims"), key: f.liveKey,
            json: APIFixture.healthClaim(ref: "H-1").replacingOccurrences(
                of: #""ref": "it-1""#, with: #""ref": "\#(ref)""#))
        #expect(item.status == 422)
        #expect(fields(item) == ["items[0].ref"])
        #expect(try f.claimCount(f.settlement) == 0)
    }

    @Test func itemAmountsBeyondTheirBoundsAre422AndTheLargestClaimIsStored() throws {
        let f = try APIFixture()
        let poison = APIFixture.healthClaim(ref: "H-BIG").replacingOccurrences(
            of: #""unit_price_billed": 2500, "qty_billed": 2"#,
            with: #""unit_price_billed": 1000000000000, "qty_billed": 100"#)
        let claim = try f.post(f.path(f.health, "/claims"), key: f.liveKey, json: poison)
        #expect(claim.status == 422)
        #expect(fields(claim) == ["items[0].unit_price_billed"])
        let pile = try f.post(
            f.path(f.health, "/piles"), key: f.liveKey, json: #"{"ref": "P-BIG", "claims": [\#(poison)]}"#)
        #expect(pile.status == 422)
        #expect(fields(pile) == ["claims[0].items[0].unit_price_billed"])
        // The largest claim the bounds allow (500 items at both maxima) is stored, not a 500.
        let items = (0..<500).map { #"{"ref": "i\#($0)", "unit_price_billed": 100000000, "qty_billed": 1000}"# }
        let largest = try f.post(
            f.path(f.health, "/claims"), key: f.liveKey,
            json: #"{"ref": "H-MAX", "items": [\#(items.joined(separator: ","))]}"#)
        #expect(largest.status == 201, "\(largest.text)")
        #expect(try f.claimCount(f.health) == 1)
    }

    @Test func timestampsBeyondYear9999Are422() throws {
        let f = try APIFixture()
        let body = APIFixture.settlementClaim(ref: "T-1", email: "t@example.com").replacingOccurrences(
            of: "2026-11-22T10:04:10Z", with: "9999-12-31T23:59:59-23:59")
        let result = try f.post(f.path(f.settlement, "/claims"), key: f.liveKey, json: body)
        #expect(result.status == 422)
        #expect(fields(result) == ["submission.submitted_at"])
        let edge = APIFixture.settlementClaim(ref: "T-2", email: "t2@example.com").replacingOccurrences(
            of: "2026-11-22T10:04:10Z", with: "9999-12-31T23:59:59Z")
        let accepted = try f.post(f.path(f.settlement, "/claims"), key: f.liveKey, json: edge)
        #expect(accepted.status == 201)
        let submission = accepted.json["submission"] as? [String: Any]
        #expect(submission?["submitted_at"] as? String == "9999-12-31T23:59:59.000000Z")
    }

    @Test func refsThatDifferOnlyInCaseAccentOrTrailingSpaceAreDistinctClaims() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement, "/claims")
        for (index, pair) in [("ABC", "abc"), ("é", "e"), ("x", "x ")].enumerated() {
            let first = try f.post(
                path, key: f.liveKey, json: APIFixture.settlementClaim(ref: pair.0, email: "a\(index)@example.com"))
            let second = try f.post(
                path, key: f.liveKey, json: APIFixture.settlementClaim(ref: pair.1, email: "b\(index)@example.com"))
            #expect(first.status == 201, "\(pair.0)")
            #expect(second.status == 201, "\(pair.1)")
            #expect(first.json["id"] as? Int != second.json["id"] as? Int)
            #expect(second.json["ref"] as? String == pair.1)
        }
        #expect(try f.claimCount(f.settlement) == 6)
        let piles = f.path(f.health, "/piles")
        #expect(try f.post(piles, key: f.liveKey, json: #"{"ref": "PILE"}"#).status == 201)
        #expect(try f.post(piles, key: f.liveKey, json: #"{"ref": "pile"}"#).status == 201)
    }

    @Test func idempotencyKeysThatDifferOnlyInCaseAreDistinct() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement, "/claims")
        let upper = try f.post(
            path, key: f.liveKey, json: APIFixture.settlementClaim(ref: "I-1", email: "i1@example.com"),
            headers: ["Idempotency-Key": "KEY-abc"])
        let lower = try f.post(
            path, key: f.liveKey, json: APIFixture.settlementClaim(ref: "I-2", email: "i2@example.com"),
            headers: ["Idempotency-Key": "key-ABC"])
        #expect(upper.status == 201)
        #expect(lower.status == 201)
        #expect(try f.claimCount(f.settlement) == 2)
    }

    @Test func aBodyOfOneHundredThousandKeysIs413NamingTheLimitAndFast() throws {
        let f = try APIFixture()
        let keys = (0..<100_000).map { #""k\#($0)": 0"# }.joined(separator: ",")
        let clock = ContinuousClock()
        let start = clock.now
        let result = try f.post(f.path(f.settlement, "/claims"), key: f.liveKey, json: "{\(keys)}")
        let elapsed = clock.now - start
        #expect(result.status == 413)
        #expect(result.header("content-type") == "application/problem+json")
        #expect(result.json["type"] as? String == "urn:claimscore:problem:json-limit-exceeded")
        #expect((result.json["detail"] as? String)?.contains("keys_per_object") == true)
        print("100,000 keys through nginx: \(result.status) in \(elapsed)")
        #expect(try RawHTTPClient.send("GET", "/api/v1/health").status == 200)
    }

    @Test func aStoredOutOfRangeWindowNoLongerKillsTheProcess() throws {
        // Settings stored before ranges existed (import now refuses them): the claim is refused
        // as the case's misconfiguration, the worker lives on.
        let f = try APIFixture(settlementSettings: #"{"checks": {"IP_VELOCITY": {"window_seconds": 1e13}}}"#)
        let result = try f.post(
            f.path(f.settlement, "/claims"), key: f.liveKey,
            json: APIFixture.settlementClaim(ref: "W-1", email: "w@example.com"))
        #expect(result.status == 500)
        #expect(result.json["type"] as? String == "urn:claimscore:problem:case-misconfigured")
        #expect(try f.claimCount(f.settlement) == 0)
        #expect(try RawHTTPClient.send("GET", "/api/v1/health").status == 200)
    }
}
