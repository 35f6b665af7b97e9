import HTTP

/// Why a portal request stops before doing its work. Each case renders itself as what a person
/// should see (an HTML page with the status, or a redirect to the sign-in page), never as
/// problem+json, because a person is reading.
public enum PortalError: Error, Sendable, Equatable {
    /// No valid session cookie: go to the sign-in page, then come back to `returnTo`.
    case signInRequired(returnTo: String)
    /// The form's CSRF token is missing or wrong: 403, nothing changed.
    case invalidCSRFToken
    /// The role may not see this page or do this action: 403, nothing changed.
    case forbidden
    /// Unknown, malformed, or another organization's id: 404, nothing revealed.
    case notFound
    /// The request itself is malformed (not a form post, invalid UTF-8): 400.
    case badRequest(String)
    /// A client error raised below the portal (a body over the limit, a bad path segment).
    case client(status: Int, title: String, detail: String)
    /// The server failed (the database is away: 503; anything else: 500), as the application classified it.
    case server(ServerFailure)
}
