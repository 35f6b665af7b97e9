import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// Who sees which page, the headers every page carries, and escaping in real pages.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct PageAccessTests {
    static let csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    @Test func everyPageCarriesTheStrictContentSecurityPolicyAndNoInlineScript() throws {
        let tenant = try PortalFixture.tenant()
        let owner = try PortalFixture.client(.owner, in: tenant)
        let paths = [
            tenant.keys, tenant.hooks, tenant.keys + "?create=1", tenant.hooks + "?create=1",
            tenant.base + "/dashboard", tenant.base + "/piles", tenant.base + "/review",
            tenant.base + "/audit-log", "/login",
        ]
        for path in paths {
            let page = try path == "/login" ? RawHTTPClient.send("GET", path) : owner.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(page.header("content-security-policy") == Self.csp, "\(path)")
            #expect(page.header("cache-control") == "no-store", "\(path)")
            #expect(
                !page.text.contains("<script>") && !page.text.contains(" style=") && !page.text.contains(" onclick"))
            #expect(page.text.contains("name=\"csrf_token\""), "\(path) has a form with a token")
        }
        #expect(try owner.get(tenant.base + "/nowhere").header("content-security-policy") == nil)  // not a portal page
    }

    @Test func sidebarListsTheDocumentsEntriesAndUnbuiltOnesSayComingSoon() throws {
        let tenant = try PortalFixture.tenant()
        let admin = try PortalFixture.client(.admin, in: tenant)
        let page = try admin.get(tenant.keys).text
        for label in ["Dashboard", "Claims", "Piles", "Review", "Developer Tools", "Settings", "Team", "Audit Log"] {
            #expect(page.contains(">\(label)</span>"))
        }
        #expect(page.contains(">API Credentials</a>") && page.contains(">Webhooks</a>"))
        for section in ["dashboard", "claims", "settings", "team"] {
            #expect(try admin.get("\(tenant.base)/\(section)").text.contains("coming soon"))
        }
        for section in ["piles", "review"] {
            let built = try admin.get("\(tenant.base)/\(section)")
            #expect(built.status == 200 && !built.text.contains("coming soon"), "\(section)")
        }
    }

    @Test func developersSeeOnlyDeveloperTools() throws {
        let tenant = try PortalFixture.tenant()
        let developer = try PortalFixture.client(.developer, in: tenant)
        let page = try developer.get(tenant.keys)
        #expect(page.status == 200)
        #expect(!page.text.contains(">Dashboard</span>") && !page.text.contains(">Audit Log</span>"))
        #expect(page.text.contains("Create API Key"))
        for section in ["dashboard", "claims", "piles", "review", "settings", "team", "audit-log"] {
            #expect(try developer.get("\(tenant.base)/\(section)").status == 403)
        }
    }

    @Test(arguments: [Role.reviewer, .viewer, .developer])
    func onlyOwnersAndAdminsSeeTheAuditLog(role: Role) throws {
        let tenant = try PortalFixture.tenant()
        #expect(try PortalFixture.client(role, in: tenant).get(tenant.base + "/audit-log").status == 403)
        #expect(try PortalFixture.client(.admin, in: tenant).get(tenant.base + "/audit-log").status == 200)
    }

    @Test func organizationsAndCasesOfOthersAre404() throws {
        let mine = try PortalFixture.tenant("Mine")
        let theirs = try PortalFixture.tenant("Theirs")
        let owner = try PortalFixture.client(.owner, in: mine)
        #expect(try owner.get(theirs.base + "/dashboard").status == 404)
        #expect(try owner.get("/orgs/\(theirs.org.id)").status == 404)
        #expect(
            try owner.get("/orgs/\(mine.org.id)/cases/\(theirs.caseRecord.id)/developer-tools/api-credentials").status
                == 404)
        #expect(try owner.get("/orgs/not-a-uuid/cases/x/developer-tools/webhooks").status == 404)
        #expect(try owner.get("/select?target=\(theirs.org.id)/\(theirs.caseRecord.id)&section=team").status == 404)
        let mineSelect = try owner.get("/select?target=\(mine.org.id)/\(mine.caseRecord.id)&section=team")
        #expect(mineSelect.header("location") == mine.base + "/team")
    }

    @Test func namesAreEscapedAtTheScalarLevelInsideAttributesAndText() throws {
        let tenant = try PortalFixture.tenant()
        let hostile = "\"\u{0301} onmouseover=\"alert(1)\"<script>x</script>"
        let (key, _) = try PortalFixture.apiKey(in: tenant, name: hostile)
        let owner = try PortalFixture.client(.owner, in: tenant)
        let page = try owner.get("\(tenant.keys)?key=\(key.id)&edit=1").text
        let raw = "\"\u{0301} onmouseover"
        let escaped = "value=\"&quot;\u{0301} onmouseover=&quot;alert(1)&quot;&lt;script&gt;"
        #expect(!page.contains("<script>x"))
        #expect(!page.contains(raw))
        #expect(page.contains(escaped))
    }
}
