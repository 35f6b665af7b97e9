import Database

extension WebhookRegistry {
    /// Whether the event was ever delivered (or queued) to this webhook.
    ///
    /// `DeliveryLog.resend` accepts any event of the webhook's case and environment, including a
    /// test event aimed at a sibling webhook; the drawer only offers "Resend" for events in the
    /// webhook's own log, so anything else is answered as unknown before anything is queued.
    public func hasDelivery(eventID: Int, webhookID: String) throws -> Bool {
        try db.first(
            "SELECT 1 AS found FROM webhook_deliveries WHERE event_id = \(eventID) AND webhook_id = \(webhookID) LIMIT 1"
        ) != nil
    }
}
