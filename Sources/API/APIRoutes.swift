import Claims
import HTTP

/// Registers the `/api/v1` claim and pile endpoints.
public enum APIRoutes {
    public static func register<Context: APIContext>(into router: inout Router<Context>) {
        let base = "/api/v1/orgs/:org/cases/:case"
        router.get("/api/v1/openapi.json") { _, context in
            var response = JSONBody.raw(context.api.openAPI)
            response.headers.set("cache-control", "public, max-age=300")
            return response
        }
        router.get(base) { request, context in try ClaimsController.showCase(request, context) }
        router.post(base + "/claims") { request, context in try ClaimsController.create(request, context) }
        router.get(base + "/claims") { request, context in try ClaimsController.list(request, context) }
        router.get(base + "/claims/:id") { request, context in try ClaimsController.show(request, context) }
        router.post(base + "/piles") { request, context in try PilesController.create(request, context) }
        router.get(base + "/piles/:id") { request, context in try PilesController.show(request, context) }
        router.post(base + "/piles/:id/claims") { request, context in try PilesController.addClaims(request, context) }
        router.get(base + "/piles/:id/claims") { request, context in try PilesController.claims(request, context) }
        router.post(base + "/piles/:id/submit") { request, context in try PilesController.submit(request, context) }
    }
}
