import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// The definition of done: a key made in the portal authenticates against
/// `GET /api/v1/orgs/{org}/cases/{case}`, and once deactivated or deleted in the portal it gets 401.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct PortalKeyAgainstAPITests {
    /// API.md: no cache may outlive a deactivation by more than 1 second.
    static let cacheSeconds: UInt32 = 1

    static func caseStatus(_ tenant: PortalFixture.Tenant, key: String, org: String? = nil) throws -> HTTPResult {
        try RawHTTPClient.send(
            "GET", "/api/v1/orgs/\(org ?? tenant.org.id)/cases/\(tenant.caseRecord.id)",
            headers: ["Authorization": "Bearer \(key)"])
    }

    @Test func aPortalKeyAuthenticatesUntilItIsDeactivatedOrDeleted() throws {
        let tenant = try PortalFixture.tenant()
        let other = try PortalFixture.tenant("Other")
        let owner = try PortalFixture.client(.owner, in: tenant)
        let created = try owner.post(
            tenant.keys, [("name", "Production Claim Form"), ("environment", "production")])
        #expect(created.status == 303)
        let plaintext = try #require(ApiKeyFormTests.key(in: try owner.get(tenant.keys).text))
        let keyID = try #require(try ApiKeyStore(db: TestDatabase.connect()).list(orgID: tenant.org.id).first?.id)

        let ok = try Self.caseStatus(tenant, key: plaintext)
        #expect(ok.status == 200)
        #expect(ok.json["id"] as? String == tenant.caseRecord.id)
        #expect(ok.json["environment"] as? String == "production")
        #expect(try Self.caseStatus(tenant, key: plaintext, org: other.org.id).status == 404)
        #expect(!(try owner.get("\(tenant.keys)?key=\(keyID)").text.contains("<dd>Never</dd>")))  // last used

        #expect(try owner.post("\(tenant.keys)/\(keyID)/status", [("active", "0")]).status == 303)
        sleep(Self.cacheSeconds + 1)
        #expect(try Self.caseStatus(tenant, key: plaintext).status == 401)

        #expect(try owner.post("\(tenant.keys)/\(keyID)/status", [("active", "1")]).status == 303)
        sleep(Self.cacheSeconds + 1)
        #expect(try Self.caseStatus(tenant, key: plaintext).status == 200)

        #expect(try owner.post("\(tenant.keys)/\(keyID)/delete").status == 303)
        sleep(Self.cacheSeconds + 1)
        #expect(try Self.caseStatus(tenant, key: plaintext).status == 401)
    }
}
