/// What a request that failed on the server's side tells its client: 503 with Retry-After for a
/// transient failure (the database is away, the deadline passed, a deadlock outlived its retries),
/// 500 for anything else. The detail never carries SQL, stack traces or paths. The application
/// classifies a thrown error once (`AppHandler.failure(for:)`); the API renders the result as
/// problem+json and the portal as an HTML page.
public struct ServerFailure: Sendable, Equatable {
    public let status: Int
    public let detail: String

    public static func unavailable(_ detail: String) -> ServerFailure { ServerFailure(status: 503, detail: detail) }

    public static let internalError = ServerFailure(
        status: 500, detail: "The server could not complete the request. It has been logged.")

    /// The problem+json form.
    public var problem: HTTPError {
        status == 503 ? .serviceUnavailable(detail) : .internalError
    }
}
