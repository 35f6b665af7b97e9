import Claims
import Database
import HTTP
import Tenancy

/// A `POST` under its `Idempotency-Key`: a repeat with the same key and body within 24 hours
/// gets the first response; the same key with another body is a 409. The work and the record of
/// its response commit in one transaction, so a retry after a crash finds both or neither.
struct Idempotent {
    let context: any APIContext
    private let apiKeyID: Int
    private let key: String?
    private let requestHash: [UInt8]
    private var store: IdempotencyStore { IdempotencyStore(db: context.db) }

    init(context: any APIContext, apiKey: ApiKey, request: Request) throws(HTTPError) {
        self.context = context
        apiKeyID = apiKey.id
        key = try IdempotencyStore.key(from: request)
        requestHash = IdempotencyStore.requestHash(request)
    }

    /// The first response when this is a repeat; call before doing any work.
    func replay() throws -> Response? {
        guard let key, let remembered = try store.find(apiKeyID: apiKeyID, key: key) else { return nil }
        guard remembered.requestHash == requestHash else {
            throw HTTPError.conflict("This Idempotency-Key was already used with a different request.")
        }
        return JSONBody.raw(remembered.body, status: remembered.status)
    }

    /// Runs `work` in a transaction with the record of its answer. When a unique key refuses a
    /// write, a concurrent request with the same Idempotency-Key is answered as it was; any
    /// other clash is `onConflict`'s to answer.
    func commit(
        onConflict: () throws -> Response, _ work: () throws -> (status: Int, body: [UInt8])
    ) throws -> Response {
        do {
            let (status, body) = try context.db.transaction {
                let answer = try work()
                if let key {
                    try store.remember(
                        apiKeyID: apiKeyID, key: key, requestHash: requestHash, status: answer.status,
                        body: answer.body)
                }
                return answer
            }
            return JSONBody.raw(body, status: status)
        } catch DatabaseError.duplicateKey {
            if let replayed = try replay() { return replayed }
            return try onConflict()
        }
    }
}
