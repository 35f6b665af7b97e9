import Common
import Database
import Foundation
import Logging

extension DeliveryStore {
    /// Writes finished attempts in one transaction: the attempts log, each delivery's next state,
    /// the promotion of the next waiting delivery of a pile whose delivery left `pending`, and the
    /// webhooks' failure bookkeeping (`failing_since`, disabling with `disabled_reason`, the
    /// circuit breaker's `consecutive_failures` and `paused_until`).
    ///
    /// A delivery is only updated while this process's lease token is still on it; a lease that
    /// expired and was taken over is left to its new owner, but the attempt is logged all the same
    /// (it really was sent).
    ///
    /// Webhook rows are updated in webhook-id order, so two processes' transactions lock them in
    /// the same order and cannot deadlock on each other.
    func record(
        _ attempts: [CompletedAttempt], schedule: RetrySchedule, breaker: CircuitBreaker, logger: Logger
    ) throws {
        guard !attempts.isEmpty else { return }
        let ordered = attempts.enumerated().sorted {
            ($0.element.delivery.webhookID, $0.offset) < ($1.element.delivery.webhookID, $1.offset)
        }
        try db.transaction {
            for (_, completed) in ordered {
                try record(completed, schedule: schedule, breaker: breaker, logger: logger)
            }
        }
    }

    private func record(
        _ completed: CompletedAttempt, schedule: RetrySchedule, breaker: CircuitBreaker, logger: Logger
    ) throws {
        let delivery = completed.delivery
        let result = completed.result
        let state = try db.first(
            """
            SELECT \(BreakerState.columns) FROM webhooks WHERE id = \(delivery.webhookID)
            """, as: BreakerState.self)
        let now = state?.now ?? Date()
        let failingSince = state?.failingSince
        let verdict = AttemptVerdict.decide(
            result: result, attempt: delivery.attempt, firstAttemptAt: delivery.firstAttemptAt, now: now,
            failingSince: failingSince, schedule: schedule)

        let nextAttempt: Date?
        let newState: DeliveryRecord.State
        switch verdict.delivery {
        case .delivered: (newState, nextAttempt) = (.delivered, nil)
        case .retry(let at): (newState, nextAttempt) = (.pending, at)
        case .failed: (newState, nextAttempt) = (.failed, nil)
        }
        let started = now.addingTimeInterval(-result.duration)
        do {
            try db.execute(
                """
                INSERT INTO webhook_delivery_attempts
                  (delivery_id, webhook_id, attempt, started_at, duration_ms, status_code, response_excerpt, error,
                   next_attempt_at, sent_by)
                VALUES (\(delivery.deliveryID), \(delivery.webhookID), \(delivery.attempt),
                  FROM_UNIXTIME(\(started.timeIntervalSince1970)), \(Int((result.duration * 1000).rounded())),
                  \(result.statusCode), \(result.excerpt), \(result.error.map { $0.prefixScalars(500) }),
                  FROM_UNIXTIME(\(nextAttempt?.timeIntervalSince1970)), \(worker))
                """)
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
            SET state = \(newState), next_attempt_at = COALESCE(FROM_UNIXTIME(\(nextAttempt?.timeIntervalSince1970)), next_attempt_at),
              completed_at = IF(\(newState == .pending), NULL, NOW(6)), last_status_code = \(result.statusCode),
              last_error = \(result.error.map { $0.prefixScalars(500) }),
              leased_until = NULL, leased_by = NULL, lease_token = NULL
            WHERE id = \(delivery.deliveryID) AND lease_token = \(delivery.leaseToken)
            """)
        if updated.affectedRows == 0 {
            logger.warning(
                "webhook delivery lease was lost before its outcome was written",
                metadata: ["delivery": "\(delivery.deliveryID)", "attempt": "\(delivery.attempt)"])
        } else if verdict.delivery.releasesPileOrder, let pile = delivery.pileID {
            // Same transaction as the state change: no moment where the pair has neither a pending
            // delivery nor a promoted successor, whichever process looks.
            try promoteNext(webhookID: delivery.webhookID, pileID: pile)
        }
        let breakerSet = (state?.consecutiveFailures ?? 0) > 0 || state?.paused == true
        try apply(
            verdict.webhook, webhookID: delivery.webhookID, failingSince: failingSince, breakerSet: breakerSet,
            breaker: breaker, now: now, logger: logger)
    }

    private func apply(
        _ change: AttemptVerdict.WebhookChange, webhookID: String, failingSince: Date?, breakerSet: Bool,
        breaker: CircuitBreaker, now: Date, logger: Logger
    ) throws {
        switch change {
        case .none:
            return
        case .healthy:
            // A success closes the breaker, whatever state it was in.
            guard failingSince != nil || breakerSet else { return }
            try db.execute(
                """
                UPDATE webhooks SET failing_since = NULL, consecutive_failures = 0, paused_until = NULL
                WHERE id = \(webhookID)
                """)
        case .failing(let since):
            // Counted in SQL so failures recorded by several processes at once all count; the read
            // after it sees this transaction's own (locked) row.
            try db.execute(
                """
                UPDATE webhooks SET consecutive_failures = consecutive_failures + 1,
                  failing_since = COALESCE(failing_since, FROM_UNIXTIME(\(since.timeIntervalSince1970)))
                WHERE id = \(webhookID)
                """)
            let failures =
                try db.first("SELECT consecutive_failures FROM webhooks WHERE id = \(webhookID)")?
                .decode("consecutive_failures", as: Int.self) ?? 0
            guard let until = breaker.pausedUntil(consecutiveFailures: failures, now: now) else { return }
            try db.execute(
                "UPDATE webhooks SET paused_until = FROM_UNIXTIME(\(until.timeIntervalSince1970)) WHERE id = \(webhookID)"
            )
            if failures == breaker.threshold {
                logger.notice(
                    "webhook paused: circuit breaker open",
                    metadata: [
                        "webhook": "\(webhookID)", "failures": "\(failures)", "until": "\(RFC3339.format(until))",
                    ])
            }
        case .disable(let reason):
            let disabled = try db.execute(
                """
                UPDATE webhooks SET enabled = 0, disabled_reason = \(reason.prefixScalars(255)),
                  failing_since = COALESCE(failing_since, NOW(6))
                WHERE id = \(webhookID) AND enabled = 1
                """)
            guard disabled.affectedRows > 0 else { return }
            logger.warning("webhook disabled", metadata: ["webhook": "\(webhookID)", "reason": "\(reason)"])
            // A disabled webhook receives nothing: what was still due or queued behind a pile's
            // order for it is cancelled (a delivery promoted just above included).
            let open: [DeliveryRecord.State] = [.pending, .waiting]
            try db.execute(
                """
                UPDATE webhook_deliveries
                SET state = \(DeliveryRecord.State.cancelled), completed_at = NOW(6),
                  last_error = \(reason.prefixScalars(500)), leased_until = NULL, leased_by = NULL, lease_token = NULL
                WHERE webhook_id = \(webhookID) AND state IN (\(list: open))
                """)
        }
    }
}
