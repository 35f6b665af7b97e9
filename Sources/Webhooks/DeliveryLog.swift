import Database
import Foundation

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
    public func recentAttempts(webhookID: String, limit: Int = 50) throws(DatabaseError) -> [DeliveryAttemptRecord] {
        try db.legacyQuery(
            Self.attemptSQL + " WHERE a.webhook_id = ? ORDER BY a.id DESC LIMIT ?", webhookID,
            min(max(limit, 1), 200)
        ).map(Self.attempt)
    }

    /// Every attempt of one delivery of the webhook, oldest first.
    public func attempts(deliveryID: Int, webhookID: String) throws(DatabaseError) -> [DeliveryAttemptRecord] {
        try db.legacyQuery(
            Self.attemptSQL + " WHERE a.delivery_id = ? AND a.webhook_id = ? ORDER BY a.attempt", deliveryID,
            webhookID
        ).map(Self.attempt)
    }

    /// The newest deliveries to the webhook with their current state, newest first (at most
    /// `limit`, capped at 200).
    public func recentDeliveries(webhookID: String, limit: Int = 50) throws(DatabaseError) -> [DeliveryRecord] {
        try db.legacyQuery(
            """
            SELECT d.id, d.event_id, e.message_id, e.type, d.pile_id, d.origin, d.state, d.attempts,
              UNIX_TIMESTAMP(d.created_at) AS created_at, UNIX_TIMESTAMP(d.last_attempt_at) AS last_attempt_at,
              UNIX_TIMESTAMP(d.next_attempt_at) AS next_attempt_at, d.last_status_code, d.last_error
            FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
            WHERE d.webhook_id = ? ORDER BY d.id DESC LIMIT ?
            """, webhookID, min(max(limit, 1), 200)
        ).map { row throws(DatabaseError) in
            let state = DeliveryRecord.State(rawValue: try row.string("state")) ?? .pending
            return DeliveryRecord(
                id: try row.int("id"), eventID: try row.int("event_id"), messageID: try row.string("message_id"),
                eventType: try row.string("type"), pileID: row.optionalInt("pile_id"),
                isResend: try row.string("origin") == "resend", state: state,
                attempts: try row.int("attempts"), createdAt: try Self.date(row, "created_at"),
                lastAttemptAt: Self.optionalDate(row, "last_attempt_at"),
                nextAttemptAt: state == .pending ? Self.optionalDate(row, "next_attempt_at") : nil,
                lastStatusCode: row.optionalInt("last_status_code"), lastError: row.optionalString("last_error"))
        }
    }

    /// Delivers the event to the webhook once more, now, as a new delivery with the event's
    /// original `webhook-id` and body (receivers that already have it can drop it). Returns the
    /// new delivery's id. Resends are not held back by pile order: an admin asked for this one.
    @discardableResult
    public func resend(eventID: Int, webhookID: String) throws(DeliveryLogError) -> Int {
        let result: ExecResult
        do {
            result = try db.legacyExecute(
                """
                INSERT INTO webhook_deliveries (event_id, webhook_id, claim_id, origin, next_attempt_at)
                SELECT e.id, w.id, e.claim_id, 'resend', NOW(6)
                FROM webhook_events e JOIN webhooks w ON w.case_id = e.case_id AND w.environment = e.environment
                WHERE e.id = ? AND w.id = ? AND w.enabled = 1
                """, eventID, webhookID)
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
                let webhook = try db.legacyFirst(
                    """
                    SELECT w.org_id, w.case_id, w.environment, w.enabled, c.claim_type
                    FROM webhooks w JOIN cases c ON c.id = w.case_id WHERE w.id = ?
                    """, webhookID)
            else { throw DeliveryLogError.webhookNotFound }
            guard try webhook.bool("enabled") else { throw DeliveryLogError.webhookDisabled }
            let caseID = try webhook.string("case_id")
            let environment = try webhook.string("environment")
            let data = SampleClaim.json(
                health: try webhook.string("claim_type") == "health", caseID: caseID, environment: environment,
                now: now)
            return try Outbox.enqueue(
                db, type: .webhookTest, orgID: try webhook.string("org_id"), caseID: caseID, environment: environment,
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
        let row: Row?
        do {
            row = try db.legacyFirst("SELECT enabled FROM webhooks WHERE id = ?", webhookID)
        } catch {
            throw .database(error)
        }
        guard let row else { throw .webhookNotFound }
        if row.optionalInt("enabled") == 0 { throw .webhookDisabled }
    }

    private static let attemptSQL = """
        SELECT a.delivery_id, d.event_id, e.message_id, e.type, a.attempt, UNIX_TIMESTAMP(a.started_at) AS started_at,
          a.status_code, a.duration_ms, a.response_excerpt, a.error,
          UNIX_TIMESTAMP(a.next_attempt_at) AS next_attempt_at, a.sent_by
        FROM webhook_delivery_attempts a
        JOIN webhook_deliveries d ON d.id = a.delivery_id
        JOIN webhook_events e ON e.id = d.event_id
        """

    private static func attempt(_ row: Row) throws(DatabaseError) -> DeliveryAttemptRecord {
        DeliveryAttemptRecord(
            deliveryID: try row.int("delivery_id"), eventID: try row.int("event_id"),
            messageID: try row.string("message_id"), eventType: try row.string("type"), attempt: try row.int("attempt"),
            startedAt: try date(row, "started_at"), statusCode: row.optionalInt("status_code"),
            durationMilliseconds: try row.int("duration_ms"),
            responseExcerpt: String(decoding: row.bytes("response_excerpt") ?? [], as: UTF8.self),
            error: row.optionalString("error"), nextAttemptAt: optionalDate(row, "next_attempt_at"),
            sentBy: try row.string("sent_by"))
    }

    private static func date(_ row: Row, _ column: String) throws(DatabaseError) -> Date {
        Date(timeIntervalSince1970: try row.double(column))
    }

    private static func optionalDate(_ row: Row, _ column: String) -> Date? {
        row.optionalDouble(column).map(Date.init(timeIntervalSince1970:))
    }
}
