import HTTP

/// Turns a portal handler's `PortalError` into what a person should see: the sign-in page, or an
/// HTML error page with the status. Database failures pass on to the application's one mapping.
enum PortalResponder {
    static func wrap<Context: PortalContext>(
        _ handler: @escaping @Sendable (Request, Context) throws -> Response
    ) -> Router<Context>.Handler {
        { request, context in
            do {
                return try handler(request, context)
            } catch let error as PortalError {
                return response(for: error)
            } catch let error as HTTPError where error.status < 500 {
                return response(for: .badRequest(error.detail))
            }
        }
    }

    static func response(for error: PortalError) -> Response {
        switch error {
        case .signInRequired(let returnTo):
            let next = returnTo == "/" ? "" : "?next=" + URLQuery.escape(returnTo)
            return PortalResponse.redirect("/login" + next)
        case .invalidCSRFToken:
            return PortalResponse.html(
                ErrorView.render(
                    status: 403, title: "This form has expired",
                    message: "The form did not carry a valid security token, so nothing was changed. "
                        + "Go back, reload the page and try again."), status: 403)
        case .forbidden:
            return PortalResponse.html(
                ErrorView.render(
                    status: 403, title: "Not allowed",
                    message: "Your role in this organization does not allow this. Nothing was changed."), status: 403)
        case .notFound:
            return PortalResponse.html(
                ErrorView.render(
                    status: 404, title: "Page not found",
                    message: "There is nothing here, or it belongs to an organization you are not a member of."),
                status: 404)
        case .badRequest(let detail):
            return PortalResponse.html(
                ErrorView.render(status: 400, title: "Bad request", message: detail), status: 400)
        }
    }
}
