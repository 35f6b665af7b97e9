/// Runs around the handlers of a router group: it may answer the request itself, change it, or
/// turn what `next` throws into a response (hummingbird's `RouterMiddleware` is the model).
public protocol Middleware<Context>: Sendable {
    associatedtype Context
    func handle(_ request: Request, context: Context, next: (Request, Context) throws -> Response) throws -> Response
}
