/// An error that knows its HTTP status and renders itself: problem+json for the API's
/// `HTTPError`, an HTML page for the portal's errors. Whatever reaches the application's handler
/// without conforming is a server failure (`ServerFailure`).
public protocol HTTPResponseError: Error {
    var status: Int { get }
    /// The complete response for this error.
    var response: Response { get }
}

extension HTTPError: HTTPResponseError {}
