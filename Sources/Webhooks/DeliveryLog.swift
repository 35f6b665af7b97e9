import Database
import Foundation
import Tenancy

/// What the portal's webhook drawer reads and does: recent deliveries and attempts, "Resend" and
/// "Send test event". Runs on the calling worker thread's connection.
///
/// The caller has already checked that the signed-in user may see `webhookID` (it belongs to the
/// organization in the URL); everything here is then scoped by that webhook, and a resend only
/// accepts an event of the webhook's own case and environment.
public struct DeliveryLog {
    private let db: Connection

    public init(db: Connection) {
        self.db = db
    }

    /// The newest attempts to the webhook, newest first (at most `limit`, capped at 200).
    public func recentAttempts(webhookID: String, limit: Int = 50) throws -> [DeliveryAttemptRecord] {
        try db.query(
            Self.attemptsQuery
                + "WHERE a.webhook_id = \(webhookID) ORDER BY a.id DESC LIMIT \(min(max(limit, 1), 200))",
            as: DeliveryAttemptRecord.self)
    }

    /// Every attempt of one delivery of the webhook, oldest first.
    public func attempts(deliveryID: Int, webhookID: String) throws -> [DeliveryAttemptRecord] {
        try db.query(
            Self.attemptsQuery
                + "WHERE a.delivery_id = \(deliveryID) AND a.webhook_id = \(webhookID) ORDER BY a.attempt",
            as: DeliveryAttemptRecord.self)
    }

    /// The newest deliveries to the webhook with their current state, newest first (at most
    /// `limit`, capped at 200).
    public func recentDeliveries(webhookID: String, limit: Int = 50) throws -> [DeliveryRecord] {
        try db.query(
            """
            SELECT \(DeliveryRecord.columns)
            FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
            WHERE d.webhook_id = \(webhookID) ORDER BY d.id DESC LIMIT \(min(max(limit, 1), 200))
            """, as: DeliveryRecord.self)
    }

    /// Delivers the event to the webhook once more, now, as a new delivery with the event's
    /// original `webhook-id` and body (receivers that already have it can drop it). Returns the
    /// new delivery's id. Resends are not held back by pile order: an admin asked for this one.
    @discardableResult
    public func resend(eventID: Int, webhookID: String) throws(DeliveryLogError) -> Int {
        let result: ExecResult
        do {
            result = try db.execute(
                """
                INSERT INTO webhook_deliveries (event_id, webhook_id, claim_id, origin, next_attempt_at)
                SELECT e.id, w.id, e.claim_id, 'resend', NOW(6)
                FROM webhook_events e JOIN webhooks w ON w.case_id = e.case_id AND w.environment = e.environment
                WHERE e.id = \(eventID) AND w.id = \(webhookID) AND w.enabled = 1
                """)
        } catch {
            throw .database(error)
        }
        if result.affectedRows == 1 { return result.lastInsertID }
        try requireEnabled(webhookID)
        throw .eventNotFound
    }

    /// Queues a `webhook.test` event with a sample claim of the webhook's case type, for this
    /// webhook only; it is signed and delivered like any other event. Returns its `webhook-id`.
    @discardableResult
    public func sendTestEvent(webhookID: String, now: Date = Date()) throws(DeliveryLogError) -> String {
        do {
            guard
                let webhook = try db.first(
                    "SELECT org_id, case_id, environment, enabled FROM webhooks WHERE id = \(webhookID)")
            else { throw DeliveryLogError.webhookNotFound }
            guard try webhook.decode("enabled", as: Bool.self) else { throw DeliveryLogError.webhookDisabled }
            let orgID: String = try webhook.decode("org_id")
            let caseID: String = try webhook.decode("case_id")
            let environment: Environment = try webhook.decode("environment")
            // The case is Tenancy's: its claim type picks the sample.
            guard let caseRecord = try TenantStore(db: db).caseRecord(orgID: orgID, caseID: caseID) else {
                throw DeliveryLogError.webhookNotFound
            }
            let data = SampleClaim.json(
                health: caseRecord.claimType == .health, caseID: caseID, environment: environment.rawValue, now: now)
            return try Outbox.enqueue(
                db, type: .webhookTest, orgID: orgID, caseID: caseID, environment: environment,
                claimID: nil, pileID: nil, targetWebhookID: webhookID, data: Array(data.utf8))
        } catch let error as DeliveryLogError {
            throw error
        } catch let error as DatabaseError {
            throw .database(error)
        } catch {
            throw .database(.failed(code: 0, message: "\(error)"))
        }
    }

    /// Tells "no such webhook" and "disabled" apart after a resend inserted nothing.
    private func requireEnabled(_ webhookID: String) throws(DeliveryLogError) {
        let enabled: Bool?
        do {
            enabled = try db.first("SELECT enabled FROM webhooks WHERE id = \(webhookID)")?.decode("enabled")
        } catch {
            throw .database(error)
        }
        guard let enabled else { throw .webhookNotFound }
        if !enabled { throw .webhookDisabled }
    }

    /// The attempts log joined to its delivery and event, ready for a `WHERE`.
    private static let attemptsQuery: SQL = """
        SELECT \(DeliveryAttemptRecord.columns)
        FROM webhook_delivery_attempts a
        JOIN webhook_deliveries d ON d.id = a.delivery_id
        JOIN webhook_events e ON e.id = d.event_id

        """
}
