import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// The sign-in and sign-out forms through nginx, the session cookie, and login throttling.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct SignInTests {
    /// A fresh sign-in form: its login-nonce cookie and CSRF token, as a browser would hold them.
    struct LoginForm {
        let nonceCookie: String
        let token: String

        init() throws {
            let page = try RawHTTPClient.send("GET", "/login")
            let cookie = page.header("set-cookie") ?? ""
            nonceCookie = String(cookie.prefix { $0 != ";" })
            let marker = "name=\"csrf_token\" value=\""
            let start = try #require(page.text.range(of: marker)).upperBound
            token = String(page.text[start...].prefix { $0 != "\"" })
        }

        func submit(email: String, password: String, next: String = "", token: String? = nil) throws -> HTTPResult {
            let body = FormEncoding.encode([
                ("csrf_token", token ?? self.token), ("email", email), ("password", password), ("next", next),
            ])
            return try RawHTTPClient.send(
                "POST", "/login",
                headers: ["Cookie": nonceCookie, "Content-Type": "application/x-www-form-urlencoded"],
                body: Array(body.utf8))
        }
    }

    static func sessionToken(_ result: HTTPResult) -> String? {
        guard let header = result.header("set-cookie"), let range = header.range(of: "cs_session=") else { return nil }
        return String(header[range.upperBound...].prefix { $0 != ";" })
    }

    @Test func signInSetsASecureSessionCookieAndStoresOnlyItsHash() throws {
        let tenant = try PortalFixture.tenant()
        let user = try PortalFixture.user(.owner, in: tenant)
        let result = try LoginForm().submit(email: user.email.uppercased(), password: PortalFixture.password)
        #expect(result.status == 303)
        #expect(result.header("location") == "/")
        let cookie = result.header("set-cookie") ?? ""
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
        #expect(!cookie.contains("Secure"))  // the test stack is plain http://127.0.0.1
        let token = try #require(Self.sessionToken(result))
        let db = TestDatabase.connect()
        #expect(
            try db.first("SELECT user_id FROM sessions WHERE token_hash = ?", SessionToken.hash(token))?.int("user_id")
                == user.id)
        #expect(
            try db.first("SELECT COUNT(*) AS n FROM sessions WHERE token_hash = ?", Array(token.utf8))?.int("n") == 0)
        // The cookie opens the portal: the landing page sends it to Developer Tools of its case.
        let home = try RawHTTPClient.send("GET", "/", headers: ["Cookie": "cs_session=\(token)"])
        #expect(home.header("location") == "\(tenant.keys)")
    }

    @Test func wrongPasswordIsAMessageAndNoSession() throws {
        let tenant = try PortalFixture.tenant()
        let user = try PortalFixture.user(.viewer, in: tenant)
        let result = try LoginForm().submit(email: user.email, password: "not the password")
        #expect(result.status == 401)
        #expect(result.text.contains("The email address or password is incorrect."))
        #expect(Self.sessionToken(result) == nil)
        #expect(try PortalFixture.count("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?", user.id) == 0)
    }

    @Test func signInWithoutAValidCSRFTokenIs403AndSignsNobodyIn() throws {
        let tenant = try PortalFixture.tenant()
        let user = try PortalFixture.user(.owner, in: tenant)
        let form = try LoginForm()
        let other = try LoginForm()
        #expect(try form.submit(email: user.email, password: PortalFixture.password, token: other.token).status == 403)
        #expect(try form.submit(email: user.email, password: PortalFixture.password, token: "").status == 403)
        #expect(try PortalFixture.count("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?", user.id) == 0)
    }

    @Test func fiveFailuresLockTheAddressEvenForTheRightPassword() throws {
        let tenant = try PortalFixture.tenant()
        let user = try PortalFixture.user(.owner, in: tenant)
        let form = try LoginForm()
        for _ in 0..<LoginThrottle.emailLimit {
            #expect(try form.submit(email: user.email, password: "guess").status == 401)
        }
        let locked = try form.submit(email: user.email, password: PortalFixture.password)
        #expect(locked.status == 429)
        #expect(locked.text.contains("Too many failed sign-in attempts."))
        #expect(Self.sessionToken(locked) == nil)
    }

    @Test func twentyFailuresFromOneAddressLockThatAddressForEveryAccount() throws {
        let throttle = LoginThrottle(db: TestDatabase.connect())
        let ip = "198.51.100.\(Int.random(in: 1...254))-\(UUID().uuidString.prefix(4))"
        for index in 0..<LoginThrottle.ipLimit {
            #expect(try !throttle.isBlocked(email: "other\(index)@x.test", ip: ip))
            try throttle.record(email: "victim\(index)@x.test", ip: ip, succeeded: false)
        }
        #expect(try throttle.isBlocked(email: "fresh@x.test", ip: ip))
        #expect(try !throttle.isBlocked(email: "fresh@x.test", ip: "203.0.113.9"))
    }

    @Test func anotherSitesNextParameterCannotRedirectAfterSignIn() throws {
        let tenant = try PortalFixture.tenant()
        let user = try PortalFixture.user(.owner, in: tenant)
        let result = try LoginForm().submit(
            email: user.email, password: PortalFixture.password, next: "//evil.example/")
        #expect(result.header("location") == "/")
        let local = try LoginForm().submit(email: user.email, password: PortalFixture.password, next: tenant.hooks)
        #expect(local.header("location") == tenant.hooks)
    }

    @Test func signOutNeedsTheCSRFTokenAndEndsTheSession() throws {
        let tenant = try PortalFixture.tenant()
        let owner = try PortalFixture.client(.owner, in: tenant)
        #expect(try owner.post("/logout", csrf: .missing).status == 403)
        #expect(try owner.get(tenant.keys).status == 200)
        let out = try owner.post("/logout")
        #expect(out.status == 303 && out.header("location") == "/login")
        #expect(out.header("set-cookie")?.contains("Max-Age=0") == true)
        let after = try owner.get(tenant.keys)
        #expect(after.status == 303)
        #expect(after.header("location")?.hasPrefix("/login?next=") == true)
    }

    @Test func pagesAskStrangersToSignIn() throws {
        let tenant = try PortalFixture.tenant()
        let page = try RawHTTPClient.send("GET", tenant.keys)
        #expect(page.status == 303)
        #expect(page.header("location") == "/login?next=\(tenant.keys)")
        let post = try RawHTTPClient.send(
            "POST", tenant.keys, headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Array("name=x&environment=production".utf8))
        #expect(post.status == 303)
        #expect(try ApiKeyStore(db: TestDatabase.connect()).list(orgID: tenant.org.id).isEmpty)
        #expect(try RawHTTPClient.send("GET", tenant.keys, headers: ["Cookie": "cs_session=forged"]).status == 303)
    }
}
