import Database
import HTTP
import Logging

/// The context of a signed-in form post: the page's scope plus the form's fields, read only after
/// the form's CSRF token matched (403 and nothing changed otherwise).
public final class PortalChange<Base: PortalContext>: PortalContext {
    public let base: Base
    let scope: PortalScope
    let form: QueryItems

    init(base: Base, scope: PortalScope, form: QueryItems) {
        self.base = base
        self.scope = scope
        self.form = form
    }

    public var db: Connection { base.db }
    public var logger: Logger { base.logger }
    public var portalSettings: PortalSettings { base.portalSettings }

    public func failure(for error: any Error, request: Request) -> ServerFailure {
        base.failure(for: error, request: request)
    }
}
