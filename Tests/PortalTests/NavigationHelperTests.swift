import HTTP
import Testing

@testable import Portal

struct NavigationHelperTests {
    @Test func onlyLocalPathsAreReturnedToAfterSignIn() {
        #expect(PortalGate.safeReturnPath("/orgs/x/cases/y/team") == "/orgs/x/cases/y/team")
        #expect(PortalGate.safeReturnPath("/a?key=1&edit=1") == "/a?key=1&edit=1")
        for hostile in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "", nil] {
            #expect(PortalGate.safeReturnPath(hostile) == "/")
        }
        #expect(PortalGate.safeReturnPath("/a b") == "/")
    }

    @Test func queryEscapingKeepsPathsAndEncodesEverythingElse() {
        #expect(URLQuery.escape("/orgs/a-b_c.d~e") == "/orgs/a-b_c.d~e")
        #expect(URLQuery.escape("a b&c=d?é") == "a%20b%26c%3Dd%3F%C3%A9")
    }

    @Test func theReturnPathKeepsTheQuery() throws {
        let request = Request(method: "GET", path: "/orgs/o/cases/c/x", query: try QueryItems(parsing: "key=12&edit=1"))
        #expect(PortalGate.pathWithQuery(request) == "/orgs/o/cases/c/x?key=12&edit=1")
    }

    @Test func formValuesTrimAndReportEachFieldOnce() throws {
        let form = try QueryItems(parsing: "name=+%20Key%20+&description=ok&environment=production")
        let values = FormValues(form: form, nameLabel: "Name", needsEnvironment: true)
        #expect(values.isValid && values.name == "Key" && values.chosenEnvironment == .production)
        let bad = FormValues(
            form: try QueryItems(parsing: "name=a%0Ab&environment=prod"), nameLabel: "Name", needsEnvironment: true)
        #expect(bad.errors["name"] == "Name must be a single line of text.")
        #expect(bad.errors["environment"] == "Choose Production or Sandbox.")
    }
}
