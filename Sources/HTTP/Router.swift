/// Maps method and path to a handler, capturing `:name` path segments.
///
/// Built once at start-up and shared by every worker thread; each thread passes its own `Context`
/// (its database connection and the like), so handlers never share mutable state.
public struct Router<Context>: Sendable {
    public typealias Handler = @Sendable (Request, Context) throws -> Response

    /// What a lookup found.
    public enum Match {
        case found(Handler, parameters: Parameters)
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    private struct Route: Sendable {
        let method: String
        let segments: [RouteSegment]
        let handler: Handler
    }

    private var routes: [Route] = []

    public init() {}

    /// Every registered route as `method` and `pattern` (`/api/v1/orgs/:org/…`), in registration
    /// order: what a contract test compares with the OpenAPI document.
    public var registered: [(method: String, pattern: String)] {
        routes.map { ($0.method, Self.pattern($0.segments)) }
    }

    /// `/api/v1/orgs/:org/…` for a route's segments.
    private static func pattern(_ segments: [RouteSegment]) -> String {
        let pieces = segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(let name): ":" + name
            }
        }
        return "/" + pieces.joined(separator: "/")
    }

    /// Registers a route such as `GET /api/v1/orgs/:org/cases/:case`.
    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        add(method, Self.segments(pattern), handler)
    }

    private mutating func add(_ method: String, _ segments: [RouteSegment], _ handler: @escaping Handler) {
        precondition(
            !routes.contains { $0.method == method && $0.segments == segments },
            "duplicate route \(method) \(Self.pattern(segments))"
        )
        routes.append(Route(method: method, segments: segments, handler: handler))
    }

    /// Routes under `prefix` whose handlers receive a child context built from the request (an
    /// authorized case, a signed-in scope). Each request runs `middleware` (outermost first), then
    /// `makeContext`, then the handler, so the middleware also sees what `makeContext` throws.
    ///
    ///     router.group("/api/v1/orgs/:org/cases/:case", context: Authenticator.authorize) { api in
    ///         api.get("/claims/:id", ClaimsController.show)
    ///     }
    public mutating func group<Child>(
        _ prefix: String, _ middleware: any Middleware<Context>...,
        context makeContext: @escaping @Sendable (Request, Context) throws -> Child,
        routes build: (inout Router<Child>) -> Void
    ) {
        var child = Router<Child>()
        build(&child)
        mount(child, at: prefix, middleware: middleware, context: makeContext)
    }

    /// Routes under `prefix`, each run through `middleware` (outermost first), with this context.
    public mutating func group(
        _ prefix: String, _ middleware: any Middleware<Context>..., routes build: (inout Router<Context>) -> Void
    ) {
        var child = Router<Context>()
        build(&child)
        mount(child, at: prefix, middleware: middleware) { _, context in context }
    }

    /// Adds a group's routes under `prefix`, each wrapped as middleware → `makeContext` → handler.
    private mutating func mount<Child>(
        _ child: Router<Child>, at prefix: String, middleware: [any Middleware<Context>],
        context makeContext: @escaping @Sendable (Request, Context) throws -> Child
    ) {
        let prefix = Self.segments(prefix)
        for route in child.routes {
            let handler = route.handler
            let innermost: Handler = { request, context in try handler(request, try makeContext(request, context)) }
            let chain = middleware.reversed().reduce(innermost) { next, layer in
                { request, context in try layer.handle(request, context: context, next: next) }
            }
            add(route.method, prefix + route.segments, chain)
        }
    }

    private static func segments(_ pattern: String) -> [RouteSegment] {
        split(pattern).map { piece in
            piece.hasPrefix(":") ? .parameter(String(piece.dropFirst())) : .literal(String(piece))
        }
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add("GET", pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add("POST", pattern, handler) }

    /// Finds the handler for a request; HEAD falls back to GET.
    public func match(method: String, path: String) throws(HTTPError) -> Match {
        let pieces = Self.split(path)
        var allowed: [String] = []
        var fallback: (Handler, Parameters)?
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

    private static func bind(_ segments: [RouteSegment], to pieces: [Substring]) throws(HTTPError) -> Parameters? {
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
        return Parameters(parameters)
    }
}

/// One piece of a route pattern: fixed text, or a `:name` parameter.
private enum RouteSegment: Sendable, Equatable {
    case literal(String)
    case parameter(String)
}
