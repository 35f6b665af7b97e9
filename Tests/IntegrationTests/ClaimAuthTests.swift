import Database
import Foundation
import Tenancy
import TestSupport
import Testing

/// Keys, tenancy and rate limits of the claim API, through nginx against MariaDB.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct ClaimAuthTests {
    @Test func missingMalformedOrUnknownKeysAre401ProblemJSON() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement)
        let missing = try RawHTTPClient.send("GET", path)
        #expect(missing.status == 401)
        #expect(missing.header("content-type") == "application/problem+json")
        #expect(missing.header("www-authenticate") == #"Bearer realm="claimscore""#)
        let invalid = #"Bearer realm="claimscore", error="invalid_token""#
        let nonsense = try f.get(path, key: "cs_live_nonsense")
        #expect(nonsense.status == 401 && nonsense.header("www-authenticate") == invalid)
        var tampered = Array(f.liveKey)
        tampered[20] = tampered[20] == "a" ? "b" : "a"
        #expect(try f.get(path, key: String(tampered)).status == 401)
        let unknown = try f.get(path, key: ApiKeyFormat.generate(.production))
        #expect(unknown.status == 401 && unknown.header("www-authenticate") == invalid)
    }

    @Test func caseEndpointShowsTheCaseAsTheKeySeesIt() throws {
        let f = try APIFixture()
        let live = try f.get(f.path(f.settlement), key: f.liveKey)
        #expect(live.status == 200)
        #expect(live.json["id"] as? String == f.settlement.id)
        #expect(live.json["claim_type"] as? String == "settlement")
        #expect(live.json["environment"] as? String == "production")
        #expect(try f.get(f.path(f.health), key: f.sandboxKey).json["environment"] as? String == "sandbox")
    }

    @Test func anotherOrganizationsCaseIs404WhicheverWayItIsAsked() throws {
        let f = try APIFixture()
        #expect(try f.get(f.path(f.otherCase), key: f.liveKey).status == 404)
        #expect(try f.get("/api/v1/orgs/\(f.org.id)/cases/\(f.otherCase.id)", key: f.liveKey).status == 404)
        #expect(try f.get("/api/v1/orgs/\(f.otherOrg.id)/cases/\(f.settlement.id)", key: f.otherKey).status == 404)
        let post = try f.post(
            f.path(f.otherCase, "/claims"), key: f.liveKey, json: APIFixture.settlementClaim(ref: "x", email: "a@b.co"))
        #expect(post.status == 404)
        #expect(try f.claimCount(f.otherCase) == 0)
        #expect(try f.get("/api/v1/orgs/not-a-uuid/cases/also-not", key: f.liveKey).status == 404)
    }

    @Test func deactivatedAndDeletedKeysAre401WithinOneSecond() throws {
        let f = try APIFixture()
        let path = f.path(f.settlement)
        #expect(try f.get(path, key: f.liveKey).status == 200)
        try ApiKeyStore(db: f.db).setActive(orgID: f.org.id, id: f.liveKeyID, active: false)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try f.get(path, key: f.liveKey).status == 401)
        try ApiKeyStore(db: f.db).setActive(orgID: f.org.id, id: f.liveKeyID, active: true)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try f.get(path, key: f.liveKey).status == 200)
        try ApiKeyStore(db: f.db).delete(orgID: f.org.id, id: f.liveKeyID)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try f.get(path, key: f.liveKey).status == 401)
    }

    @Test func successfulCallsRecordLastUsed() throws {
        let f = try APIFixture()
        #expect(try ApiKeyStore(db: f.db).find(orgID: f.org.id, id: f.liveKeyID)?.lastUsedAt == nil)
        #expect(try f.get(f.path(f.settlement), key: f.liveKey).status == 200)
        #expect(try ApiKeyStore(db: f.db).find(orgID: f.org.id, id: f.liveKeyID)?.lastUsedAt != nil)
    }

    @Test func aKeyOverItsRateGets429WithRetryAfter() async throws {
        let f = try APIFixture()
        let path = f.path(f.settlement)
        let key = f.liveKey
        let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for _ in 0..<160 {
                group.addTask {
                    let result = try RawHTTPClient.send("GET", path, headers: ["Authorization": "Bearer \(key)"])
                    return (result.status, result.header("retry-after"))
                }
            }
            return try await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
        }
        let limited = statuses.filter { $0.0 == 429 }
        #expect(!limited.isEmpty, "160 requests at once exceed the burst of 100")
        #expect(limited.allSatisfy { Int($0.1 ?? "") ?? 0 >= 1 })
        #expect(statuses.allSatisfy { $0.0 == 200 || $0.0 == 429 })
    }

    @Test func openAPIDocumentListsEveryRouteAndDeductionCode() throws {
        let result = try RawHTTPClient.send("GET", "/api/v1/openapi.json")
        #expect(result.status == 200)
        #expect(result.json["openapi"] as? String == "3.1.0")
        let paths = try #require(result.json["paths"] as? [String: Any])
        for path in [
            "/api/v1/health", "/api/v1/orgs/{org_id}/cases/{case_id}", "/api/v1/orgs/{org_id}/cases/{case_id}/claims",
            "/api/v1/orgs/{org_id}/cases/{case_id}/claims/{id}",
        ] {
            #expect(paths[path] != nil, "\(path)")
        }
        let components = try #require(result.json["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let codes = try #require((schemas["DeductionCode"] as? [String: Any])?["enum"] as? [String])
        for code in ["DUPLICATE_CLAIMANT", "IP_VELOCITY", "ITEM_NOT_IN_TARIFF", "BILLED_AMOUNT_MISMATCH"] {
            #expect(codes.contains(code))
        }
        #expect(codes.count == 23)
    }
}
