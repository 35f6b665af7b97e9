/// Builds a `Request` from the CGI/FastCGI parameters nginx passes.
///
/// Kept apart from the socket code so request parsing is tested without a server.
public enum CGIEnvironment {
    /// The request described by `params`; the body is read separately by the transport.
    public static func request(params: [String: String], body: [UInt8]) throws(HTTPError) -> Request {
        guard let method = params["REQUEST_METHOD"], !method.isEmpty,
            method.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        else {
            throw .badRequest("The request method is missing or malformed.")
        }
        let uri = params["REQUEST_URI"] ?? params["DOCUMENT_URI"] ?? "/"
        let pathPart = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let path = pathPart.isEmpty ? "/" : String(pathPart)
        guard path.hasPrefix("/") else { throw .badRequest("The request target must be an absolute path.") }
        let query = try QueryItems(parsing: params["QUERY_STRING"] ?? "")
        var headers = Headers()
        for (key, value) in params.sorted(by: { $0.key < $1.key }) {
            if key.hasPrefix("HTTP_") {
                let name = key.dropFirst(5).replacingUnderscores()
                headers.add(name, value)
            }
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { headers.set("content-type", type) }
        if let length = params["CONTENT_LENGTH"], !length.isEmpty { headers.set("content-length", length) }
        return Request(
            method: method, path: path, query: query, headers: headers, body: body,
            remoteAddress: params["REMOTE_ADDR"] ?? "")
    }

    /// The declared body length: nil when absent, an error when it is not a non-negative integer.
    public static func contentLength(params: [String: String]) throws(HTTPError) -> Int? {
        guard let raw = params["CONTENT_LENGTH"], !raw.isEmpty else { return nil }
        guard raw.utf8.count <= 18, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(raw) else {
            throw .badRequest("Content-Length must be a non-negative integer.")
        }
        return value
    }
}

extension Substring {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : Character($0.lowercased()) })
    }
}
