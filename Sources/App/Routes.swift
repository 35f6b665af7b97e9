import API
import HTTP
import Portal

/// Every route of the service, built once and shared by all worker threads.
public enum Routes {
    public static func make() -> Router<RequestContext> {
        var router = Router<RequestContext>()
        router.get("/api/v1/health", HealthController.health)
        APIRoutes.register(into: &router)
        PortalRoutes.register(into: &router)
        return router
    }
}
