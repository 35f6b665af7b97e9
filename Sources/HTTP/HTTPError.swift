import Foundation
import JSON

/// A client-facing error: it carries its HTTP status and becomes problem+json (RFC 9457) in one place.
public struct HTTPError: Error, Sendable, Equatable {
    /// One field that failed validation, named by its JSON path (`items[2].qty_billed`).
    public struct FieldError: Sendable, Equatable, Codable {
        public var field: String
        public var message: String
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var status: Int
    /// A short, stable slug; the problem `type` is derived from it.
    public var slug: String
    public var title: String
    public var detail: String
    public var errors: [FieldError]
    /// Extra response headers (Allow, Retry-After, WWW-Authenticate).
    public var headers: [String: String]

    public init(
        status: Int, slug: String, title: String, detail: String, errors: [FieldError] = [],
        headers: [String: String] = [:]
    ) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    public static func badRequest(_ detail: String) -> HTTPError {
        HTTPError(status: 400, slug: "bad-request", title: "Bad request", detail: detail)
    }
    /// 401 with the RFC 6750 challenge: `invalidToken` when a key was sent but is not valid (no
    /// error code when none was sent, as §3.1 asks).
    public static func unauthorized(_ detail: String, invalidToken: Bool = false) -> HTTPError {
        HTTPError(
            status: 401, slug: "unauthorized", title: "Unauthorized", detail: detail,
            headers: [
                "WWW-Authenticate": "Bearer realm=\"claimscore\"" + (invalidToken ? ", error=\"invalid_token\"" : "")
            ])
    }
    public static func forbidden(_ detail: String) -> HTTPError {
        HTTPError(status: 403, slug: "forbidden", title: "Forbidden", detail: detail)
    }
    public static func notFound(_ detail: String = "No such resource.") -> HTTPError {
        HTTPError(status: 404, slug: "not-found", title: "Not found", detail: detail)
    }
    public static func methodNotAllowed(allowed: [String]) -> HTTPError {
        HTTPError(
            status: 405, slug: "method-not-allowed", title: "Method not allowed",
            detail: "This resource supports \(allowed.joined(separator: ", ")).",
            headers: ["Allow": allowed.joined(separator: ", ")])
    }
    public static func conflict(_ detail: String) -> HTTPError {
        HTTPError(status: 409, slug: "conflict", title: "Conflict", detail: detail)
    }
    public static func payloadTooLarge(limit: Int) -> HTTPError {
        HTTPError(
            status: 413, slug: "payload-too-large", title: "Request body too large",
            detail: "The request body exceeds the limit of \(limit) bytes.")
    }
    /// A JSON body over one of `JSONParser.Limits` (README "Limits"); the detail names the limit.
    public static func jsonLimit(_ failure: JSONParser.Failure) -> HTTPError {
        HTTPError(
            status: 413, slug: "json-limit-exceeded", title: "JSON document over a limit",
            detail: "The body exceeds the JSON limit \(failure.limit?.rawValue ?? "size"): \(failure.description).")
    }
    public static func unprocessable(_ errors: [FieldError], detail: String = "The request failed validation.")
        -> HTTPError
    {
        HTTPError(status: 422, slug: "validation-failed", title: "Validation failed", detail: detail, errors: errors)
    }
    public static func tooManyRequests(retryAfter seconds: Int) -> HTTPError {
        HTTPError(
            status: 429, slug: "rate-limited", title: "Too many requests",
            detail: "Rate limit exceeded; retry after \(seconds) s.", headers: ["Retry-After": String(seconds)])
    }
    public static func serviceUnavailable(_ detail: String) -> HTTPError {
        HTTPError(
            status: 503, slug: "service-unavailable", title: "Service unavailable", detail: detail,
            headers: ["Retry-After": "1"])
    }
    /// A generic 500: the detail never carries SQL, stack traces or paths.
    public static let internalError = HTTPError(
        status: 500, slug: "internal-error", title: "Internal server error",
        detail: "The server could not complete the request. It has been logged.")

    /// The problem `type` URI; stable per slug so clients can switch on it.
    public var type: String { "urn:claimscore:problem:\(slug)" }

    /// The one place errors become `application/problem+json`.
    public var response: Response {
        struct Body: Encodable {
            let type: String
            let title: String
            let status: Int
            let detail: String
            let errors: [FieldError]?
        }
        let body = Body(type: type, title: title, status: status, detail: detail, errors: errors.isEmpty ? nil : errors)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = (try? encoder.encode(body)).map(Array.init) ?? Array("{}".utf8)
        var response = Response(status: status, body: bytes)
        response.headers.set("content-type", "application/problem+json")
        response.headers.set("cache-control", "no-store")
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { response.headers.set(name, value) }
        return response
    }
}
