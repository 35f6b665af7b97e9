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

    /// The one mapping from thrown errors to responses: client errors keep their status; database
    /// outages, requests past their deadline and transactions that kept deadlocking (all rolled
    /// back) are 503; anything else is a logged 500 whose body says nothing internal.
    static func response(for error: any Error, logger: Logger, request: Request) -> Response {
        switch error {
        case let error as HTTPError:
            return error.response
        case DatabaseError.unavailable:
            // Every request fails this way while MariaDB is down: one line per 10 s, with a count.
            logger.throttled(.warning, "database unavailable", error: error, metadata: ["path": "\(request.path)"])
            return HTTPError.serviceUnavailable("The database is unavailable; try again shortly.").response
        case DatabaseError.retryable(let code, _):
            // Deadlocks or lock waits that outlasted the transaction's retries: transient, so 503.
            logger.warning("transaction retries exhausted", metadata: ["code": "\(code)", "path": "\(request.path)"])
            return HTTPError.serviceUnavailable("The request collided with others; try again shortly.").response
        case DatabaseError.timedOut:
            logger.warning("request deadline passed", metadata: ["path": "\(request.path)"])
            return HTTPError.serviceUnavailable("The request took too long and was rolled back; try again shortly.")
                .response
        default:
            logger.throttled(.error, "request failed", error: error, metadata: ["path": "\(request.path)"])
            return HTTPError.internalError.response
        }
    }
}
