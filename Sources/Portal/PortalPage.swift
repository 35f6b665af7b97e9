import Database
import HTTP
import Logging

/// The context of a signed-in page under `/orgs/:org/cases/:case`: the worker thread's context plus
/// the `PortalScope` the gate built (session, membership, case). The gate runs as the router
/// group's context builder, so a handler that receives one only deals with its own tenant. Form
/// posts get the subclass `PortalChange`.
public class PortalPage<Base: PortalContext>: PortalContext {
    public let base: Base
    let scope: PortalScope

    init(base: Base, scope: PortalScope) {
        self.base = base
        self.scope = scope
    }

    public var db: Connection { base.db }
    public var logger: Logger { base.logger }
    public var portalSettings: PortalSettings { base.portalSettings }

    public func failure(for error: any Error, request: Request) -> ServerFailure {
        base.failure(for: error, request: request)
    }
}
