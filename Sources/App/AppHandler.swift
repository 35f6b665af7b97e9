import Database
import FastCGI
import HTTP
import Logging

/// Runs the router for one worker thread and turns every error into a response in one place.
public final class AppHandler: RequestHandler {
    private let router: Router<RequestContext>
    private let context: RequestContext

    public init(router: Router<RequestContext>, context: RequestContext) {
        self.router = router
        self.context = context
    }

    /// Runs the request under the configured deadline (`request_timeout`), carried by its connection.
    public func handle(_ request: Request) -> Response {
        context.db.deadline = .now + .milliseconds(Int(context.config.requestTimeout * 1000))
        defer { context.db.deadline = nil }
        do {
            return try router.handle(request, context: context)
        } catch {
            return Self.response(for: error, logger: context.logger, request: request)
        }
    }

    public func close() {
        context.db.close()
        Database.threadEnd()
    }

    /// The one mapping from thrown errors to responses: an error that renders itself (the API's
    /// problem+json, the portal's HTML pages) does; anything else is a server failure, rendered as
    /// problem+json (portal routes render it as a page in their own middleware first).
    static func response(for error: any Error, logger: Logger, request: Request) -> Response {
        if let error = error as? any HTTPResponseError { return error.response }
        return failure(for: error, logger: logger, request: request).problem.response
    }

    /// Classifies a server-side failure once, with its log line: database outages, requests past
    /// their deadline and transactions that kept deadlocking (all rolled back) are 503; anything
    /// else is a logged 500 whose body says nothing internal.
    static func failure(for error: any Error, logger: Logger, request: Request) -> ServerFailure {
        switch error {
        case DatabaseError.unavailable:
            // Every request fails this way while MariaDB is down: one line per 10 s, with a count.
            logger.throttled(.warning, "database unavailable", error: error, metadata: ["path": "\(request.path)"])
            return .unavailable("The database is unavailable; try again shortly.")
        case DatabaseError.retryable(let code, _):
            // Deadlocks or lock waits that outlasted the transaction's retries: transient, so 503.
            logger.warning("transaction retries exhausted", metadata: ["code": "\(code)", "path": "\(request.path)"])
            return .unavailable("The request collided with others; try again shortly.")
        case DatabaseError.timedOut:
            logger.warning("request deadline passed", metadata: ["path": "\(request.path)"])
            return .unavailable("The request took too long and was rolled back; try again shortly.")
        default:
            logger.throttled(.error, "request failed", error: error, metadata: ["path": "\(request.path)"])
            return .internalError
        }
    }
}
