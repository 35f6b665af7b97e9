import HTTP

/// Responses of the portal with the headers every page carries.
enum PortalResponse {
    /// No inline script or style, no plugins, no framing, forms only to ourselves.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    static func html(_ page: HTML, status: Int = 200) -> Response {
        var response = Response(status: status, contentType: "text/html; charset=utf-8", body: page.rendered)
        secure(&response)
        return response
    }

    /// A 303 after a form post (or to the sign-in page), so reloading never repeats the post.
    static func redirect(_ location: String) -> Response {
        var response = Response.redirect(to: location)
        secure(&response)
        return response
    }

    static func secure(_ response: inout Response) {
        response.headers.set("content-security-policy", contentSecurityPolicy)
        response.headers.set("cache-control", "no-store")
        response.headers.set("referrer-policy", "same-origin")
    }
}
