import HTTP

/// Registers the server-rendered admin portal's pages.
public enum PortalRoutes {
    public static func register<Context: PortalContext>(into router: inout Router<Context>) {}
}

/// What portal handlers need from the per-thread context.
public protocol PortalContext: AnyObject {}
