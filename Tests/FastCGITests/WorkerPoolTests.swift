import FastCGI
import Foundation
import HTTP
import Logging
import Synchronization
import Testing

/// Echoes the path; `/slow` takes 600 ms so a stop can find it in flight.
final class EchoHandler: RequestHandler {
    static let closed = Mutex(0)

    func handle(_ request: Request) -> Response {
        if request.path == "/slow" { Thread.sleep(forTimeInterval: 0.6) }
        let text = "\(request.method) \(request.path) \(request.body.count)"
        return Response(status: request.path == "/missing" ? 404 : 200, contentType: "text/plain", body: text)
    }

    func close() { Self.closed.withLock { $0 += 1 } }
}

@Suite(.serialized)
struct WorkerPoolTests {
    private func makeServer(threads: Int = 2, bodyLimit: Int = 1024) throws -> (FastCGIServer, String) {
        let path = NSTemporaryDirectory() + "cs-\(UUID().uuidString.prefix(8)).sock"
        let options = ServerOptions(socketPath: path, threads: threads, bodyLimit: bodyLimit)
        let server = try FastCGIServer(options: options, logger: Logger(label: "test")) { _ in EchoHandler() }
        server.start()
        return (server, path)
    }

    private func params(_ method: String, _ uri: String, length: Int = 0) -> [String: String] {
        ["REQUEST_METHOD": method, "REQUEST_URI": uri, "CONTENT_LENGTH": String(length), "CONTENT_TYPE": "text/plain"]
    }

    @Test func servesRequestsWithStatusHeadersAndBody() throws {
        let (server, path) = try makeServer()
        defer { server.stop() }
        let output = try FastCGITestClient.request(
            socket: path, params: params("POST", "/echo", length: 5), body: Array("hello".utf8))
        #expect(output.hasPrefix("Status: 200 OK\r\n"))
        #expect(output.contains("content-type: text/plain\r\n"))
        #expect(output.hasSuffix("\r\n\r\nPOST /echo 5"))
    }

    @Test func bodyOverTheLimitIs413WithoutReachingTheHandler() throws {
        let (server, path) = try makeServer(bodyLimit: 16)
        defer { server.stop() }
        let body = [UInt8](repeating: 65, count: 100)
        let output = try FastCGITestClient.request(
            socket: path, params: params("POST", "/echo", length: 100), body: body)
        #expect(output.hasPrefix("Status: 413"))
        #expect(output.contains("application/problem+json"))
    }

    @Test func malformedContentLengthIs400() throws {
        let (server, path) = try makeServer()
        defer { server.stop() }
        var p = params("POST", "/echo")
        p["CONTENT_LENGTH"] = "ten"
        #expect(try FastCGITestClient.request(socket: path, params: p).hasPrefix("Status: 400"))
    }

    @Test func headResponsesHaveNoBody() throws {
        let (server, path) = try makeServer()
        defer { server.stop() }
        let output = try FastCGITestClient.request(socket: path, params: params("HEAD", "/x"))
        #expect(output.hasSuffix("\r\n\r\n"))
    }

    @Test func stopFinishesTheRequestInFlightThenClosesEveryHandler() async throws {
        let before = EchoHandler.closed.withLock { $0 }
        let (server, path) = try makeServer(threads: 3)
        let slow = Task.detached { try FastCGITestClient.request(socket: path, params: self.params("GET", "/slow")) }
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        let clean = server.stop()
        let elapsed = ContinuousClock.now - started
        #expect(clean)
        #expect(elapsed < .seconds(3))
        let output = try await slow.value
        #expect(output.hasSuffix("GET /slow 0"))
        #expect(EchoHandler.closed.withLock { $0 } - before == 3)
        #expect(throws: FastCGITestClient.Failure.self) {
            try FastCGITestClient.request(socket: path, params: self.params("GET", "/after"))
        }
    }

    @Test func idleWorkersStopPromptly() throws {
        let (server, _) = try makeServer(threads: 4)
        let started = ContinuousClock.now
        #expect(server.stop())
        #expect(ContinuousClock.now - started < .seconds(1))
    }
}
