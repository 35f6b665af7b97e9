import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// nginx that holds, on loopback: slow clients of one address do not starve another, nginx's own
/// errors answer in the API's shape under /api/ and as HTML elsewhere, and /login is rate limited.
/// (The 9,000-connection and flood figures come from `.ci/bench hold`.)
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct NginxLimitsTests {
    @Test func fiveHundredSlowHeaderConnectionsFrom127_0_0_2DoNotStop127_0_0_1() throws {
        var held: [Int32] = []
        defer { for fd in held { close(fd) } }
        let partial = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
        for _ in 0..<500 {
            let fd = try RawHTTPClient.connect(from: "127.0.0.2")
            held.append(fd)
            _ = partial.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        }
        var durations: [Double] = []
        for path in Array(repeating: "/api/v1/health", count: 20) + Array(repeating: "/", count: 20) {
            let start = ContinuousClock.now
            let result = try RawHTTPClient.send("GET", path)
            let elapsed = ContinuousClock.now - start
            durations.append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
            #expect((200..<400).contains(result.status), "\(path) answered \(result.status)")
        }
        #expect(durations.max() ?? 0 < 2.0, "answered promptly while 500 connections hang: \(durations.max() ?? 0) s")
        // The slow connections are still held open, not reset, while the others were served.
        var open = 0
        for fd in held {
            var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&probe, 1, 0) == 0 { open += 1 }
        }
        #expect(open == held.count)
    }

    @Test func nginxErrorsAreProblemJSONUnderTheAPIAndHTMLElsewhere() throws {
        // HTTP/1.1 without Host: nginx's own 400, before any location is chosen.
        let api = try RawHTTPClient.sendRaw(Array("GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n".utf8))
        #expect(api.status == 400)
        #expect(api.header("content-type") == "application/problem+json")
        #expect(api.json["type"] as? String == "urn:claimscore:problem:bad-request")
        #expect(api.json["status"] as? Int == 400)
        let portal = try RawHTTPClient.sendRaw(Array("GET /login HTTP/1.1\r\nConnection: close\r\n\r\n".utf8))
        #expect(portal.status == 400)
        #expect(portal.header("content-type") == "text/html")
        #expect(portal.text.contains("<h1>Bad request</h1>"))

        let tooLarge = try RawHTTPClient.sendRaw(
            Array(
                "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 17825792\r\n\r\n".utf8)
        )
        #expect(tooLarge.status == 413)
        #expect(tooLarge.header("content-type") == "text/html")

        let notAllowed = try RawHTTPClient.send("POST", "/static/css/portal.css")
        #expect(notAllowed.status == 405)
        #expect(notAllowed.header("content-type") == "text/html")
    }

    /// The suite's nginx exempts 127.0.0.1 (every other test's client) but gives 127.0.0.2 the
    /// shipped limits: /login 10 per minute with a burst of 10.
    @Test func loginIsRateLimitedPerClientAddress() throws {
        var statuses: [Int] = []
        var limited: HTTPResult?
        for _ in 0..<25 {
            let result = try RawHTTPClient.send("GET", "/login", from: "127.0.0.2")
            statuses.append(result.status)
            if result.status == 429 { limited = result }
        }
        let answer = try #require(limited, "25 sign-in requests at once exceed the burst of 10: \(statuses)")
        #expect(statuses.filter { $0 == 429 }.count >= 14, "\(statuses)")
        #expect(answer.header("content-type") == "text/html")
        #expect(answer.header("retry-after") == "1")
        #expect(try RawHTTPClient.send("GET", "/login").status == 200, "another address is not limited")
    }
}
