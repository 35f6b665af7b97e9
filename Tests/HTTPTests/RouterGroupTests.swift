import Testing

@testable import HTTP

/// Router groups: a prefix, middleware around every route, and a child context built before the
/// handler runs (hummingbird's router groups are the model).
struct RouterGroupTests {
    /// Records the order it ran in and can answer by itself.
    struct Trace: Middleware {
        let name: String
        func handle(_ request: Request, context: Box, next: (Request, Box) throws -> Response) throws -> Response {
            context.log.append(name)
            if request.headers["x-stop"] == name { return Response(status: 418) }
            return try next(request, context)
        }
    }

    final class Box: @unchecked Sendable {
        var log: [String] = []
    }

    /// What a context builder hands on: the parent plus something it checked.
    struct Checked {
        let box: Box
        let org: String
    }

    /// Turns every thrown `HTTPError` into a response: errors thrown by a context builder reach it.
    struct Render: Middleware {
        func handle(_ request: Request, context: Box, next: (Request, Box) throws -> Response) throws -> Response {
            do { return try next(request, context) } catch let error as HTTPError {
                return Response(status: error.status)
            }
        }
    }

    private func router() -> Router<Box> {
        var router = Router<Box>()
        router.group("/orgs/:org", Render(), Trace(name: "outer"), Trace(name: "inner")) { org in
            org.get("/claims/:id") { request, context in
                context.log.append("handler")
                let id = try request.parameters.require("id", as: Int.self)
                return Response(status: 200, contentType: "text/plain", body: "\(id)")
            }
        }
        router.group(
            "/checked/:org", Render(),
            context: { request, box in
                let org = try request.parameters.require("org", as: String.self)
                guard org == "mine" else { throw HTTPError.forbidden("not yours") }
                return Checked(box: box, org: org)
            }
        ) { checked in
            checked.get("") { _, context in Response(status: 200, contentType: "text/plain", body: context.org) }
            checked.group("/nested") { nested in
                nested.post("/:id") { request, context in
                    Response(
                        status: 201, contentType: "text/plain", body: context.org + (request.parameters["id"] ?? ""))
                }
            }
        }
        return router
    }

    @Test func groupRoutesLiveUnderTheirPrefixAndRunMiddlewareOutermostFirst() throws {
        let box = Box()
        let response = try router().handle(Request(method: "GET", path: "/orgs/o/claims/42"), context: box)
        #expect(response.status == 200 && String(decoding: response.body, as: UTF8.self) == "42")
        #expect(box.log == ["outer", "inner", "handler"])
        #expect(router().registered.map(\.pattern).contains("/orgs/:org/claims/:id"))
    }

    @Test func middlewareMayAnswerWithoutCallingTheHandler() throws {
        let box = Box()
        var request = Request(method: "GET", path: "/orgs/o/claims/1")
        request.headers.add("x-stop", "outer")
        #expect(try router().handle(request, context: box).status == 418)
        #expect(box.log == ["outer"])
    }

    @Test func aParameterThatDoesNotConvertIsA404FromRequire() throws {
        for bad in ["abc", "-1", "1.5", "+3", "9999999999999999999999"] {
            let response = try router().handle(Request(method: "GET", path: "/orgs/o/claims/\(bad)"), context: Box())
            #expect(response.status == 404, "\(bad)")
        }
    }

    @Test func theChildContextIsBuiltBeforeTheHandlerAndItsRefusalReachesTheMiddleware() throws {
        let router = router()
        let mine = try router.handle(Request(method: "GET", path: "/checked/mine"), context: Box())
        #expect(String(decoding: mine.body, as: UTF8.self) == "mine")
        #expect(try router.handle(Request(method: "GET", path: "/checked/theirs"), context: Box()).status == 403)
        let nested = try router.handle(Request(method: "POST", path: "/checked/mine/nested/7"), context: Box())
        #expect(nested.status == 201 && String(decoding: nested.body, as: UTF8.self) == "mine7")
    }

    @Test func requireNamesAMissingParameterAsAServerFaultNotATrap() {
        let parameters: Parameters = ["id": "5"]
        #expect(throws: HTTPError.internalError) { try parameters.require("nope", as: Int.self) }
        #expect(throws: Never.self) { try parameters.require("id", as: Int.self) }
    }
}
