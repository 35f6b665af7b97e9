import Database
import Foundation
import Logging

extension DeliveryStore {
    /// Writes finished attempts in one transaction: the attempts log, each delivery's next state,
    /// the promotion of the next waiting delivery of a pile whose delivery left `pending`, and the
    /// webhooks' failure bookkeeping (`failing_since`, disabling with `disabled_reason`).
    ///
    /// A delivery is only updated while this process's lease token is still on it; a lease that
    /// expired and was taken over is left to its new owner, but the attempt is logged all the same
    /// (it really was sent).
    func record(_ attempts: [CompletedAttempt], schedule: RetrySchedule, logger: Logger) throws {
        guard !attempts.isEmpty else { return }
        try db.transaction {
            for completed in attempts {
                try record(completed, schedule: schedule, logger: logger)
            }
        }
    }

    private func record(_ completed: CompletedAttempt, schedule: RetrySchedule, logger: Logger) throws {
        let delivery = completed.delivery
        let result = completed.result
        let state = try db.first(
            """
            SELECT UNIX_TIMESTAMP(failing_since) AS failing_since, UNIX_TIMESTAMP(NOW(6)) AS now
            FROM webhooks WHERE id = ?
            """, delivery.webhookID)
        let now = Date(timeIntervalSince1970: try state?.double("now") ?? Date().timeIntervalSince1970)
        let failingSince = state?.optionalDouble("failing_since").map(Date.init(timeIntervalSince1970:))
        let verdict = AttemptVerdict.decide(
            result: result, attempt: delivery.attempt, firstAttemptAt: delivery.firstAttemptAt, now: now,
            failingSince: failingSince, schedule: schedule)

        let nextAttempt: Date?
        let newState: String
        switch verdict.delivery {
        case .delivered: (newState, nextAttempt) = ("delivered", nil)
        case .retry(let at): (newState, nextAttempt) = ("pending", at)
        case .failed: (newState, nextAttempt) = ("failed", nil)
        }
        let started = now.addingTimeInterval(-result.duration)
        do {
            try db.execute(
                """
                INSERT INTO webhook_delivery_attempts
                  (delivery_id, webhook_id, attempt, started_at, duration_ms, status_code, response_excerpt, error,
                   next_attempt_at, sent_by)
                VALUES (?, ?, ?, FROM_UNIXTIME(?), ?, ?, ?, ?, FROM_UNIXTIME(?), ?)
                """,
                delivery.deliveryID, delivery.webhookID, delivery.attempt, started.timeIntervalSince1970,
                Int((result.duration * 1000).rounded()), result.statusCode, result.excerpt,
                result.error.map { String($0.prefix(500)) }, nextAttempt?.timeIntervalSince1970, worker)
        } catch {
            // A duplicate is only possible if two processes held one attempt, which the lease rules
            // out; say so loudly rather than fail every other outcome in this transaction.
            guard case .duplicateKey(let key) = error else { throw error }
            logger.error(
                "webhook attempt already logged",
                metadata: ["delivery": "\(delivery.deliveryID)", "attempt": "\(delivery.attempt)", "key": "\(key)"])
        }
        let updated = try db.execute(
            """
            UPDATE webhook_deliveries
            SET state = ?, next_attempt_at = COALESCE(FROM_UNIXTIME(?), next_attempt_at),
              completed_at = IF(? = 'pending', NULL, NOW(6)), last_status_code = ?, last_error = ?,
              leased_until = NULL, leased_by = NULL, lease_token = NULL
            WHERE id = ? AND lease_token = ?
            """,
            newState, nextAttempt?.timeIntervalSince1970, newState, result.statusCode,
            result.error.map { String($0.prefix(500)) }, delivery.deliveryID, delivery.leaseToken)
        if updated.affectedRows == 0 {
            logger.warning(
                "webhook delivery lease was lost before its outcome was written",
                metadata: ["delivery": "\(delivery.deliveryID)", "attempt": "\(delivery.attempt)"])
        } else if verdict.delivery.releasesPileOrder, let pile = delivery.pileID {
            // Same transaction as the state change: no moment where the pair has neither a pending
            // delivery nor a promoted successor, whichever process looks.
            try promoteNext(webhookID: delivery.webhookID, pileID: pile)
        }
        try apply(verdict.webhook, webhookID: delivery.webhookID, failingSince: failingSince, logger: logger)
    }

    private func apply(
        _ change: AttemptVerdict.WebhookChange, webhookID: String, failingSince: Date?, logger: Logger
    ) throws {
        switch change {
        case .none:
            return
        case .healthy:
            guard failingSince != nil else { return }
            try db.execute("UPDATE webhooks SET failing_since = NULL WHERE id = ?", webhookID)
        case .failing(let since):
            guard failingSince == nil else { return }
            try db.execute(
                "UPDATE webhooks SET failing_since = FROM_UNIXTIME(?) WHERE id = ? AND failing_since IS NULL",
                since.timeIntervalSince1970, webhookID)
        case .disable(let reason):
            let disabled = try db.execute(
                """
                UPDATE webhooks SET enabled = 0, disabled_reason = ?, failing_since = COALESCE(failing_since, NOW(6))
                WHERE id = ? AND enabled = 1
                """, String(reason.prefix(255)), webhookID)
            guard disabled.affectedRows > 0 else { return }
            logger.warning("webhook disabled", metadata: ["webhook": "\(webhookID)", "reason": "\(reason)"])
            // A disabled webhook receives nothing: what was still due or queued behind a pile's
            // order for it is cancelled (a delivery promoted just above included).
            try db.execute(
                """
                UPDATE webhook_deliveries
                SET state = 'cancelled', completed_at = NOW(6), last_error = ?, leased_until = NULL, leased_by = NULL,
                  lease_token = NULL
                WHERE webhook_id = ? AND state IN ('pending', 'waiting')
                """, String(reason.prefix(500)), webhookID)
        }
    }
}
