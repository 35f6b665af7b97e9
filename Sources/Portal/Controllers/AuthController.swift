import HTTP
import Tenancy

/// Sign-in, sign-out and the landing redirect.
enum AuthController {
    static let loginNonceSeconds = 3600

    static func showLogin<Context: PortalContext>(_ request: Request, _ context: Context) throws -> Response {
        if let token = request.cookies[PortalGate.sessionCookie],
            try SessionStore(db: context.db).find(token: token) != nil
        {
            return PortalResponse.redirect("/")
        }
        return loginPage(request, context, email: "", next: request.query["next"], message: nil, status: 200)
    }

    static func login<Context: PortalContext>(_ request: Request, _ context: Context) throws -> Response {
        let settings = context.portalSettings
        let form: QueryItems
        do {
            form = try FormData.decode(request)
        } catch {
            throw PortalError.invalidCSRFToken
        }
        guard
            CSRFToken.verifyLogin(
                form[CSRFToken.fieldName], nonce: request.cookies[PortalGate.loginCookie],
                serverKey: settings.serverKey)
        else { throw PortalError.invalidCSRFToken }

        let email = UserStore.normalize(email: form["email"] ?? "")
        let password = form["password"] ?? ""
        let next = form["next"]
        guard !email.isEmpty, !password.isEmpty, email.utf8.count <= 254, password.utf8.count <= 1024 else {
            return loginPage(
                request, context, email: email, next: next, message: "Enter your email address and password.",
                status: 422)
        }
        let found = try UserStore(db: context.db).find(email: email)
        let address = request.remoteAddress
        let device = DeviceCookie.verify(request.cookies[DeviceCookie.name], serverKey: settings.serverKey)
            .flatMap { $0.userID == found?.user.id ? $0 : nil }
        let throttle = LoginThrottle(db: context.db)
        let scope: LoginThrottle.Scope = device.map { .device(nonce: $0.nonce) } ?? .account(email: email)
        if let refusal = try reserve(throttle, scope: scope, address: address) {
            context.logger.notice(
                "portal sign-in throttled", metadata: ["email": "\(email)", "ip": "\(address)"])
            var page = loginPage(request, context, email: email, next: next, message: refusal.message, status: 429)
            page.headers.set("retry-after", String(refusal.seconds))
            return page
        }
        guard let found, PasswordHasher.verify(password, against: found.passwordHash) else {
            if found == nil { PasswordHasher.standard.verifyNothing(password) }
            try throttle.record(email: email, ip: address, succeeded: false, trustedDevice: device != nil)
            if device == nil { try throttle.failed(address: address) }
            context.logger.info("portal sign-in failed", metadata: ["email": "\(email)", "ip": "\(address)"])
            return loginPage(
                request, context, email: email, next: next, message: "The email address or password is incorrect.",
                status: 401)
        }
        try throttle.record(email: email, ip: address, succeeded: true, trustedDevice: device != nil)
        try throttle.succeeded(scope)
        if device == nil { try throttle.release(address: address) }
        let sessions = SessionStore(db: context.db)
        try sessions.purgeExpired()
        let token = try sessions.create(userID: found.user.id, hours: settings.sessionHours)
        var response = PortalResponse.redirect(PortalGate.safeReturnPath(next))
        response.headers.add(
            "set-cookie",
            Cookies.setCookie(
                name: PortalGate.sessionCookie, value: token, maxAge: settings.sessionHours * 3600,
                secure: settings.secureCookies))
        response.headers.add(
            "set-cookie",
            Cookies.setCookie(name: PortalGate.loginCookie, value: "", maxAge: 0, secure: settings.secureCookies))
        response.headers.add(
            "set-cookie",
            Cookies.setCookie(
                name: DeviceCookie.name,
                value: DeviceCookie.issue(userID: found.user.id).value(serverKey: settings.serverKey),
                maxAge: DeviceCookie.lifetimeSeconds, secure: settings.secureCookies, path: DeviceCookie.path))
        return response
    }

    /// Why an attempt may not have its password checked now, and for how long.
    struct Refusal {
        let message: String
        let seconds: Int
    }

    /// Reserves the attempt before any password is checked (see `LoginThrottle`): a trusted browser
    /// reserves on its device cookie only; anyone else on the client address (slowed, never locked)
    /// and then on the account (refused until its window ends).
    private static func reserve(_ throttle: LoginThrottle, scope: LoginThrottle.Scope, address: String) throws
        -> Refusal?
    {
        func duration(_ seconds: Int) -> String {
            if seconds < 90 { return seconds == 1 ? "1 second" : "\(seconds) seconds" }
            return "\((seconds + 59) / 60) minutes"
        }
        if case .device = scope {
            guard let wait = try throttle.reserve(scope) else { return nil }
            return Refusal(
                message: "Too many failed sign-in attempts from this browser. Wait \(duration(wait)) and try again.",
                seconds: wait)
        }
        if let wait = try throttle.reserveAddress(address) {
            return Refusal(
                message:
                    "Too many failed sign-in attempts from your network. Wait \(duration(wait)) and try again.",
                seconds: wait)
        }
        guard let wait = try throttle.reserve(scope) else { return nil }
        try throttle.release(address: address)
        return Refusal(
            message: "Too many failed sign-in attempts for this account. Wait \(duration(wait)) and try again, "
                + "or sign in from a browser you have signed in with before.",
            seconds: wait)
    }

    static func logout<Context: PortalContext>(_ request: Request, _ context: Context) throws -> Response {
        let session = try PortalGate.session(request, db: context.db)
        _ = try PortalGate.form(request, session: session)
        try SessionStore(db: context.db).delete(tokenHash: session.tokenHash)
        var response = PortalResponse.redirect("/login")
        response.headers.add(
            "set-cookie",
            Cookies.setCookie(
                name: PortalGate.sessionCookie, value: "", maxAge: 0, secure: context.portalSettings.secureCookies))
        return response
    }

    /// Renders the sign-in form with a login nonce cookie (reused while it is valid, so two tabs work).
    private static func loginPage<Context: PortalContext>(
        _ request: Request, _ context: Context, email: String, next: String?, message: String?, status: Int
    ) -> Response {
        let settings = context.portalSettings
        var nonce = request.cookies[PortalGate.loginCookie] ?? ""
        let fresh = !SessionToken.isWellFormed(nonce)
        if fresh { nonce = SessionToken.generate() }
        let token = CSRFToken.loginToken(nonce: nonce, serverKey: settings.serverKey)
        var response = PortalResponse.html(
            LoginView.render(
                csrfToken: token, email: email, next: PortalGate.safeReturnPath(next), message: message),
            status: status)
        if fresh {
            response.headers.add(
                "set-cookie",
                Cookies.setCookie(
                    name: PortalGate.loginCookie, value: nonce, maxAge: loginNonceSeconds,
                    secure: settings.secureCookies))
        }
        return response
    }
}
