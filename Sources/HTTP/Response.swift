/// One HTTP response; the transport turns it into bytes.
public struct Response: Sendable {
    public var status: Int
    public var headers: Headers
    public var body: [UInt8]

    public init(status: Int = 200, headers: Headers = Headers(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A UTF-8 text body with its content type.
    public init(status: Int = 200, contentType: String, body: String) {
        var headers = Headers()
        headers.set("content-type", contentType)
        self.init(status: status, headers: headers, body: Array(body.utf8))
    }

    /// A redirect after a form post (303 so the browser follows with GET).
    public static func redirect(to location: String, status: Int = 303) -> Response {
        var response = Response(status: status)
        response.headers.set("location", location)
        return response
    }

    /// The reason phrase for the status line.
    public var reasonPhrase: String { Self.reason(for: status) }

    public static func reason(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
