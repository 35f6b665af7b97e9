import HTTP

/// What a worker thread runs for each request.
///
/// One instance per thread, created on that thread and never shared: it may own a database
/// connection and other per-thread state without locks.
public protocol RequestHandler: AnyObject {
    /// Produces the response; must not throw, so every failure is turned into a response by the app.
    func handle(_ request: Request) -> Response
    /// Called once on the worker thread when it exits (close connections, end thread-local state).
    func close()
}
