/// Maps method and path to a handler, capturing `:name` path segments.
///
/// Built once at start-up and shared by every worker thread; each thread passes its own `Context`
/// (its database connection and the like), so handlers never share mutable state.
public struct Router<Context>: Sendable {
    public typealias Handler = @Sendable (Request, Context) throws -> Response

    /// What a lookup found.
    public enum Match {
        case found(Handler, parameters: [String: String])
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private struct Route: Sendable {
        let method: String
        let segments: [Segment]
        let handler: Handler
    }

    private var routes: [Route] = []

    public init() {}

    /// Every registered route as `method` and `pattern` (`/api/v1/orgs/:org/…`), in registration
    /// order: what a contract test compares with the OpenAPI document.
    public var registered: [(method: String, pattern: String)] {
        routes.map { route in
            let pieces = route.segments.map { segment in
                switch segment {
                case .literal(let text): text
                case .parameter(let name): ":" + name
                }
            }
            return (route.method, "/" + pieces.joined(separator: "/"))
        }
    }

    /// Registers a route such as `GET /api/v1/orgs/:org/cases/:case`.
    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        let segments: [Segment] = Self.split(pattern).map { piece in
            piece.hasPrefix(":") ? .parameter(String(piece.dropFirst())) : .literal(String(piece))
        }
        precondition(
            !routes.contains { $0.method == method && $0.segments == segments }, "duplicate route \(method) \(pattern)")
        routes.append(Route(method: method, segments: segments, handler: handler))
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add("GET", pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add("POST", pattern, handler) }

    /// Finds the handler for a request; HEAD falls back to GET.
    public func match(method: String, path: String) throws(HTTPError) -> Match {
        let pieces = Self.split(path)
        var allowed: [String] = []
        var fallback: (Handler, [String: String])?
        for route in routes {
            guard let parameters = try Self.bind(route.segments, to: pieces) else { continue }
            if route.method == method { return .found(route.handler, parameters: parameters) }
            if method == "HEAD", route.method == "GET" { fallback = (route.handler, parameters) }
            allowed.append(route.method)
        }
        if let fallback { return .found(fallback.0, parameters: fallback.1) }
        if allowed.isEmpty { return .notFound }
        if allowed.contains("GET") { allowed.append("HEAD") }
        return .methodNotAllowed(allowed: allowed.sorted())
    }

    /// Runs the matched handler or throws the 404/405 problem.
    public func handle(_ request: Request, context: Context) throws -> Response {
        switch try match(method: request.method, path: request.path) {
        case .found(let handler, let parameters):
            var request = request
            request.parameters = parameters
            return try handler(request, context)
        case .methodNotAllowed(let allowed):
            throw HTTPError.methodNotAllowed(allowed: allowed)
        case .notFound:
            throw HTTPError.notFound()
        }
    }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func bind(_ segments: [Segment], to pieces: [Substring]) throws(HTTPError) -> [String: String]? {
        guard segments.count == pieces.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, piece) in zip(segments, pieces) {
            switch segment {
            case .literal(let literal):
                guard piece == literal else { return nil }
            case .parameter(let name):
                parameters[name] = try PercentDecoding.decode(piece, plusAsSpace: false)
            }
        }
        return parameters
    }
}
