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
                serverKey: settings.serverKeyBytes)
        else { throw PortalError.invalidCSRFToken }

        let email = UserStore.normalize(email: form["email"] ?? "")
        let password = form["password"] ?? ""
        let next = form["next"]
        guard !email.isEmpty, !password.isEmpty, email.utf8.count <= 254, password.utf8.count <= 1024 else {
            return loginPage(
                request, context, email: email, next: next, message: "Enter your email address and password.",
                status: 422)
        }
        let throttle = LoginThrottle(db: context.db)
        if try throttle.isBlocked(email: email, ip: request.remoteAddress) {
            context.logger.notice(
                "portal sign-in throttled", metadata: ["email": "\(email)", "ip": "\(request.remoteAddress)"])
            return loginPage(
                request, context, email: email, next: next,
                message: "Too many failed sign-in attempts. Wait \(LoginThrottle.windowMinutes) minutes and try again.",
                status: 429)
        }
        let found = try UserStore(db: context.db).find(email: email)
        guard let found, PasswordHasher.verify(password, against: found.passwordHash) else {
            if found == nil { PasswordHasher.standard.verifyNothing(password) }
            try throttle.record(email: email, ip: request.remoteAddress, succeeded: false)
            context.logger.info(
                "portal sign-in failed", metadata: ["email": "\(email)", "ip": "\(request.remoteAddress)"])
            return loginPage(
                request, context, email: email, next: next, message: "The email address or password is incorrect.",
                status: 401)
        }
        try throttle.record(email: email, ip: request.remoteAddress, succeeded: true)
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
        return response
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
        let token = CSRFToken.loginToken(nonce: nonce, serverKey: settings.serverKeyBytes)
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
