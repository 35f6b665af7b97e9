import Database
import Foundation

/// Leasing, fairly: round-robin over the webhooks with due work (`LeasePlan`), each paused as a
/// whole while its circuit breaker is open (`CircuitBreaker`), so one webhook's backlog never takes
/// another's turn or the round's budget.
///
/// Only `pending` rows are leased: pile order is kept by holding all but one delivery of each
/// (webhook, pile) `waiting` (`DeliveryStore+Pile.swift`), so no candidate needs a look at the rest
/// of its pile. A pending delivery only ever becomes due, never undue, so choosing candidates
/// before the conditional update is enough.
extension DeliveryStore {
    /// Webhooks served per round at most: bounds the round's statements (one small read each).
    static let webhooksPerRound = 64
    /// Webhooks with due work read per round at most; far more than any round serves.
    static let dueWebhooksScanned = 4096

    /// The outcome of one lease round: what to send, and where the next round starts.
    struct LeaseRound {
        let deliveries: [LeasedDelivery]
        let cursor: String?
    }

    /// Leases up to `limit` due deliveries: at most `perWebhook` minus `inFlight[id]` for each
    /// webhook (one probe for a half-open breaker, none while it is open), webhooks taken in turn
    /// after `cursor`.
    func lease(
        limit: Int, inFlight: [String: Int], perWebhook: Int, breaker: CircuitBreaker, leaseDuration: TimeInterval,
        after cursor: String?
    ) throws -> LeaseRound {
        guard limit > 0 else { return LeaseRound(deliveries: [], cursor: cursor) }
        let plan = LeasePlan(
            candidates: try dueWebhooks(inFlight: inFlight, perWebhook: perWebhook, breaker: breaker),
            after: cursor, total: limit, maximumWebhooks: Self.webhooksPerRound)
        let micros = Int(leaseDuration * 1_000_000)
        var picks: [LeasePlan.Pick] = []
        var probes: Set<String> = []
        for pick in plan.picks {
            if pick.probe {
                // One probe across all processes: whoever moves paused_until on owns it.
                let claimed = try db.execute(
                    """
                    UPDATE webhooks SET paused_until = NOW(6) + INTERVAL \(micros) MICROSECOND
                    WHERE id = \(pick.webhookID) AND consecutive_failures >= \(breaker.threshold)
                      AND (paused_until IS NULL OR paused_until <= NOW(6))
                    """)
                guard claimed.affectedRows == 1 else { continue }
                probes.insert(pick.webhookID)
            }
            picks.append(pick)
        }
        let candidates = try dueDeliveries(picks)
        for webhook in probes where !candidates.contains(where: { $0.webhookID == webhook }) {
            // Nothing to probe with after all: leave the breaker half-open for the next round.
            try db.execute("UPDATE webhooks SET paused_until = NOW(6) WHERE id = \(webhook)")
        }
        let chosen = candidates.map(\.deliveryID)
        guard !chosen.isEmpty else { return LeaseRound(deliveries: [], cursor: plan.cursor) }
        return LeaseRound(deliveries: try take(chosen, micros: micros), cursor: plan.cursor)
    }

    /// The enabled webhooks whose breaker is not open and whose first pending delivery is due, with
    /// what each may lease now.
    ///
    /// First one index dive on `webhook_deliveries_due` (state, next_attempt_at): when nothing at
    /// all is due, an idle poll costs no more than that. Otherwise the webhooks table is walked and,
    /// for each, its earliest pending delivery read from `webhook_deliveries_webhook_due` (state,
    /// webhook_id, next_attempt_at), one index entry per webhook (`ORDER BY … LIMIT 1` stops at the
    /// first). A backlog of 50,000 rows costs its webhook one entry like any other; a grouped
    /// `MIN(next_attempt_at)` would read every pending row (MariaDB 10.11 does not skip-scan it),
    /// measured 100 ms for 50,000. Leased rows still count as pending, so a webhook whose due work
    /// is all in flight may appear and lease nothing; that costs one small read.
    private func dueWebhooks(
        inFlight: [String: Int], perWebhook: Int, breaker: CircuitBreaker
    ) throws -> [LeasePlan.Candidate] {
        guard
            try db.first(
                """
                SELECT id FROM webhook_deliveries
                WHERE state = \(DeliveryRecord.State.pending) AND next_attempt_at <= NOW(6) LIMIT 1
                """) != nil
        else { return [] }
        let rows = try db.query(
            """
            SELECT w.id AS webhook_id, w.consecutive_failures, UNIX_TIMESTAMP(w.paused_until) AS paused_until,
              UNIX_TIMESTAMP(NOW(6)) AS now
            FROM webhooks w
            WHERE w.enabled = 1 AND (w.paused_until IS NULL OR w.paused_until <= NOW(6))
              AND (
                SELECT d.next_attempt_at FROM webhook_deliveries d FORCE INDEX (webhook_deliveries_webhook_due)
                WHERE d.state = \(DeliveryRecord.State.pending) AND d.webhook_id = w.id
                ORDER BY d.next_attempt_at LIMIT 1
              ) <= NOW(6)
            LIMIT \(Self.dueWebhooksScanned)
            """)
        return try rows.map { row throws(DatabaseError) in
            let webhook: String = try row.decode("webhook_id")
            let pausedUntil: Double? = try row.decode("paused_until")
            let state = breaker.state(
                consecutiveFailures: try row.decode("consecutive_failures"),
                pausedUntil: pausedUntil.map(Date.init(timeIntervalSince1970:)),
                now: Date(timeIntervalSince1970: try row.decode("now")))
            return LeasePlan.Candidate(
                webhookID: webhook,
                budget: breaker.budget(state: state, inFlight: inFlight[webhook] ?? 0, limit: perWebhook),
                probe: state == .halfOpen)
        }
    }

    /// The oldest due, unleased deliveries of each picked webhook, as many as its pick says, in ONE
    /// statement: a `UNION ALL` of one short range read on `webhook_deliveries_webhook_due` per
    /// webhook. Padded to 1, 4, 16 or 64 parts (a part for the nil UUID with `LIMIT 0` reads
    /// nothing), so a few prepared texts serve every round.
    private func dueDeliveries(_ picks: [LeasePlan.Pick]) throws -> [(deliveryID: Int, webhookID: String)] {
        guard !picks.isEmpty else { return [] }
        let size = [1, 4, 16, Self.webhooksPerRound].first { $0 >= picks.count } ?? picks.count
        let parts: [SQL] = (0..<size).map { index in
            let pick = index < picks.count ? picks[index] : nil
            return """
                (SELECT id, webhook_id FROM webhook_deliveries FORCE INDEX (webhook_deliveries_webhook_due)
                WHERE state = \(DeliveryRecord.State.pending)
                  AND webhook_id = \(pick?.webhookID ?? "00000000-0000-0000-0000-000000000000")
                  AND next_attempt_at <= NOW(6) AND (leased_until IS NULL OR leased_until < NOW(6))
                ORDER BY next_attempt_at, id LIMIT \(pick?.count ?? 0))
                """
        }
        return try db.query(SQL.joined(parts, separator: "\nUNION ALL\n")).map { row throws(DatabaseError) in
            (try row.decode("id"), try row.decode("webhook_id"))
        }
    }

    /// Takes the leases with the conditional update (rows another process took meanwhile are
    /// skipped) and reads what was taken, ready to send.
    private func take(_ chosen: [Int], micros: Int) throws -> [LeasedDelivery] {
        let token = Self.newToken()
        for start in stride(from: 0, to: chosen.count, by: Self.leaseChunk) {
            let chunk = chosen[start..<min(start + Self.leaseChunk, chosen.count)]
            try db.execute(leaseSQL(ids: chunk, micros: micros, token: token))
        }
        return try db.query(
            """
            SELECT \(LeasedDelivery.columns)
            FROM webhook_deliveries d
            JOIN webhook_events e ON e.id = d.event_id
            JOIN webhooks w ON w.id = d.webhook_id
            WHERE d.lease_token = \(token)
            ORDER BY d.id
            """, as: LeasedDelivery.self)
    }
}
