import Testing

@testable import HTTP

struct RouterTests {
    private func makeRouter() -> Router<Void> {
        var router = Router<Void>()
        router.get("/api/v1/health") { _, _ in Response(status: 200, contentType: "text/plain", body: "health") }
        router.get("/api/v1/orgs/:org/cases/:case") { request, _ in
            Response(
                status: 200, contentType: "text/plain",
                body: (request.parameters["org"] ?? "") + "|" + (request.parameters["case"] ?? "")
            )
        }
        router.post("/api/v1/orgs/:org/cases/:case/claims") { _, _ in Response(status: 201) }
        return router
    }

    @Test func capturesPathParametersPercentDecoded() throws {
        let response = try makeRouter().handle(
            Request(method: "GET", path: "/api/v1/orgs/a%20b/cases/c-1"), context: ())
        #expect(String(decoding: response.body, as: UTF8.self) == "a b|c-1")
    }

    @Test func unknownPathIsNotFound() throws {
        #expect(throws: HTTPError.notFound()) {
            try makeRouter().handle(Request(method: "GET", path: "/api/v1/nothing"), context: ())
        }
    }

    @Test func wrongMethodIs405WithAllowHeader() throws {
        do {
            _ = try makeRouter().handle(Request(method: "DELETE", path: "/api/v1/health"), context: ())
            Issue.record("expected 405")
        } catch let error as HTTPError {
            #expect(error.status == 405)
            #expect(error.headers["Allow"] == "GET, HEAD")
        }
    }

    @Test func headFallsBackToGet() throws {
        let response = try makeRouter().handle(Request(method: "HEAD", path: "/api/v1/health"), context: ())
        #expect(response.status == 200)
    }

    @Test func trailingAndDoubleSlashesMatchTheSameRoute() throws {
        let response = try makeRouter().handle(Request(method: "GET", path: "//api/v1/health/"), context: ())
        #expect(response.status == 200)
    }

    @Test func segmentCountMustMatchExactly() throws {
        #expect(throws: HTTPError.self) {
            try makeRouter().handle(Request(method: "GET", path: "/api/v1/orgs/x/cases"), context: ())
        }
    }

    @Test func malformedPercentEncodingInAParameterIs400() throws {
        do {
            _ = try makeRouter().handle(Request(method: "GET", path: "/api/v1/orgs/%zz/cases/c"), context: ())
            Issue.record("expected 400")
        } catch let error as HTTPError {
            #expect(error.status == 400)
        }
    }

    @Test func samePathDifferentMethodsAreDistinct() throws {
        let router = makeRouter()
        let post = try router.handle(Request(method: "POST", path: "/api/v1/orgs/o/cases/c/claims"), context: ())
        #expect(post.status == 201)
        #expect(throws: HTTPError.self) {
            try router.handle(Request(method: "GET", path: "/api/v1/orgs/o/cases/c/claims"), context: ())
        }
    }
}
