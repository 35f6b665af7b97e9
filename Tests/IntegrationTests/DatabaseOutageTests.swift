import Foundation
import Tenancy
import TestSupport
import Testing

/// Kills the test MariaDB with SIGKILL mid-run; `.ci/test` runs this suite alone, after the others.
@Suite(
    .serialized,
    .enabled(if: TestEnvironment.hasStack && TestEnvironment.dbControl != nil, "needs .ci/test's stack and dbctl"))
struct DatabaseOutageTests {
    private func health() throws -> (Int, String?) {
        let result = try RawHTTPClient.send("GET", "/api/v1/health")
        return (result.status, result.json["database"] as? String)
    }

    @Test func healthGoes503WhileMariaDBIsDownAndRecoversAfterRestart() throws {
        #expect(try health().0 == 200)
        #expect(TestEnvironment.controlDatabase("kill"))
        for _ in 0..<8 {
            let (status, database) = try health()
            #expect(status == 503)
            #expect(database == "unavailable")
        }
        // As the OpenAPI document says: 503 with Retry-After, problem+json on the API.
        #expect(try RawHTTPClient.send("GET", "/api/v1/health").header("retry-after") == "1")
        let key = ApiKeyFormat.generate(.production)
        let api = try RawHTTPClient.send(
            "GET", "/api/v1/orgs/\(UUID().uuidString.lowercased())/cases/\(UUID().uuidString.lowercased())",
            headers: ["Authorization": "Bearer \(key)"])
        #expect(api.status == 503)
        #expect(api.header("content-type") == "application/problem+json")
        #expect(api.header("retry-after") == "1")
        #expect(TestEnvironment.controlDatabase("start"))
        // Each worker thread finds its dead connection at most once, then reconnects.
        var recovered = false
        for _ in 0..<50 where !recovered {
            recovered = try health().0 == 200
        }
        #expect(recovered)
        var statuses: [Int] = []
        for _ in 0..<40 { statuses.append(try health().0) }
        #expect(statuses.allSatisfy { $0 == 200 }, "after recovery every request succeeds: \(statuses)")
    }
}
