import Database
import Foundation
import Portal
import Synchronization
import Tenancy
import TestSupport
import Testing

/// The sign-in and sign-out forms through nginx, the session cookie, and login throttling.
/// Tests that fail sign-ins on purpose send them from an address of their own in 127.0.1.0/24
/// (which the test nginx, like 127.0.0.1, exempts from its own limits), so the app's per-address
/// counter of 127.0.0.1, which every other suite signs in from at the same time, never moves.
@Suite(.serialized, .enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct SignInTests {
    /// A fresh sign-in form: its login-nonce cookie and CSRF token, as a browser would hold them.
    struct LoginForm {
        let nonceCookie: String
        let token: String
        /// The client address the form is fetched and posted from.
        let source: String

        init(from source: String = "127.0.0.1") throws {
            self.source = source
            let page = try RawHTTPClient.send("GET", "/login", from: source)
            let cookie = page.header("set-cookie") ?? ""
            nonceCookie = String(cookie.prefix { $0 != ";" })
            let marker = "name=\"csrf_token\" value=\""
            let start = try #require(page.text.range(of: marker)).upperBound
            token = String(page.text[start...].prefix { $0 != "\"" })
        }

        func submit(
            email: String, password: String, next: String = "", token: String? = nil, device: String? = nil
        ) throws -> HTTPResult {
            let body = FormEncoding.encode([
                ("csrf_token", token ?? self.token), ("email", email), ("password", password), ("next", next),
            ])
            let cookie = nonceCookie + (device.map { "; \(DeviceCookie.name)=\($0)" } ?? "")
            return try RawHTTPClient.send(
                "POST", "/login", headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"],
                body: Array(body.utf8), from: source)
        }
    }

    static func cookie(_ name: String, in result: HTTPResult) -> String? {
        guard let header = result.header("set-cookie"), let range = header.range(of: name + "=") else { return nil }
        return String(header[range.upperBound...].prefix { $0 != ";" })
    }

    /// Signs in once through the form and returns the device cookie the browser was given.
    static func deviceCookie(for user: PortalUser) throws -> String {
        let result = try LoginForm().submit(email: user.email, password: PortalFixture.password)
        #expect(result.status == 303)
        return try #require(cookie(DeviceCookie.name, in: result))
    }

    /// Password checks actually made for an address: one `login_attempts` row each.
    static func passwordChecks(_ email: String) throws -> Int {
        try PortalFixture.count("SELECT COUNT(*) AS n FROM login_attempts WHERE email = ?", email)
    }

    /// The address a test that fails sign-ins on purpose sends them from: one per test, so no
    /// test's failures count against another's (or any other suite's) sign-ins.
    enum FloodAddress: Int {
        case accountLock = 11, concurrentGuesses = 12, addressFlood = 13
        var address: String { "127.0.1.\(rawValue)" }
    }

    static func sessionToken(_ result: HTTPResult) -> String? { cookie("cs_session", in: result) }

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
            try db.fixtureFirst("SELECT user_id FROM sessions WHERE token_hash = ?", SessionToken.hash(token))?.int(
                "user_id")
                == user.id)
        #expect(
            try db.fixtureFirst("SELECT COUNT(*) AS n FROM sessions WHERE token_hash = ?", Array(token.utf8))?.int("n")
                == 0)
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

    @Test func signInGivesALongLivedHttpOnlyDeviceCookieNamingTheUser() throws {
        let tenant = try PortalFixture.tenant()
        let user = try PortalFixture.user(.owner, in: tenant)
        let result = try LoginForm().submit(email: user.email, password: PortalFixture.password)
        let header = try #require(result.header("set-cookie"))
        let start = try #require(header.range(of: DeviceCookie.name + "=")).lowerBound
        let device = String(header[start...].prefix { $0 != "," })
        #expect(device.contains("HttpOnly") && device.contains("Path=/login"))
        #expect(device.contains("Max-Age=\(DeviceCookie.lifetimeSeconds)"))
        let value = try #require(Self.cookie(DeviceCookie.name, in: result))
        #expect(value.hasPrefix("v1.\(user.id)."))
    }

    @Test func fiveFailuresLockTheAccountForStrangersButNotForItsOwnersBrowser() throws {
        let tenant = try PortalFixture.tenant()
        let user = try PortalFixture.user(.owner, in: tenant)
        let device = try Self.deviceCookie(for: user)
        let form = try LoginForm(from: FloodAddress.accountLock.address)
        for _ in 0..<LoginThrottle.accountLimit {
            #expect(try form.submit(email: user.email, password: "guess").status == 401)
        }
        let locked = try form.submit(email: user.email, password: PortalFixture.password)
        #expect(locked.status == 429)
        #expect(locked.text.contains("Too many failed sign-in attempts for this account."))
        #expect(Int(locked.header("retry-after") ?? "") ?? 0 > 800)
        #expect(Self.sessionToken(locked) == nil)
        // The browser the owner signed in from before is trusted: the attacker's lockout is not theirs.
        let trusted = try form.submit(email: user.email, password: PortalFixture.password, device: device)
        #expect(trusted.status == 303)
        #expect(Self.sessionToken(trusted) != nil)
    }

    @Test func thirtyConcurrentWrongPasswordsForOneAccountGetAtMostFivePasswordChecks() throws {
        let tenant = try PortalFixture.tenant()
        let user = try PortalFixture.user(.reviewer, in: tenant)
        let forms = try (0..<30).map { _ in try LoginForm(from: FloodAddress.concurrentGuesses.address) }
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: forms.count) { index in
            let status = (try? forms[index].submit(email: user.email, password: "guess \(index)").status) ?? 0
            statuses.withLock { $0.append(status) }
        }
        let checks = try Self.passwordChecks(user.email)
        let answered = statuses.withLock { $0 }
        #expect(checks >= 1 && checks <= LoginThrottle.accountLimit)
        #expect(answered.filter { $0 == 401 }.count == checks)
        #expect(answered.filter { $0 == 429 }.count == forms.count - checks)
    }

    @Test func anAddressFloodSlowsStrangersForSecondsAndLetsKnownBrowsersIn() throws {
        let tenant = try PortalFixture.tenant()
        let known = try PortalFixture.user(.owner, in: tenant)
        let stranger = try PortalFixture.user(.viewer, in: tenant)
        let device = try Self.deviceCookie(for: known)
        let flooded = FloodAddress.addressFlood.address
        // Twenty wrong passwords for twenty other accounts, from this one address.
        let others = try (0..<LoginThrottle.ipLimit).map { _ in try PortalFixture.user(.viewer, in: tenant) }
        for other in others {
            #expect(try LoginForm(from: flooded).submit(email: other.email, password: "wrong").status == 401)
        }
        // Anyone else there is asked to wait a moment, with the reason on the form and a Retry-After…
        let form = try LoginForm(from: flooded)
        let slowed = try form.submit(email: stranger.email, password: PortalFixture.password)
        #expect(slowed.status == 429)
        #expect(slowed.text.contains("Too many failed sign-in attempts from your network. Wait"))
        let wait = try #require(Int(slowed.header("retry-after") ?? ""))
        #expect(wait >= 1 && wait <= 2)
        // …while someone who signed in from this browser before is not held up by the flood at all…
        let trusted = try form.submit(email: known.email, password: PortalFixture.password, device: device)
        #expect(trusted.status == 303)
        // …and the stranger gets in once the wait is over: slowed, not locked out for 15 minutes.
        Thread.sleep(forTimeInterval: Double(wait) + 0.2)
        let later = try form.submit(email: stranger.email, password: PortalFixture.password)
        #expect(later.status == 303)
        #expect(try Self.passwordChecks(stranger.email) == 1)
    }

    @Test func anAddressPastItsLimitWaitsLongerAfterEachFailureButNeverLocks() throws {
        let throttle = LoginThrottle(db: TestDatabase.connect())
        let ip = "198.51.100.\(Int.random(in: 1...254))-\(UUID().uuidString.prefix(4))"
        for _ in 0..<LoginThrottle.ipLimit {
            #expect(try throttle.reserveAddress(ip) == nil)
            try throttle.failed(address: ip)
        }
        let first = try #require(try throttle.reserveAddress(ip))
        #expect(first == 2)
        #expect(try throttle.reserveAddress("203.0.113.9-\(UUID().uuidString.prefix(4))") == nil)
        Thread.sleep(forTimeInterval: 2.1)
        #expect(try throttle.reserveAddress(ip) == nil)
        // While an attempt is being checked the address is held, so concurrent attempts queue.
        #expect(try throttle.reserveAddress(ip) != nil)
        try throttle.failed(address: ip)
        #expect(try throttle.reserveAddress(ip) == 4)
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
