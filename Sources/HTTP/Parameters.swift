/// The values the router captured for a route's `:name` segments, percent-decoded.
///
/// Handlers ask for a segment with the type they need; a segment that does not convert names no
/// resource, so `require` answers 404 itself and no handler converts strings by hand.
public struct Parameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public init(dictionaryLiteral elements: (String, String)...) {
        values = Dictionary(elements, uniquingKeysWith: { first, _ in first })
    }

    /// The raw segment, or nil when the route has no such parameter.
    public subscript(name: String) -> String? { values[name] }

    /// The segment as `T`: 404 when it does not convert (`/claims/abc`), and a 500 when the route
    /// declares no such parameter (a programming error, never a trap).
    public func require<T: PathParameter>(_ name: String, as type: T.Type = T.self) throws(HTTPError) -> T {
        guard let text = values[name] else { throw HTTPError.internalError }
        guard let value = T(pathSegment: text) else { throw HTTPError.notFound() }
        return value
    }
}

/// A type a path segment converts to.
public protocol PathParameter {
    init?(pathSegment: String)
}

extension String: PathParameter {
    public init?(pathSegment: String) { self = pathSegment }
}

extension Int: PathParameter {
    /// Decimal digits only (no sign, no spaces), at most 18 of them, so the value always fits.
    public init?(pathSegment: String) {
        guard !pathSegment.isEmpty, pathSegment.utf8.count <= 18,
            pathSegment.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int(pathSegment)
        else { return nil }
        self = value
    }
}
