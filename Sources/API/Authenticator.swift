import Claims
import Database
import HTTP
import Tenancy

/// Bearer-key authentication and the tenant check for `/api/v1/orgs/{org}/cases/{case}/…`: the
/// context builder of that router group, so it runs before every handler in it.
enum Authenticator {
    /// The key and the case, or the error: 401 for a missing, malformed, unknown, deactivated or
    /// deleted key; 404 when the organization or case is not the key's (never revealing that it
    /// exists elsewhere); 429 when the key is over its rate.
    static func authorize<Context: APIContext>(_ request: Request, _ context: Context) throws
        -> AuthorizedCase<Context>
    {
        let key = try authenticate(request, context)
        let orgID = try request.parameters.require("org", as: String.self)
        let caseID = try request.parameters.require("case", as: String.self)
        guard key.orgID == orgID.lowercased() else { throw HTTPError.notFound("No such organization or case.") }
        if let wait = context.api.rateLimiter.acquire(key: key.id) { throw HTTPError.tooManyRequests(retryAfter: wait) }
        let now = RateLimiter.monotonicSeconds()
        let cacheKey = key.orgID + "/" + caseID.lowercased()
        let record: CaseRecord?
        if let cached = context.api.cases.lookup(cacheKey, now: now) {
            record = cached
        } else {
            record = try TenantStore(db: context.db).caseRecord(orgID: key.orgID, caseID: caseID.lowercased())
            context.api.cases.store(cacheKey, record, now: now)
        }
        guard let record else { throw HTTPError.notFound("No such organization or case.") }
        if context.api.shouldTouch(keyID: key.id, now: now) { try ApiKeyStore(db: context.db).touch(id: key.id) }
        return AuthorizedCase(base: context, key: key, caseRecord: record)
    }

    static func authenticate(_ request: Request, _ context: some APIContext) throws -> ApiKey {
        guard let header = request.headers["authorization"], header.count > 7,
            header.prefix(7).lowercased() == "bearer "
        else { throw HTTPError.unauthorized("Send the API key as Authorization: Bearer <key>.") }
        let plaintext = String(header.dropFirst(7)).trimmed
        guard ApiKeyFormat.environment(of: plaintext) != nil else {
            throw HTTPError.unauthorized("The API key is not valid.", invalidToken: true)
        }
        let hash = ApiKeyFormat.hash(plaintext)
        let now = RateLimiter.monotonicSeconds()
        let key: ApiKey?
        if let cached = context.api.keys.lookup(hash, now: now) {
            key = cached
        } else {
            key = try ApiKeyStore(db: context.db).authenticate(hash: hash)
            context.api.keys.store(hash, key, now: now)
        }
        guard let key, key.active else {
            throw HTTPError.unauthorized("The API key is not valid or is deactivated.", invalidToken: true)
        }
        return key
    }
}
