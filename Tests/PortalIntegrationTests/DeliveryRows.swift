import Database
import Foundation
import Portal
import TestSupport
import Webhooks

/// Delivery log rows written straight into the test database, as the delivery thread would have
/// left them. Events are marked fanned out and deliveries finished (or due far in the future), so
/// the running delivery thread leaves them alone and a test sees exactly its own rows.
enum DeliveryRows {
    struct Event {
        let id: Int
        let messageID: String
    }

    /// A `claim.scored` event of the webhook's case and environment, already fanned out.
    static func event(for hook: WebhookRecord, type: String = "claim.scored") throws -> Event {
        let messageID = WebhookMessageID.generate()
        let result = try TestDatabase.connect().fixtureExecute(
            """
            INSERT INTO webhook_events (message_id, org_id, case_id, environment, type, payload, fanned_out_at)
            VALUES (?, ?, ?, ?, ?, '{}', NOW(6))
            """, messageID, hook.orgID, hook.caseID, hook.environment.rawValue, type)
        return Event(id: result.lastInsertID, messageID: messageID)
    }

    /// A delivery of `event` to `hook`; `pending` ones are due in a day, out of the thread's way.
    /// With `pileID` it keeps that pile's order (and `waiting` ones are left for whoever records
    /// the pile's pending delivery, which nobody does here).
    @discardableResult
    static func delivery(
        _ event: Event, to hook: WebhookRecord, state: String = "delivered", attempts: Int = 0, pileID: Int? = nil
    ) throws -> Int {
        try TestDatabase.connect().fixtureExecute(
            """
            INSERT INTO webhook_deliveries (event_id, webhook_id, pile_id, state, attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, NOW(6) + INTERVAL 1 DAY)
            """, event.id, hook.id, pileID, state, attempts
        ).lastInsertID
    }

    /// One logged attempt of a delivery.
    static func attempt(
        delivery: Int, hook: WebhookRecord, number: Int, statusCode: Int?, durationMS: Int, answer: String,
        error: String? = nil, retryInHours: Int? = nil
    ) throws {
        try TestDatabase.connect().fixtureExecute(
            """
            INSERT INTO webhook_delivery_attempts
              (delivery_id, webhook_id, attempt, started_at, duration_ms, status_code, response_excerpt, error,
               next_attempt_at, sent_by)
            VALUES (?, ?, ?, NOW(6), ?, ?, ?, ?, IF(? IS NULL, NULL, NOW(6) + INTERVAL ? HOUR), 'test:1')
            """, delivery, hook.id, number, durationMS, statusCode, Array(answer.utf8), error, retryInHours,
            retryInHours)
    }

    static func deliveries(eventID: Int) throws -> Int {
        try PortalFixture.count("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE event_id = ?", eventID)
    }

    static func testEvents(webhookID: String) throws -> Int {
        try PortalFixture.count(
            "SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'webhook.test' AND target_webhook_id = ?",
            webhookID)
    }

    /// Polls until `condition` holds (the delivery thread fans events out on its own schedule).
    static func eventually(seconds: Double = 15, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }
}
