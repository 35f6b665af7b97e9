import Foundation
import TestSupport
import Testing

/// Through the real nginx in front of the real worker pool and MariaDB.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct HealthThroughNginxTests {
    @Test func healthReportsDatabaseOK() throws {
        let result = try RawHTTPClient.send("GET", "/api/v1/health")
        #expect(result.status == 200)
        #expect(result.header("content-type") == "application/json")
        #expect(result.json["status"] as? String == "ok")
        #expect(result.json["database"] as? String == "ok")
    }

    @Test func headAnswersWithoutABody() throws {
        let result = try RawHTTPClient.send("HEAD", "/api/v1/health")
        #expect(result.status == 200)
        #expect(result.body.isEmpty)
    }

    @Test func unknownPathIsProblemJSON404() throws {
        let result = try RawHTTPClient.send("GET", "/api/v1/does-not-exist")
        #expect(result.status == 404)
        #expect(result.header("content-type") == "application/problem+json")
        #expect(result.json["status"] as? Int == 404)
        #expect(result.json["type"] as? String == "urn:claimscore:problem:not-found")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let result = try RawHTTPClient.send("DELETE", "/api/v1/health")
        #expect(result.status == 405)
        #expect(result.header("allow") == "GET, HEAD")
        #expect(result.header("content-type") == "application/problem+json")
    }

    @Test func traceWhichNginxRefusesItselfIs405ProblemJSONWithTheResourcesAllow() throws {
        let path = "/api/v1/orgs/\(UUID().uuidString)/cases/\(UUID().uuidString)"
        let claims = try RawHTTPClient.send("TRACE", path + "/claims")
        #expect(claims.status == 405)
        #expect(claims.header("content-type") == "application/problem+json")
        #expect(claims.header("allow") == "GET, HEAD, POST")
        #expect(claims.json["type"] as? String == "urn:claimscore:problem:method-not-allowed")
        #expect(try RawHTTPClient.send("TRACE", path + "/piles/7/submit").header("allow") == "POST")
        #expect(try RawHTTPClient.send("TRACE", "/api/v1/health").header("allow") == "GET, HEAD")
    }

    @Test func bodyOverTheAppLimitIs413ProblemJSON() throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: (8 << 20) + 1)
        let result = try RawHTTPClient.send(
            "POST", "/api/v1/health", headers: ["Content-Type": "text/plain"], body: body)
        #expect(result.status == 413)
        #expect(result.header("content-type") == "application/problem+json")
        #expect(result.json["title"] as? String == "Request body too large")
    }

    @Test func bodyFarOverTheNginxLimitIsAlso413ProblemJSON() throws {
        let body = [UInt8](repeating: 0, count: 17 << 20)
        let result = try RawHTTPClient.send("POST", "/api/v1/health", body: body)
        #expect(result.status == 413)
        #expect(result.header("content-type") == "application/problem+json")
    }

    @Test func malformedQueryEscapeIs400ProblemJSON() throws {
        let result = try RawHTTPClient.send("GET", "/api/v1/health?x=%zz")
        #expect(result.status == 400)
        #expect(result.header("content-type") == "application/problem+json")
    }

    @Test func garbageRequestLineIsRejectedByNginx() throws {
        let result = try RawHTTPClient.sendRaw(Array("GARBAGE\r\n\r\n".utf8))
        #expect(result.status == 400)
    }

    @Test func responsesCarrySecurityHeaders() throws {
        let result = try RawHTTPClient.send("GET", "/api/v1/health")
        #expect(result.header("x-content-type-options") == "nosniff")
        #expect(result.header("x-frame-options") == "DENY")
        #expect(result.header("server") == "nginx")
    }

    @Test func manyConcurrentRequestsAllSucceed() async throws {
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<64 { group.addTask { try RawHTTPClient.send("GET", "/api/v1/health").status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 64)
        #expect(statuses.allSatisfy { $0 == 200 })
    }
}
