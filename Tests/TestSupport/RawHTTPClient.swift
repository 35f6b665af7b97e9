import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A parsed HTTP response.
public struct HTTPResult: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body as a JSON object, or an empty one.
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}

/// A deliberately small HTTP/1.1 client over a plain TCP socket, so tests can send exactly the
/// bytes they mean (malformed requests included) to nginx on loopback.
public enum RawHTTPClient {
    public enum ClientError: Error { case connect(Int32), io, malformed(String) }

    /// Sends a request built from parts; adds Host, Connection: close and Content-Length.
    public static func send(
        _ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = [],
        port: UInt16 = TestEnvironment.port, from source: String = "127.0.0.1"
    ) throws -> HTTPResult {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" || method == "PUT" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return try sendRaw(Array(head.utf8) + body, port: port, from: source)
    }

    /// Sends raw bytes and reads the whole answer (the server closes the connection).
    public static func sendRaw(
        _ bytes: [UInt8], port: UInt16 = TestEnvironment.port, from source: String = "127.0.0.1"
    ) throws -> HTTPResult {
        let fd = try connect(port: port, from: source)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }  // the server may answer (413) before reading everything
            sent += n
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        return try parse(response)
    }

    /// A TCP connection to nginx on loopback from the loopback address `source` (another "client").
    public static func connect(port: UInt16 = TestEnvironment.port, from source: String) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError.connect(errno) }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &local) { local in
            withUnsafePointer(to: &address) { address in
                local.withMemoryRebound(to: sockaddr.self, capacity: 1) { local in
                    address.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
                        return bind(fd, local, size) == 0 ? Glibc.connect(fd, $0, size) : -1
                    }
                }
            }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw ClientError.connect(code)
        }
        return fd
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPResult {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.firstRange(of: separator) else { throw ClientError.malformed("no header end") }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw ClientError.malformed(head) }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        var body = Array(bytes[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
        return HTTPResult(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstRange(of: [13, 10]) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
                throw ClientError.malformed("chunk size")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            result += bytes[start..<min(start + size, bytes.count)]
            index = start + size + 2
        }
        return result
    }
}
