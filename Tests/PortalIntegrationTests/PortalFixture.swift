import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Webhooks

/// Organizations, cases and signed-in people made straight in the test database, so each test
/// starts from its own tenant and never depends on another test's rows.
enum PortalFixture {
    /// Cheap scrypt parameters: the stored format and the check are the same as in production.
    static let hasher = PasswordHasher(rounds: 1 << 10, blockSize: 8, parallelism: 1)
    static let password = "correct horse battery staple"

    struct Tenant {
        let org: Organization
        let caseRecord: CaseRecord
        var base: String { "/orgs/\(org.id)/cases/\(caseRecord.id)" }
        var keys: String { base + "/developer-tools/api-credentials" }
        var hooks: String { base + "/developer-tools/webhooks" }
    }

    static func tenant(_ name: String = "Org") throws -> Tenant {
        let db = TestDatabase.connect()
        let tenants = TenantStore(db: db)
        let org = try tenants.createOrganization(name: "\(name) \(UUID().uuidString.prefix(6))")
        let caseRecord = try tenants.createCase(orgID: org.id, name: "\(name) Settlement", claimType: .settlement)
        return Tenant(org: org, caseRecord: caseRecord)
    }

    /// A new user with `role` in the tenant's organization.
    static func user(_ role: Role, in tenant: Tenant) throws -> PortalUser {
        let db = TestDatabase.connect()
        let users = UserStore(db: db)
        let user = try users.create(
            email: "\(role.rawValue)-\(UUID().uuidString.prefix(8))@portal.test", name: "\(role.label) Person",
            passwordHash: try hasher.hash(password))
        try users.setRole(userID: user.id, orgID: tenant.org.id, role: role)
        return user
    }

    /// A signed-in browser for a new user with `role` (session made directly, as sign-in would).
    static func client(_ role: Role, in tenant: Tenant) throws -> PortalClient {
        try client(for: try user(role, in: tenant))
    }

    /// A signed-in browser for an existing user.
    static func client(for user: PortalUser) throws -> PortalClient {
        let db = TestDatabase.connect()
        let token = try SessionStore(db: db).create(userID: user.id, hours: 1)
        guard let session = try SessionStore(db: db).find(token: token) else { throw FixtureError.noSession }
        return PortalClient(sessionToken: token, csrfToken: session.csrfToken, user: user)
    }

    static func apiKey(in tenant: Tenant, name: String = "Existing key") throws -> (key: ApiKey, plaintext: String) {
        try ApiKeyStore(db: TestDatabase.connect()).create(
            orgID: tenant.org.id, environment: .production, name: name, description: "", createdBy: nil)
    }

    static func webhook(in tenant: Tenant, name: String = "Existing hook") throws -> WebhookRecord {
        let policy = AddressPolicy()
        let url = try WebhookURL(validating: "https://hooks.example.com/\(UUID().uuidString.prefix(6))", policy: policy)
        return try WebhookRegistry(db: TestDatabase.connect()).create(
            orgID: tenant.org.id, caseID: tenant.caseRecord.id, environment: .production,
            draft: .init(name: name, description: "", url: url), createdBy: nil, box: try secretBox())
    }

    /// The box of the running test server, read from its configuration file.
    static func secretBox() throws -> SecretBox {
        guard let path = ProcessInfo.processInfo.environment["CLAIMSCORE_TEST_CONFIG"],
            let text = try? String(contentsOfFile: path, encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("secret_key") }),
            let equals = line.firstIndex(of: "=")
        else { throw FixtureError.noSecretKey }
        return try SecretBox(key: String(line[line.index(after: equals)...]))
    }

    static func count(_ sql: String, _ values: any Bindable...) throws -> Int {
        try TestDatabase.connect().fixtureQuery(sql, values: values).first?.int("n") ?? -1
    }

    static func auditCount(_ org: Organization) throws -> Int {
        try count("SELECT COUNT(*) AS n FROM audit_log WHERE org_id = ?", org.id)
    }

    enum FixtureError: Error { case noSession, noSecretKey }
}
