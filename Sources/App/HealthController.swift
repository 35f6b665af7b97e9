import Database
import HTTP

/// `GET /api/v1/health`: one database round trip, so a load balancer sees a worker that cannot serve.
enum HealthController {
    struct Status: Encodable {
        let status: String
        let database: String
    }

    static func health(_ request: Request, _ context: RequestContext) throws -> Response {
        do {
            try context.db.ping()
            return JSONBody.response(Status(status: "ok", database: "ok"))
        } catch {
            context.logger.throttled(.warning, "health check failed", error: error)
            var response = JSONBody.response(Status(status: "unavailable", database: "unavailable"), status: 503)
            response.headers.set("retry-after", "1")
            return response
        }
    }
}
