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
        router.group(base, context: Authenticator.authorize) { api in
            api.get("", ClaimsController.showCase)
            api.post("/claims", ClaimsController.create)
            api.get("/claims", ClaimsController.list)
            api.get("/claims/:id", ClaimsController.show)
            api.post("/piles", PilesController.create)
            api.get("/piles/:id", PilesController.show)
            api.post("/piles/:id/claims", PilesController.addClaims)
            api.get("/piles/:id/claims", PilesController.claims)
            api.post("/piles/:id/submit", PilesController.submit)
        }
    }
}
