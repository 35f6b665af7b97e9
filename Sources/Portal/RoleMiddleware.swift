import HTTP
import Tenancy

/// Lets a change through only for roles that `allowed` admits (403 and nothing changed
/// otherwise). It runs after the CSRF check, so a forged form is refused as forged first.
struct RoleMiddleware<Base: PortalContext>: Middleware {
    let allowed: @Sendable (Role) -> Bool

    func handle(
        _ request: Request, context: PortalChange<Base>, next: (Request, PortalChange<Base>) throws -> Response
    ) throws -> Response {
        try context.scope.require(allowed(context.scope.role))
        return try next(request, context)
    }
}
