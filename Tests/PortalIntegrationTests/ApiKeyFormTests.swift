import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// Every API Credentials form through nginx: success, wrong CSRF token, wrong role, another
/// organization's ids, bad input. "No change" is checked in the database each time.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct ApiKeyFormTests {
    let create = [("name", "Production Claim Form"), ("description", "live form"), ("environment", "production")]

    @Test func createShowsTheKeyOnceAndStoresOnlyItsHash() throws {
        let tenant = try PortalFixture.tenant()
        let owner = try PortalFixture.client(.owner, in: tenant)
        let posted = try owner.post(tenant.keys, create)
        #expect(posted.status == 303)
        #expect(posted.header("location") == tenant.keys)
        #expect(!(posted.header("location") ?? "").contains("cs_live_"))

        let page = try owner.get(tenant.keys)
        #expect(page.text.contains("Your API credential has been created successfully."))
        #expect(page.text.contains("I&#39;ve Saved The Key") || page.text.contains("I've Saved The Key"))
        let plaintext = try #require(Self.key(in: page.text))
        #expect(ApiKeyFormat.environment(of: plaintext) == .production)

        let stored = try #require(try ApiKeyStore(db: TestDatabase.connect()).list(orgID: tenant.org.id).first)
        #expect(stored.name == "Production Claim Form")
        #expect(stored.displayPrefix == String(plaintext.prefix(12)))
        let rows = try TestDatabase.connect().fixtureQuery("SELECT * FROM api_keys WHERE id = ?", stored.id)
        #expect(!rows.flatMap(\.values).contains(.text(plaintext)))
        #expect(rows.first?.bytes("key_hash") == ApiKeyFormat.hash(plaintext))
        // The key a person copies from the dialog is the one the API will accept.
        #expect(
            try ApiKeyStore(db: TestDatabase.connect()).authenticate(hash: ApiKeyFormat.hash(plaintext))?.id
                == stored.id)
        // Shown exactly once: the flash is gone after the first display.
        #expect(!(try owner.get(tenant.keys).text.contains(plaintext)))
        #expect(
            try PortalFixture.count("SELECT COUNT(*) AS n FROM portal_flash WHERE payload LIKE ?", "%cs_live_%")
                == 0)
        #expect(try AuditLog(db: TestDatabase.connect()).list(orgID: tenant.org.id).first?.action == "api_key.created")
    }

    @Test func sandboxKeysGetTheTestPrefix() throws {
        let tenant = try PortalFixture.tenant()
        let developer = try PortalFixture.client(.developer, in: tenant)
        #expect(
            try developer.post(tenant.keys, [("name", "Sandbox Testing"), ("environment", "sandbox")]).status == 303)
        let key = try #require(Self.key(in: try developer.get(tenant.keys).text))
        #expect(key.hasPrefix("cs_test_"))
    }

    @Test func createWithoutOrWithAWrongCSRFTokenIs403AndCreatesNothing() throws {
        let tenant = try PortalFixture.tenant()
        let owner = try PortalFixture.client(.owner, in: tenant)
        let other = try PortalFixture.client(.owner, in: tenant)
        #expect(try owner.post(tenant.keys, create, csrf: .missing).status == 403)
        #expect(try owner.post(tenant.keys, create, csrf: .wrong(other.csrfToken)).status == 403)
        #expect(try owner.post(tenant.keys, create, csrf: .wrong("")).status == 403)
        #expect(try ApiKeyStore(db: TestDatabase.connect()).list(orgID: tenant.org.id).isEmpty)
        #expect(try PortalFixture.auditCount(tenant.org) == 0)
    }

    @Test(arguments: [Role.viewer, .reviewer])
    func readOnlyRolesCannotCreateEditToggleOrDelete(role: Role) throws {
        let tenant = try PortalFixture.tenant()
        let (key, _) = try PortalFixture.apiKey(in: tenant)
        let member = try PortalFixture.client(role, in: tenant)
        #expect(try member.post(tenant.keys, create).status == 403)
        #expect(try member.post("\(tenant.keys)/\(key.id)", [("name", "Renamed")]).status == 403)
        #expect(try member.post("\(tenant.keys)/\(key.id)/status", [("active", "0")]).status == 403)
        #expect(try member.post("\(tenant.keys)/\(key.id)/delete").status == 403)
        let keys = try ApiKeyStore(db: TestDatabase.connect()).list(orgID: tenant.org.id)
        #expect(keys == [key])
        // They still see the list, without the buttons that would change it.
        let page = try member.get(tenant.keys)
        #expect(page.status == 200)
        #expect(page.text.contains("Existing key"))
        #expect(!page.text.contains("Create API Key</a>"))
        #expect(!(try member.get("\(tenant.keys)?key=\(key.id)").text.contains("status-toggle")))
    }

    @Test func badInputIsAMessageOnTheFormAndCreatesNothing() throws {
        let tenant = try PortalFixture.tenant()
        let owner = try PortalFixture.client(.owner, in: tenant)
        let empty = try owner.post(tenant.keys, [("name", "  "), ("environment", "production")])
        #expect(empty.status == 422)
        #expect(empty.text.contains("Name is required."))
        let long = try owner.post(
            tenant.keys, [("name", String(repeating: "x", count: 101)), ("environment", "sandbox")])
        #expect(long.text.contains("Name must be at most 100 characters."))
        let environment = try owner.post(tenant.keys, [("name", "Key"), ("environment", "staging")])
        #expect(environment.status == 422)
        #expect(environment.text.contains("Choose Production or Sandbox."))
        #expect(environment.text.contains("value=\"Key\""))  // what was typed stays in the form
        #expect(try ApiKeyStore(db: TestDatabase.connect()).list(orgID: tenant.org.id).isEmpty)
    }

    @Test func editRenamesAndBadInputChangesNothing() throws {
        let tenant = try PortalFixture.tenant()
        let (key, _) = try PortalFixture.apiKey(in: tenant)
        let admin = try PortalFixture.client(.admin, in: tenant)
        let path = "\(tenant.keys)/\(key.id)"
        #expect(try admin.post(path, [("name", "")]).text.contains("Key Name is required."))
        #expect(try admin.post(path, [("name", "Renamed")], csrf: .missing).status == 403)
        #expect(try ApiKeyStore(db: TestDatabase.connect()).find(orgID: tenant.org.id, id: key.id)?.name == key.name)
        let saved = try admin.post(path, [("name", "Renamed"), ("description", "now documented")])
        #expect(saved.status == 303)
        #expect(saved.header("location") == "\(tenant.keys)?key=\(key.id)")
        let after = try ApiKeyStore(db: TestDatabase.connect()).find(orgID: tenant.org.id, id: key.id)
        #expect(after?.name == "Renamed" && after?.description == "now documented")
        let drawer = try admin.get("\(tenant.keys)?key=\(key.id)")
        #expect(drawer.text.contains("Changes to \u{201C}Renamed\u{201D} were saved."))
        for label in [
            "Key Name", "Description", "Environment", "Date created", "Last used", "Status", "Edit", "Delete",
        ] {
            #expect(drawer.text.contains(label))
        }
    }

    @Test func toggleDeactivatesAndActivatesAndADeactivatedKeyNoLongerAuthenticates() throws {
        let tenant = try PortalFixture.tenant()
        let (key, plaintext) = try PortalFixture.apiKey(in: tenant)
        let owner = try PortalFixture.client(.owner, in: tenant)
        let keys = ApiKeyStore(db: TestDatabase.connect())
        #expect(try owner.post("\(tenant.keys)/\(key.id)/status", [("active", "0")], csrf: .missing).status == 403)
        #expect(try keys.authenticate(hash: ApiKeyFormat.hash(plaintext)) != nil)
        #expect(try owner.post("\(tenant.keys)/\(key.id)/status", [("active", "maybe")]).status == 400)
        #expect(try owner.post("\(tenant.keys)/\(key.id)/status", [("active", "0")]).status == 303)
        #expect(try keys.authenticate(hash: ApiKeyFormat.hash(plaintext)) == nil)
        #expect(try keys.find(orgID: tenant.org.id, id: key.id)?.active == false)
        #expect(try owner.post("\(tenant.keys)/\(key.id)/status", [("active", "1")]).status == 303)
        #expect(try keys.authenticate(hash: ApiKeyFormat.hash(plaintext))?.id == key.id)
        let actions = try AuditLog(db: TestDatabase.connect()).list(orgID: tenant.org.id).map(\.action)
        #expect(actions == ["api_key.activated", "api_key.deactivated"])
    }

    @Test func deleteAsksFirstThenRemovesTheKeyForGood() throws {
        let tenant = try PortalFixture.tenant()
        let (key, plaintext) = try PortalFixture.apiKey(in: tenant)
        let owner = try PortalFixture.client(.owner, in: tenant)
        let confirm = try owner.get("\(tenant.keys)?key=\(key.id)&delete=1")
        #expect(confirm.text.contains("Delete the API key"))
        #expect(confirm.text.contains("action=\"\(tenant.keys)/\(key.id)/delete\""))
        #expect(try owner.post("\(tenant.keys)/\(key.id)/delete", csrf: .wrong("x")).status == 403)
        #expect(try ApiKeyStore(db: TestDatabase.connect()).find(orgID: tenant.org.id, id: key.id) != nil)
        #expect(try owner.post("\(tenant.keys)/\(key.id)/delete").status == 303)
        #expect(try ApiKeyStore(db: TestDatabase.connect()).find(orgID: tenant.org.id, id: key.id) == nil)
        #expect(try ApiKeyStore(db: TestDatabase.connect()).authenticate(hash: ApiKeyFormat.hash(plaintext)) == nil)
        #expect(try owner.get(tenant.keys).text.contains("was deleted."))
    }

    @Test func anotherOrganizationsKeyIs404ForEveryFormAndTheDrawer() throws {
        let mine = try PortalFixture.tenant("Mine")
        let theirs = try PortalFixture.tenant("Theirs")
        let (foreign, plaintext) = try PortalFixture.apiKey(in: theirs, name: "Their key")
        let owner = try PortalFixture.client(.owner, in: mine)
        #expect(try owner.get("\(mine.keys)?key=\(foreign.id)").status == 404)
        #expect(try owner.post("\(mine.keys)/\(foreign.id)", [("name", "Mine now")]).status == 404)
        #expect(try owner.post("\(mine.keys)/\(foreign.id)/status", [("active", "0")]).status == 404)
        #expect(try owner.post("\(mine.keys)/\(foreign.id)/delete").status == 404)
        // Their organization in the path is just as unknown, even with a valid token of ours.
        #expect(try owner.get(theirs.keys).status == 404)
        #expect(try owner.post(theirs.keys, create).status == 404)
        #expect(try owner.post("\(theirs.keys)/\(foreign.id)/delete").status == 404)
        let after = try ApiKeyStore(db: TestDatabase.connect()).find(orgID: theirs.org.id, id: foreign.id)
        #expect(after == foreign)
        #expect(try ApiKeyStore(db: TestDatabase.connect()).authenticate(hash: ApiKeyFormat.hash(plaintext)) != nil)
        #expect(try ApiKeyStore(db: TestDatabase.connect()).list(orgID: theirs.org.id).count == 1)
    }

    /// The key in the created dialog, `cs_live_…` or `cs_test_…`.
    static func key(in html: String) -> String? {
        guard let range = html.range(of: #"cs_(live|test)_[0-9A-Za-z]{38}"#, options: .regularExpression) else {
            return nil
        }
        return String(html[range])
    }
}
