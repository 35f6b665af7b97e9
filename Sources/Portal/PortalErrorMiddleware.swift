import HTTP

/// Every portal route runs inside this: whatever a page throws becomes what a person should see,
/// never problem+json. A `PortalError` renders itself (the sign-in redirect, 403, 404); a client
/// error from the HTTP layer (a malformed form, a body too large) becomes an HTML page with its
/// status; anything else is classified by the application (`PortalContext.failure`, the same log
/// line and status as the API's) and shown as the 503 or 500 page.
struct PortalErrorMiddleware<Context: PortalContext>: Middleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) throws -> Response) throws -> Response {
        do {
            return try next(request, context)
        } catch let error as PortalError {
            return error.response
        } catch let error as HTTPError where error.status < 500 {
            return PortalError.client(status: error.status, title: error.title, detail: error.detail).response
        } catch {
            return PortalError.server(context.failure(for: error, request: request)).response
        }
    }
}
