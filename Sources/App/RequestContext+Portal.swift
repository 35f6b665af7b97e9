import HTTP
import Portal

extension RequestContext: PortalContext {
    /// The same classification (and log line) as the API's, for the portal to render as a page.
    public func failure(for error: any Error, request: Request) -> ServerFailure {
        AppHandler.failure(for: error, logger: logger, request: request)
    }
}
