import Database
import Foundation
import HTTP
import Webhooks

/// The webhook drawer's delivery log and its two actions, "Resend" (one event, once more) and
/// "Send test event".
///
/// `DeliveryLog` trusts its caller, so every action first finds the webhook under the
/// organization and case of the URL (404 otherwise, nothing queued), after the CSRF token and the
/// role were checked. Each action is queued in one transaction with its audit entry.
enum WebhookDeliveriesController {
    /// How many deliveries the drawer lists, and how many of their attempts it reads.
    static let deliveryLimit = 20
    static let attemptLimit = 100

    /// What a disabled webhook's drawer says instead of queuing anything.
    static let disabledMessage =
        "This webhook is disabled, so nothing was sent. Enable it with the Status switch to send events to it again."

    /// The "Recent deliveries" section of `hook`'s drawer.
    static func section<Context: PortalContext>(
        _ scope: PortalScope, _ context: Context, hook: WebhookRecord, chrome: PageChrome, problem: String?
    ) throws -> HTML {
        let log = DeliveryLog(db: context.db)
        let model = DeliveryLogView.Model(
            deliveries: try log.recentDeliveries(webhookID: hook.id, limit: deliveryLimit),
            attempts: try log.recentAttempts(webhookID: hook.id, limit: attemptLimit), problem: problem)
        return DeliveryLogView.section(
            chrome: chrome, hook: hook, model: model, canManage: scope.role.canManageDeveloperTools)
    }

    /// `POST …/webhooks/{id}/test`: queues a `webhook.test` event for this webhook only.
    static func sendTest<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws
        -> Response
    {
        let scope = context.scope
        let hook = try WebhooksController.webhook(request.parameters.require("id"), scope: scope, db: context.db)
        do {
            try context.db.transaction {
                let messageID = try DeliveryLog(db: context.db).sendTestEvent(webhookID: hook.id)
                try WebhooksController.audit(
                    scope, context.db, "webhook.test_sent", hook.id, "\(hook.name): webhook.test \(messageID)")
            }
        } catch let error as DeliveryLogError {
            return try refusal(error, scope, context, hook: hook)
        }
        try scope.notice(context, "Test event queued.")
        return backToDrawer(scope, hook)
    }

    /// `POST …/webhooks/{id}/deliveries/{eventID}/resend`: delivers an event of this webhook's log
    /// once more, with its original `webhook-id`.
    static func resend<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws -> Response
    {
        let scope = context.scope
        let hook = try WebhooksController.webhook(request.parameters.require("id"), scope: scope, db: context.db)
        let eventID = try request.parameters.require("eventID", as: Int.self)
        guard try WebhookRegistry(db: context.db).hasDelivery(eventID: eventID, webhookID: hook.id)
        else { throw PortalError.notFound }
        do {
            try context.db.transaction {
                let deliveryID = try DeliveryLog(db: context.db).resend(eventID: eventID, webhookID: hook.id)
                try WebhooksController.audit(
                    scope, context.db, "webhook.event_resent", hook.id,
                    "\(hook.name): event \(eventID) as delivery \(deliveryID)")
            }
        } catch let error as DeliveryLogError {
            return try refusal(error, scope, context, hook: hook)
        }
        try scope.notice(context, "Event queued for resending.")
        return backToDrawer(scope, hook)
    }

    /// A disabled webhook gets the drawer again with the reason (409); an id that vanished in the
    /// meantime is 404; a database failure stays an error.
    private static func refusal<Context: PortalContext>(
        _ error: DeliveryLogError, _ scope: PortalScope, _ context: Context, hook: WebhookRecord
    ) throws -> Response {
        switch error {
        case .webhookDisabled:
            return try WebhooksController.drawerPage(
                scope, context, hook: hook, problem: disabledMessage, status: 409)
        case .webhookNotFound, .eventNotFound:
            throw PortalError.notFound
        case .database(let failure):
            throw failure
        }
    }

    private static func backToDrawer(_ scope: PortalScope, _ hook: WebhookRecord) -> Response {
        PortalResponse.redirect("\(WebhooksController.tabURL(scope))?webhook=\(hook.id)")
    }
}
