import Testing

@testable import HTTP

struct CGIEnvironmentTests {
    private let base: [String: String] = [
        "REQUEST_METHOD": "POST", "REQUEST_URI": "/api/v1/x?limit=5&ref=a+b", "QUERY_STRING": "limit=5&ref=a+b",
        "CONTENT_TYPE": "application/json; charset=utf-8", "CONTENT_LENGTH": "2", "HTTP_AUTHORIZATION": "Bearer k",
        "HTTP_X_FORWARDED_FOR": "1.2.3.4", "HTTP_COOKIE": "sid=abc; theme=\"dark\"", "REMOTE_ADDR": "127.0.0.1",
    ]

    @Test func buildsMethodPathQueryHeadersAndBody() throws {
        let request = try CGIEnvironment.request(params: base, body: Array("{}".utf8))
        #expect(request.method == "POST")
        #expect(request.path == "/api/v1/x")
        #expect(request.query["limit"] == "5")
        #expect(request.query["ref"] == "a b")
        #expect(request.headers["Authorization"] == "Bearer k")
        #expect(request.headers["x-forwarded-for"] == "1.2.3.4")
        #expect(request.mediaType == "application/json")
        #expect(request.body == Array("{}".utf8))
        #expect(request.remoteAddress == "127.0.0.1")
    }

    @Test func parsesCookiesFirstOccurrenceWinsAndUnquotes() throws {
        var params = base
        params["HTTP_COOKIE"] = "sid=abc; theme=\"dark\"; sid=evil"
        let request = try CGIEnvironment.request(params: params, body: [])
        #expect(request.cookies == ["sid": "abc", "theme": "dark"])
    }

    @Test func missingMethodIsBadRequest() {
        var params = base
        params["REQUEST_METHOD"] = nil
        #expect(throws: HTTPError.self) { try CGIEnvironment.request(params: params, body: []) }
    }

    @Test func lowercaseOrOddMethodIsBadRequest() {
        var params = base
        params["REQUEST_METHOD"] = "g\"et"
        #expect(throws: HTTPError.self) { try CGIEnvironment.request(params: params, body: []) }
    }

    @Test func relativeRequestTargetIsBadRequest() {
        var params = base
        params["REQUEST_URI"] = "api/v1"
        #expect(throws: HTTPError.self) { try CGIEnvironment.request(params: params, body: []) }
    }

    @Test func malformedQueryEscapeIsBadRequest() {
        var params = base
        params["QUERY_STRING"] = "a=%G1"
        #expect(throws: HTTPError.self) { try CGIEnvironment.request(params: params, body: []) }
    }

    @Test func contentLengthMustBeANonNegativeInteger() throws {
        #expect(try CGIEnvironment.contentLength(params: ["CONTENT_LENGTH": "42"]) == 42)
        #expect(try CGIEnvironment.contentLength(params: [:]) == nil)
        #expect(throws: HTTPError.self) { try CGIEnvironment.contentLength(params: ["CONTENT_LENGTH": "-1"]) }
        #expect(throws: HTTPError.self) { try CGIEnvironment.contentLength(params: ["CONTENT_LENGTH": "1e3"]) }
        #expect(throws: HTTPError.self) {
            try CGIEnvironment.contentLength(params: ["CONTENT_LENGTH": "99999999999999999999"])
        }
    }
}
