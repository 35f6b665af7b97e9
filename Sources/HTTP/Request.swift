/// One HTTP request as the application sees it, independent of how it arrived.
public struct Request: Sendable {
    public var method: String
    /// The path without the query string, still percent-encoded.
    public var path: String
    public var query: QueryItems
    public var headers: Headers
    public var body: [UInt8]
    public var remoteAddress: String
    /// Values captured by the router for `:name` segments, percent-decoded.
    public var parameters = Parameters()

    public init(
        method: String, path: String, query: QueryItems = QueryItems(), headers: Headers = Headers(),
        body: [UInt8] = [], remoteAddress: String = ""
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// Cookies from the `Cookie` header; the first occurrence of a name wins.
    public var cookies: [String: String] { Cookies.parse(headers["cookie"] ?? "") }

    /// The media type of the body without parameters, lowercased (`application/json`).
    public var mediaType: String? {
        guard let value = headers["content-type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first ?? ""
        return type.trimmingASCIIWhitespace().lowercased()
    }
}

extension Substring {
    func trimmingASCIIWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String { self[...].trimmingASCIIWhitespace() }
}
