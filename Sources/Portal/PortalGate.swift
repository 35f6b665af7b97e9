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
        guard let membership = try users.membership(userID: session.user.id, orgID: request.parameter("org")) else {
            throw PortalError.notFound
        }
        let tenants = TenantStore(db: db)
        guard let caseRecord = try tenants.caseRecord(orgID: membership.orgID, caseID: request.parameter("case"))
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

    /// The scope and fields of a Developer Tools change: CSRF token first, then the role (403 for
    /// Reviewers and Viewers), so neither a forged form nor a read-only member changes anything.
    static func developerToolsChange(_ request: Request, db: Connection) throws -> (PortalScope, QueryItems) {
        let scope = try scope(request, db: db)
        let form = try form(request, session: scope.session)
        try scope.require(scope.role.canManageDeveloperTools)
        return (scope, form)
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
