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
        router.group("", PortalErrorMiddleware<Context>()) { portal in
            portal.get("/", NavigationController.home)
            portal.get("/login", AuthController.showLogin)
            portal.post("/login", AuthController.login)
            portal.post("/logout", AuthController.logout)
            portal.get("/select", NavigationController.select)
            portal.get("/orgs/:org", NavigationController.organization)
            portal.get("/orgs/:org/cases/:case", NavigationController.organization)
        }
        // The gate builds each page's scope (session, membership, case) before its handler runs;
        // form posts add the CSRF check, and Developer Tools changes the role check after it.
        router.group("/orgs/:org/cases/:case", PortalErrorMiddleware<Context>(), context: PortalGate.page) { page in
            for entry in Sidebar.entries where Sidebar.comingSoon.contains(entry.section) {
                page.get("/\(entry.section)", NavigationController.comingSoon(section: entry))
            }
            page.get("/audit-log", NavigationController.auditLog)
            page.get("/piles", PilesController.list)
            page.get("/piles/:id", PilesController.show)
            page.get("/review", ReviewQueueController.show)
            page.get("/claims/:id", ClaimPageController.show)
            page.get("/developer-tools", NavigationController.developerTools)
            page.get("/developer-tools/api-credentials", ApiKeysController.show)
            page.get("/developer-tools/webhooks", WebhooksController.show)

            page.group("", context: PortalGate.change) { change in
                change.post("/claims/:id/:action", ClaimReviewController.claimAction)
                change.post("/claims/:id/items/:position/:action", ClaimReviewController.itemAction)
                change.group("/developer-tools", RoleMiddleware(allowed: \.canManageDeveloperTools)) { tools in
                    let keys = "/api-credentials"
                    tools.post(keys, ApiKeysController.create)
                    tools.post("\(keys)/:id", ApiKeysController.update)
                    tools.post("\(keys)/:id/status", ApiKeysController.setStatus)
                    tools.post("\(keys)/:id/delete", ApiKeysController.delete)
                    let hooks = "/webhooks"
                    tools.post(hooks, WebhooksController.create)
                    tools.post("\(hooks)/:id", WebhooksController.update)
                    tools.post("\(hooks)/:id/status", WebhooksController.setStatus)
                    tools.post("\(hooks)/:id/delete", WebhooksController.delete)
                    tools.post("\(hooks)/:id/test", WebhookDeliveriesController.sendTest)
                    tools.post("\(hooks)/:id/deliveries/:eventID/resend", WebhookDeliveriesController.resend)
                }
            }
        }
    }
}

/// What portal handlers need from their worker thread's context.
public protocol PortalContext: AnyObject, SendableMetatype {
    /// The thread's own connection, never shared.
    var db: Connection { get }
    var logger: Logger { get }
    /// The configuration the portal reads (keys, allow-list, session lifetime, HTTPS).
    var portalSettings: PortalSettings { get }
    /// How the application classifies (and logs) a failure that is not the client's: the portal
    /// shows it as its 503 or 500 page.
    func failure(for error: any Error, request: Request) -> ServerFailure
}
