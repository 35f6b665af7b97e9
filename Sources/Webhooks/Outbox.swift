import Database
import Tenancy

/// Writes webhook events into the outbox table, inside the caller's transaction.
///
/// The caller commits the event together with the change it reports, so an event exists exactly
/// when its change does; the delivery thread picks it up from there.
public enum Outbox {
    /// Inserts one event and returns its `webhook-id` (stable across retries).
    @discardableResult
    public static func enqueue(
        _ db: Connection, type: WebhookEventType, orgID: String, caseID: String, environment: Environment,
        claimID: Int?, pileID: Int?, targetWebhookID: String? = nil, data: [UInt8]
    ) throws(DatabaseError) -> String {
        let messageID = WebhookMessageID.generate()
        try db.execute(
            """
            INSERT INTO webhook_events
              (message_id, org_id, case_id, environment, type, claim_id, pile_id, target_webhook_id, payload)
            VALUES (\(messageID), \(orgID), \(caseID), \(environment), \(type), \(claimID), \(pileID),
              \(targetWebhookID), \(String(decoding: data, as: UTF8.self)))
            """)
        return messageID
    }
}
