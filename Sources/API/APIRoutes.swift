import HTTP

/// Registers the `/api/v1` claim and pile endpoints.
public enum APIRoutes {
    public static func register<Context: APIContext>(into router: inout Router<Context>) {}
}

/// What API handlers need from their worker thread's context.
public protocol APIContext: AnyObject {}
