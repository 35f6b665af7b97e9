import Database
import HTTP
import Tenancy

/// Finds the session, the membership and the case of a request, and checks CSRF tokens: the checks
/// every portal handler runs before it does anything.
enum PortalGate {
    /// HttpOnly, SameSite=Lax, Secure over HTTPS; holds the random session token.
    static let sessionCookie = "cs_session"
    /// The sign-in form's nonce (signed double submit), before any session exists.
    static let loginCookie = "cs_login"

    /// The live session, or a redirect to the sign-in page that comes back here afterwards.
    static func session(_ request: Request, db: Connection) throws -> PortalSession {
        if let token = request.cookies[sessionCookie], let session = try SessionStore(db: db).find(token: token) {
            return session
        }
        throw PortalError.signInRequired(returnTo: request.method == "GET" ? pathWithQuery(request) : "/")
    }

    /// The session plus the organization and case named in the path; 404 for anything not the user's.
    static func scope(_ request: Request, db: Connection) throws -> PortalScope {
        let session = try session(request, db: db)
        let users = UserStore(db: db)
        let orgID = try request.parameters.require("org", as: String.self)
        guard let membership = try users.membership(userID: session.user.id, orgID: orgID) else {
            throw PortalError.notFound
        }
        let tenants = TenantStore(db: db)
        let caseID = try request.parameters.require("case", as: String.self)
        guard let caseRecord = try tenants.caseRecord(orgID: membership.orgID, caseID: caseID)
        else { throw PortalError.notFound }
        let memberships = try users.memberships(userID: session.user.id)
        var cases: [String: [CaseRecord]] = [:]
        for member in memberships { cases[member.orgID] = try tenants.cases(orgID: member.orgID) }
        return PortalScope(
            session: session, membership: membership, caseRecord: caseRecord, memberships: memberships, cases: cases)
    }

    /// The fields of a signed-in form post, after its CSRF token matched; otherwise 403 and nothing runs.
    static func form(_ request: Request, session: PortalSession) throws(PortalError) -> QueryItems {
        let form: QueryItems
        do {
            form = try FormData.decode(request)
        } catch {
            throw .invalidCSRFToken
        }
        guard CSRFToken.verify(form[CSRFToken.fieldName], secret: session.csrfSecret) else {
            throw .invalidCSRFToken
        }
        return form
    }

    /// The context builder of the signed-in page group: the session and the organization and case
    /// in the path (sign-in redirect, or 404 for anything not the user's).
    @Sendable static func page<Context: PortalContext>(_ request: Request, _ context: Context) throws
        -> PortalPage<Context>
    {
        PortalPage(base: context, scope: try scope(request, db: context.db))
    }

    /// The context builder of the form-post group: the page's scope plus the fields, after the
    /// form's CSRF token matched (403 and nothing changed otherwise).
    @Sendable static func change<Context: PortalContext>(_ request: Request, _ page: PortalPage<Context>) throws
        -> PortalChange<Context>
    {
        PortalChange(base: page.base, scope: page.scope, form: try form(request, session: page.scope.session))
    }

    /// A local path to return to after sign-in; anything else (`//evil`, `https://…`) becomes `/`.
    static func safeReturnPath(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
            candidate.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return "/" }
        return candidate
    }

    static func pathWithQuery(_ request: Request) -> String {
        guard !request.query.isEmpty else { return request.path }
        return request.path + "?"
            + request.query.items.map { "\(URLQuery.escape($0.name))=\(URLQuery.escape($0.value))" }
            .joined(separator: "&")
    }
}
