import CFastCGI
import HTTP

/// Reads one accepted FastCGI request into Swift values and writes the response back.
///
/// Every string is copied out of libfcgi's buffers before `FCGX_Finish_r`, which frees them.
struct FastCGIExchange {
    let request: UnsafeMutablePointer<FCGX_Request>

    /// The CGI parameters as Swift strings.
    func parameters() -> [String: String] {
        var result: [String: String] = [:]
        guard var cursor = request.pointee.envp else { return result }
        while let entry = cursor.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }

    /// Reads exactly `length` body bytes (fewer if the stream ends early).
    func readBody(length: Int) -> [UInt8] {
        guard length > 0 else { return [] }
        var body = [UInt8](repeating: 0, count: length)
        var filled = 0
        body.withUnsafeMutableBufferPointer { buffer in
            while filled < length {
                let chunk = Int32(min(length - filled, 1 << 16))
                let read = buffer.baseAddress!.advanced(by: filled).withMemoryRebound(
                    to: CChar.self, capacity: Int(chunk)
                ) { FCGX_GetStr($0, chunk, request.pointee.in) }
                if read <= 0 { break }
                filled += Int(read)
            }
        }
        return filled == length ? body : Array(body[..<filled])
    }

    /// Reads and discards the rest of the body so nginx is not left writing into a closed socket.
    func drainBody(upTo limit: Int) {
        var scratch = [CChar](repeating: 0, count: 1 << 16)
        var remaining = limit
        while remaining > 0 {
            let read = scratch.withUnsafeMutableBufferPointer {
                FCGX_GetStr($0.baseAddress, Int32(min(remaining, $0.count)), request.pointee.in)
            }
            if read <= 0 { return }
            remaining -= Int(read)
        }
    }

    /// Writes the CGI status line, headers and (unless HEAD) the body.
    func write(_ response: Response, includeBody: Bool) {
        var head = "Status: \(response.status) \(response.reasonPhrase)\r\n"
        var hasLength = false
        for (name, value) in response.headers {
            // Header injection guard: a value can never start a new header line.
            guard !value.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { continue }
            if name == "content-length" { hasLength = true }
            head += "\(name): \(value)\r\n"
        }
        if !hasLength { head += "content-length: \(response.body.count)\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if includeBody { bytes += response.body }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                _ = FCGX_PutStr($0, Int32(buffer.count), request.pointee.out)
            }
        }
    }
}
