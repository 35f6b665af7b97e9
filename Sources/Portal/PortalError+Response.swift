import HTTP

extension PortalError: HTTPResponseError {
    public var status: Int {
        switch self {
        case .signInRequired: 303
        case .invalidCSRFToken, .forbidden: 403
        case .notFound: 404
        case .badRequest: 400
        case .client(let status, _, _): status
        case .server(let failure): failure.status
        }
    }

    public var response: Response {
        switch self {
        case .signInRequired(let returnTo):
            let next = returnTo == "/" ? "" : "?next=" + URLQuery.escape(returnTo)
            return PortalResponse.redirect("/login" + next)
        case .invalidCSRFToken:
            return page(
                "This form has expired",
                "The form did not carry a valid security token, so nothing was changed. "
                    + "Go back, reload the page and try again.")
        case .forbidden:
            return page("Not allowed", "Your role in this organization does not allow this. Nothing was changed.")
        case .notFound:
            return page(
                "Page not found", "There is nothing here, or it belongs to an organization you are not a member of.")
        case .badRequest(let detail):
            return page("Bad request", detail)
        case .client(_, let title, let detail):
            return page(title, detail)
        case .server(let failure) where failure.status == 503:
            var response = page("Temporarily unavailable", failure.detail + " Nothing was changed.")
            response.headers.set("retry-after", "1")
            return response
        case .server(let failure):
            return page("Something went wrong", failure.detail)
        }
    }

    private func page(_ title: String, _ message: String) -> Response {
        PortalResponse.html(ErrorView.render(status: status, title: title, message: message), status: status)
    }
}
