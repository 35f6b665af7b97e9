import Database
import HTTP
import Logging

/// Registers the server-rendered admin portal's pages.
///
/// Every page lives under `/orgs/{org}/cases/{case}/…`, so the organization and case selection is in
/// the URL (bookmarkable, no server-side "current org"). Drawers and dialogs are query parameters of
/// the page they open on, so everything works without JavaScript.
public enum PortalRoutes {
    public static func register<Context: PortalContext>(into router: inout Router<Context>) {
        func get(_ path: String, _ handler: @escaping @Sendable (Request, Context) throws -> Response) {
            router.get(path, PortalResponder.wrap(handler))
        }
        func post(_ path: String, _ handler: @escaping @Sendable (Request, Context) throws -> Response) {
            router.post(path, PortalResponder.wrap(handler))
        }
        get("/", NavigationController.home)
        get("/login", AuthController.showLogin)
        post("/login", AuthController.login)
        post("/logout", AuthController.logout)
        get("/select", NavigationController.select)
        get("/orgs/:org", NavigationController.organization)
        get("/orgs/:org/cases/:case", NavigationController.organization)

        let base = "/orgs/:org/cases/:case"
        for entry in Sidebar.entries where Sidebar.comingSoon.contains(entry.section) {
            get("\(base)/\(entry.section)", NavigationController.comingSoon(section: entry))
        }
        get("\(base)/audit-log", NavigationController.auditLog)

        get("\(base)/piles", PilesController.list)
        get("\(base)/piles/:id", PilesController.show)
        get("\(base)/review", ReviewQueueController.show)
        get("\(base)/claims/:id", ClaimPageController.show)
        post("\(base)/claims/:id/:action", ClaimReviewController.claimAction)
        post("\(base)/claims/:id/items/:position/:action", ClaimReviewController.itemAction)
        get("\(base)/developer-tools", NavigationController.developerTools)

        let keys = "\(base)/developer-tools/api-credentials"
        get(keys, ApiKeysController.show)
        post(keys, ApiKeysController.create)
        post("\(keys)/:id", ApiKeysController.update)
        post("\(keys)/:id/status", ApiKeysController.setStatus)
        post("\(keys)/:id/delete", ApiKeysController.delete)

        let hooks = "\(base)/developer-tools/webhooks"
        get(hooks, WebhooksController.show)
        post(hooks, WebhooksController.create)
        post("\(hooks)/:id", WebhooksController.update)
        post("\(hooks)/:id/status", WebhooksController.setStatus)
        post("\(hooks)/:id/delete", WebhooksController.delete)
        post("\(hooks)/:id/test", WebhookDeliveriesController.sendTest)
        post("\(hooks)/:id/deliveries/:eventID/resend", WebhookDeliveriesController.resend)
    }
}

/// What portal handlers need from their worker thread's context.
public protocol PortalContext: AnyObject, SendableMetatype {
    /// The thread's own connection, never shared.
    var db: Connection { get }
    var logger: Logger { get }
    /// The configuration the portal reads (keys, allow-list, session lifetime, HTTPS).
    var portalSettings: PortalSettings { get }
}
