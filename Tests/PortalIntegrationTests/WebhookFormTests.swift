import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing
import Webhooks

/// Every Webhooks form through nginx: success, wrong CSRF token, wrong role, another
/// organization's ids, bad input (including the SSRF rule).
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct WebhookFormTests {
    let create = [
        ("name", "Scores to CRM"), ("description", "every score"), ("url", "https://hooks.example.com/claimscore"),
        ("environment", "production"),
    ]

    func hooks(_ tenant: PortalFixture.Tenant) throws -> [WebhookRecord] {
        try WebhookRegistry(db: TestDatabase.connect()).list(orgID: tenant.org.id, caseID: tenant.caseRecord.id)
    }

    @Test func createStoresASealedWhsecTokenAndOpensTheDrawer() throws {
        let tenant = try PortalFixture.tenant()
        let owner = try PortalFixture.client(.owner, in: tenant)
        let posted = try owner.post(tenant.hooks, create)
        #expect(posted.status == 303)
        let hook = try #require(try hooks(tenant).first)
        #expect(posted.header("location") == "\(tenant.hooks)?webhook=\(hook.id)")
        #expect(hook.url == "https://hooks.example.com/claimscore" && hook.environment == .production)

        let token = try WebhookRegistry.token(of: hook, box: PortalFixture.secretBox())
        #expect(try WebhookSecret(parsing: token).keyBytes.count == 32)
        #expect(hook.secretHint == String(token.suffix(4)))
        let rows = try TestDatabase.connect().fixtureQuery("SELECT * FROM webhooks WHERE id = ?", hook.id)
        #expect(!rows.flatMap(\.values).contains(.text(token)))
        let sealed = rows.first?.bytes("secret_sealed") ?? []
        #expect(!sealed.isEmpty && sealed != Array(token.utf8))

        let drawer = try owner.get(try #require(posted.header("location")))
        for label in [
            "Date created", "Status", "URL", "Token", "Webhook ID", "Organization ID", "Case ID", "Edit", "Delete",
        ] {
            #expect(drawer.text.contains(label))
        }
        #expect(drawer.text.contains(token))
        #expect(drawer.text.contains(tenant.org.id) && drawer.text.contains(tenant.caseRecord.id))
        let table = try owner.get(tenant.hooks)
        #expect(table.text.contains("Copy OrgID") && table.text.contains("Copy CaseID"))
        #expect(!table.text.contains(token))
        #expect(table.text.contains("whsec_••••••••" + hook.secretHint))
        #expect(try AuditLog(db: TestDatabase.connect()).list(orgID: tenant.org.id).first?.action == "webhook.created")
    }

    @Test(arguments: [
        // The test stack allow-lists 127.0.0.0/8 for its receivers; everything else non-public is refused.
        ("http://10.0.0.5/hook", "URL must point to a public address"),
        ("http://169.254.169.254/latest/meta-data", "URL must point to a public address"),
        ("http://[::1]:9000/hook", "URL must point to a public address"),
        ("ftp://hooks.example.com/", "URL must start with http:// or https://"),
        ("https://user:pw@hooks.example.com/", "URL must not contain a user name or password"),
        ("", "URL is required"),
    ])
    func refusedURLsAreMessagesOnTheFormAndCreateNothing(url: String, message: String) throws {
        let tenant = try PortalFixture.tenant()
        let admin = try PortalFixture.client(.admin, in: tenant)
        let result = try admin.post(
            tenant.hooks, [("name", "Hook"), ("url", url), ("environment", "sandbox")])
        #expect(result.status == 422)
        #expect(result.text.contains(message))
        #expect(try hooks(tenant).isEmpty)
    }

    @Test func missingNameAndEnvironmentAreMessages() throws {
        let tenant = try PortalFixture.tenant()
        let admin = try PortalFixture.client(.admin, in: tenant)
        let result = try admin.post(tenant.hooks, [("url", "https://hooks.example.com/")])
        #expect(result.text.contains("Webhook Name is required."))
        #expect(result.text.contains("Choose Production or Sandbox."))
        #expect(try hooks(tenant).isEmpty)
    }

    @Test func wrongCSRFTokenIs403ForEveryWebhookForm() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let owner = try PortalFixture.client(.owner, in: tenant)
        let stranger = try PortalFixture.client(.owner, in: tenant)
        let forged = PortalClient.CSRF.wrong(stranger.csrfToken)
        #expect(try owner.post(tenant.hooks, create, csrf: forged).status == 403)
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)", create, csrf: .missing).status == 403)
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)/status", [("active", "0")], csrf: forged).status == 403)
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)/delete", csrf: forged).status == 403)
        #expect(try hooks(tenant) == [hook])
        #expect(try PortalFixture.auditCount(tenant.org) == 0)
    }

    @Test(arguments: [Role.viewer, .reviewer])
    func readOnlyRolesChangeNothingAndNeverSeeTheToken(role: Role) throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let member = try PortalFixture.client(role, in: tenant)
        #expect(try member.post(tenant.hooks, create).status == 403)
        #expect(try member.post("\(tenant.hooks)/\(hook.id)", create).status == 403)
        #expect(try member.post("\(tenant.hooks)/\(hook.id)/status", [("active", "0")]).status == 403)
        #expect(try member.post("\(tenant.hooks)/\(hook.id)/delete").status == 403)
        #expect(try hooks(tenant) == [hook])
        let drawer = try member.get("\(tenant.hooks)?webhook=\(hook.id)")
        #expect(drawer.status == 200)
        #expect(!drawer.text.contains(try WebhookRegistry.token(of: hook, box: PortalFixture.secretBox())))
        #expect(!drawer.text.contains("Create Webhook</a>"))
    }

    @Test func editValidatesTheURLAndSavesAndTheToggleAndDeleteWork() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let developer = try PortalFixture.client(.developer, in: tenant)
        let path = "\(tenant.hooks)/\(hook.id)"
        let refused = try developer.post(path, [("name", "Renamed"), ("url", "http://192.168.1.10/")])
        #expect(refused.status == 422 && refused.text.contains("URL must point to a public address"))
        #expect(try hooks(tenant) == [hook])

        let edited = [("name", "Renamed"), ("description", "new"), ("url", "https://other.example.org/in")]
        #expect(try developer.post(path, edited).status == 303)
        var now = try #require(try hooks(tenant).first)
        #expect(
            now.name == "Renamed" && now.url == "https://other.example.org/in" && now.sealedSecret == hook.sealedSecret)

        #expect(try developer.post("\(path)/status", [("active", "0")]).status == 303)
        now = try #require(try hooks(tenant).first)
        #expect(!now.enabled)
        #expect(try developer.post("\(path)/status", [("active", "1")]).status == 303)
        #expect(try hooks(tenant).first?.enabled == true)

        #expect(try developer.get("\(tenant.hooks)?webhook=\(hook.id)&delete=1").text.contains("Delete the webhook"))
        #expect(try developer.post("\(path)/delete").status == 303)
        #expect(try hooks(tenant).isEmpty)
        let actions = try AuditLog(db: TestDatabase.connect()).list(orgID: tenant.org.id).map(\.action)
        #expect(actions == ["webhook.deleted", "webhook.enabled", "webhook.disabled", "webhook.updated"])
    }

    @Test func anotherOrganizationsWebhookIs404EverywhereAndUnchanged() throws {
        let mine = try PortalFixture.tenant("Mine")
        let theirs = try PortalFixture.tenant("Theirs")
        let foreign = try PortalFixture.webhook(in: theirs, name: "Their hook")
        let owner = try PortalFixture.client(.owner, in: mine)
        #expect(try owner.get("\(mine.hooks)?webhook=\(foreign.id)").status == 404)
        #expect(try owner.post("\(mine.hooks)/\(foreign.id)", create).status == 404)
        #expect(try owner.post("\(mine.hooks)/\(foreign.id)/status", [("active", "0")]).status == 404)
        #expect(try owner.post("\(mine.hooks)/\(foreign.id)/delete").status == 404)
        #expect(try owner.get(theirs.hooks).status == 404)
        #expect(try owner.post(theirs.hooks, create).status == 404)
        // Their case under our organization is unknown too.
        let mixed = "/orgs/\(mine.org.id)/cases/\(theirs.caseRecord.id)/developer-tools/webhooks"
        #expect(try owner.get(mixed).status == 404)
        #expect(try owner.post(mixed, create).status == 404)
        #expect(try hooks(theirs) == [foreign])
        #expect(try hooks(mine).isEmpty)
    }
}
