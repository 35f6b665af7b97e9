import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal FastCGI responder client over a unix socket, enough to drive the worker pool in-process.
enum FastCGITestClient {
    struct Failure: Error {}

    /// Sends one request and returns the raw CGI output (status line, headers, body).
    static func request(socket path: String, params: [String: String], body: [UInt8] = []) throws -> String {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure() }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes + [0])
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else { throw Failure() }
        var out: [UInt8] = []
        out += record(type: 1, [0, 1, 0, 0, 0, 0, 0, 0])  // BEGIN_REQUEST, responder, no keep-conn
        var encoded: [UInt8] = []
        for (name, value) in params {
            encoded += length(name.utf8.count) + length(value.utf8.count) + name.utf8 + value.utf8
        }
        out += record(type: 4, encoded) + record(type: 4, [])
        if !body.isEmpty { out += record(type: 5, body) }
        out += record(type: 5, [])
        _ = out.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        return String(decoding: stdout(of: response), as: UTF8.self)
    }

    private static func length(_ count: Int) -> [UInt8] {
        count < 128
            ? [UInt8(count)]
            : [
                UInt8((count >> 24) | 0x80), UInt8((count >> 16) & 0xff), UInt8((count >> 8) & 0xff),
                UInt8(count & 0xff),
            ]
    }

    private static func record(type: UInt8, _ content: [UInt8]) -> [UInt8] {
        [1, type, 0, 1, UInt8(content.count >> 8), UInt8(content.count & 0xff), 0, 0] + content
    }

    /// Concatenates the STDOUT records of a response stream.
    private static func stdout(of bytes: [UInt8]) -> [UInt8] {
        var index = 0
        var result: [UInt8] = []
        while index + 8 <= bytes.count {
            let type = bytes[index + 1]
            let length = Int(bytes[index + 4]) << 8 | Int(bytes[index + 5])
            let padding = Int(bytes[index + 6])
            let start = index + 8
            if type == 6, start + length <= bytes.count { result += bytes[start..<start + length] }
            index = start + length + padding
        }
        return result
    }
}
