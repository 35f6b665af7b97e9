import Database
import TestSupport
import Testing

@testable import Tenancy

@Suite(.enabled(if: TestEnvironment.hasDatabase, "needs the test MariaDB (.ci/test)"))
struct StoreTests {
    @Test func caseLookupIsScopedToItsOrganization() throws {
        let db = TestDatabase.connect()
        let tenants = TenantStore(db: db)
        let acme = try tenants.createOrganization(name: "Acme")
        let other = try tenants.createOrganization(name: "Other")
        let settlement = try tenants.createCase(orgID: acme.id, name: "Widgets Settlement", claimType: .settlement)
        #expect(try tenants.caseRecord(orgID: acme.id, caseID: settlement.id)?.name == "Widgets Settlement")
        #expect(try tenants.caseRecord(orgID: other.id, caseID: settlement.id) == nil)
        #expect(try tenants.caseRecord(orgID: acme.id, caseID: "not-a-uuid") == nil)
        #expect(try tenants.cases(orgID: acme.id).map(\.id) == [settlement.id])
    }

    @Test func keysAreStoredOnlyAsHashAndAuthenticateUntilDeactivatedOrDeleted() throws {
        let db = TestDatabase.connect()
        let org = try TenantStore(db: db).createOrganization(name: "Keys Inc")
        let keys = ApiKeyStore(db: db)
        let (key, plaintext) = try keys.create(
            orgID: org.id, environment: .production, name: "Production Claim Form", description: "", createdBy: nil)
        #expect(key.displayPrefix == String(plaintext.prefix(12)))
        let stored = try db.fixtureQuery("SELECT * FROM api_keys WHERE id = ?", key.id)
        #expect(!stored.flatMap(\.values).contains(.text(plaintext)))
        #expect(try keys.authenticate(hash: ApiKeyFormat.hash(plaintext))?.id == key.id)
        try keys.setActive(orgID: org.id, id: key.id, active: false)
        #expect(try keys.authenticate(hash: ApiKeyFormat.hash(plaintext)) == nil)
        try keys.setActive(orgID: org.id, id: key.id, active: true)
        #expect(try keys.authenticate(hash: ApiKeyFormat.hash(plaintext)) != nil)
        #expect(try keys.delete(orgID: org.id, id: key.id))
        #expect(try keys.authenticate(hash: ApiKeyFormat.hash(plaintext)) == nil)
    }

    @Test func anotherOrganizationCannotTouchAKey() throws {
        let db = TestDatabase.connect()
        let tenants = TenantStore(db: db)
        let owner = try tenants.createOrganization(name: "Owner Org")
        let intruder = try tenants.createOrganization(name: "Intruder Org")
        let keys = ApiKeyStore(db: db)
        let (key, plaintext) = try keys.create(
            orgID: owner.id, environment: .sandbox, name: "k", description: "", createdBy: nil)
        #expect(try keys.find(orgID: intruder.id, id: key.id) == nil)
        #expect(try !keys.setActive(orgID: intruder.id, id: key.id, active: false))
        #expect(try !keys.delete(orgID: intruder.id, id: key.id))
        #expect(try keys.authenticate(hash: ApiKeyFormat.hash(plaintext))?.active == true)
    }

    @Test func auditLogListsNewestFirstPerOrganization() throws {
        let db = TestDatabase.connect()
        let org = try TenantStore(db: db).createOrganization(name: "Audited")
        let log = AuditLog(db: db)
        try log.record(
            orgID: org.id, actorUserID: nil, actorEmail: "a@example.com", action: "api_key.created",
            targetType: "api_key", targetID: "1")
        try log.record(
            orgID: org.id, actorUserID: nil, actorEmail: "a@example.com", action: "api_key.deleted",
            targetType: "api_key", targetID: "1")
        #expect(try log.list(orgID: org.id).map(\.action) == ["api_key.deleted", "api_key.created"])
    }
}
