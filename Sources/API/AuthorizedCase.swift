import Database
import Tenancy

/// The context of a request under `/api/v1/orgs/:org/cases/:case`: the worker thread's context plus
/// the API key and the case it may use, put there by `Authenticator.authorize` before any handler
/// runs. A handler that receives one has nothing left to check about who is calling.
public final class AuthorizedCase<Base: APIContext>: APIContext {
    public let base: Base
    /// The key the request carried (its organization and environment).
    public let key: ApiKey
    /// The case named in the path, which the key's organization owns.
    public let caseRecord: CaseRecord

    init(base: Base, key: ApiKey, caseRecord: CaseRecord) {
        self.base = base
        self.key = key
        self.caseRecord = caseRecord
    }

    public var db: Connection { base.db }
    public var api: APIState { base.api }
    /// The environment the key works in: every read and write of the request stays inside it.
    public var environment: Environment { key.environment }
}
