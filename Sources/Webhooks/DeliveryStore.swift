import Database
import Foundation

/// The delivery thread's SQL, on the thread's own connection: fan-out of new events, leasing of
/// due deliveries, (in `DeliveryStore+Pile.swift`) pile fan-out and pile order, and (in
/// `DeliveryStore+Record.swift`) writing outcomes.
///
/// Leases are taken with a conditional `UPDATE` (state pending, due, lease free or expired), which
/// InnoDB evaluates against the latest committed row under a row lock: of several processes
/// racing for one row exactly one matches, so no attempt is ever sent twice while its lease
/// lasts. Nothing is held locked while a request is in flight.
final class DeliveryStore {
    /// Ids claimed per lease statement; `leaseSQL` has exactly this many placeholders for them
    /// (unused ones get 0, never an id) so one prepared statement serves every batch.
    static let leaseChunk = 16

    let db: Connection
    /// `host:pid`, written to `leased_by` and the attempts log.
    let worker: String

    init(db: Connection, worker: String) {
        self.db = db
        self.worker = worker
    }

    /// Turns up to `limit` new events into delivery rows, one per enabled webhook of the event's
    /// case and environment (or only its target webhook), and marks the events fanned out.
    /// Returns how many events were handled. `SKIP LOCKED` lets processes fan out side by side.
    ///
    /// Pile events (`ordered_pile_id` set) are left to `fanOutPile()`, which fans out a whole pile
    /// at once; the index `webhook_events_unfanned` keeps them out of this scan altogether.
    func fanOut(limit: Int) throws -> Int {
        let waiting = try db.first(
            "SELECT id FROM webhook_events WHERE fanned_out_at IS NULL AND ordered_pile_id IS NULL LIMIT 1")
        guard waiting != nil else { return 0 }
        return try db.transaction {
            let events = try db.query(
                """
                SELECT id FROM webhook_events WHERE fanned_out_at IS NULL AND ordered_pile_id IS NULL
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
                """, limit)
            let ids = try events.map { try $0.int("id") }
            guard !ids.isEmpty else { return 0 }
            // One statement for the whole batch; the id list is padded (repeating its last id) to
            // one of a few sizes (SQLList), so the prepared-statement cache sees few texts.
            let list = SQLList(ids.map { $0 as any Bindable })
            try db.execute(
                """
                INSERT INTO webhook_deliveries (event_id, webhook_id, claim_id, next_attempt_at)
                SELECT e.id, w.id, e.claim_id, NOW(6)
                FROM webhook_events e
                JOIN webhooks w ON w.case_id = e.case_id AND w.environment = e.environment AND w.enabled = 1
                  AND (e.target_webhook_id IS NULL OR w.id = e.target_webhook_id)
                WHERE e.id IN (\(list.placeholders))
                ORDER BY e.id, w.id
                """, values: list.values)
            try db.execute(
                "UPDATE webhook_events SET fanned_out_at = NOW(6) WHERE id IN (\(list.placeholders))",
                values: list.values)
            return events.count
        }
    }

    /// Leases up to `limit` due deliveries, at most `perWebhook[id]` for each webhook (webhooks
    /// missing from the dictionary get `defaultPerWebhook`, those at 0 are skipped), and returns
    /// them ready to send.
    ///
    /// Only `pending` rows are leased: pile order is kept by holding all but one delivery of each
    /// (webhook, pile) `waiting` (`DeliveryStore+Pile.swift`), so no candidate needs a look at
    /// the rest of its pile. A pending delivery only ever becomes due, never undue, so choosing
    /// candidates before the conditional update is enough.
    func lease(
        limit: Int, freeSlots: [String: Int], defaultPerWebhook: Int, leaseDuration: TimeInterval
    ) throws -> [LeasedDelivery] {
        guard limit > 0 else { return [] }
        let busy = freeSlots.filter { $0.value <= 0 }.keys.sorted().joined(separator: ",")
        let candidates = try db.query(
            """
            SELECT d.id, d.webhook_id FROM webhook_deliveries d
            JOIN webhooks w ON w.id = d.webhook_id AND w.enabled = 1
            WHERE d.state = 'pending' AND d.next_attempt_at <= NOW(6)
              AND (d.leased_until IS NULL OR d.leased_until < NOW(6))
              AND FIND_IN_SET(d.webhook_id, ?) = 0
            ORDER BY d.next_attempt_at, d.id
            LIMIT ?
            """, busy, limit * 4)
        var remaining = freeSlots
        var chosen: [Int] = []
        for row in candidates where chosen.count < limit {
            let webhook = try row.string("webhook_id")
            let free = remaining[webhook] ?? defaultPerWebhook
            guard free > 0 else { continue }
            remaining[webhook] = free - 1
            chosen.append(try row.int("id"))
        }
        guard !chosen.isEmpty else { return [] }
        let token = Self.newToken()
        let micros = Int(leaseDuration * 1_000_000)
        for start in stride(from: 0, to: chosen.count, by: Self.leaseChunk) {
            var ids: [any Bindable] = chosen[start..<min(start + Self.leaseChunk, chosen.count)].map { $0 }
            ids += [any Bindable](repeating: 0, count: Self.leaseChunk - ids.count)
            try db.execute(Self.leaseSQL, values: [micros, worker, token] + ids)
        }
        return try db.query(
            """
            SELECT d.id, d.attempts, d.event_id, d.webhook_id, d.pile_id,
              UNIX_TIMESTAMP(d.first_attempt_at) AS first_attempt_at,
              e.message_id, e.type, e.payload, UNIX_TIMESTAMP(e.created_at) AS event_time, w.url, w.secret_sealed
            FROM webhook_deliveries d
            JOIN webhook_events e ON e.id = d.event_id
            JOIN webhooks w ON w.id = d.webhook_id
            WHERE d.lease_token = ?
            ORDER BY d.id
            """, token
        ).map { row throws(DatabaseError) in
            LeasedDelivery(
                deliveryID: try row.int("id"), attempt: try row.int("attempts"),
                webhookID: try row.string("webhook_id"), pileID: row.optionalInt("pile_id"),
                eventID: try row.int("event_id"), messageID: try row.string("message_id"),
                eventType: try row.string("type"), payload: try row.string("payload"),
                eventTime: Date(timeIntervalSince1970: try row.double("event_time")), url: try row.string("url"),
                secretSealed: row.bytes("secret_sealed") ?? [],
                firstAttemptAt: Date(timeIntervalSince1970: try row.double("first_attempt_at")), leaseToken: token)
        }
    }

    private static let leaseSQL = """
        UPDATE webhook_deliveries
        SET leased_until = NOW(6) + INTERVAL ? MICROSECOND, leased_by = ?, lease_token = ?, attempts = attempts + 1,
          first_attempt_at = COALESCE(first_attempt_at, NOW(6)), last_attempt_at = NOW(6)
        WHERE id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          AND state = 'pending' AND next_attempt_at <= NOW(6) AND (leased_until IS NULL OR leased_until < NOW(6))
        """

    /// 128 random bits in hex: unguessable and unique per lease batch.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next()] as [UInt64]
        return words.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
