import Database
import Foundation

/// The delivery thread's SQL, on the thread's own connection: fan-out of new events, (in
/// `DeliveryStore+Lease.swift`) leasing of due deliveries, (in `DeliveryStore+Pile.swift`) pile
/// fan-out and pile order, and (in `DeliveryStore+Record.swift`) writing outcomes.
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
            let ids = try db.query(
                """
                SELECT id FROM webhook_events WHERE fanned_out_at IS NULL AND ordered_pile_id IS NULL
                ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED
                """
            ).map { row throws(DatabaseError) in try row.decode("id", as: Int.self) }
            guard !ids.isEmpty else { return 0 }
            // One statement for the whole batch; the id list is padded (repeating its last id) to
            // one of a few sizes (`\(list:)`), so the prepared-statement cache sees few texts.
            try db.execute(
                """
                INSERT INTO webhook_deliveries (event_id, webhook_id, claim_id, next_attempt_at)
                SELECT e.id, w.id, e.claim_id, NOW(6)
                FROM webhook_events e
                JOIN webhooks w ON w.case_id = e.case_id AND w.environment = e.environment AND w.enabled = 1
                  AND (e.target_webhook_id IS NULL OR w.id = e.target_webhook_id)
                WHERE e.id IN (\(list: ids))
                ORDER BY e.id, w.id
                """)
            try db.execute("UPDATE webhook_events SET fanned_out_at = NOW(6) WHERE id IN (\(list: ids))")
            return ids.count
        }
    }

    /// The conditional update that takes up to `leaseChunk` leases at once: `ids` is padded with 0
    /// (never a delivery id) to exactly `leaseChunk` placeholders.
    func leaseSQL(ids: ArraySlice<Int>, micros: Int, token: String) -> SQL {
        let padded = Array(ids) + Array(repeating: 0, count: max(0, Self.leaseChunk - ids.count))
        return """
            UPDATE webhook_deliveries
            SET leased_until = NOW(6) + INTERVAL \(micros) MICROSECOND, leased_by = \(worker), lease_token = \(token),
              attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, NOW(6)), last_attempt_at = NOW(6)
            WHERE id IN (\(list: padded))
              AND state = \(DeliveryRecord.State.pending) AND next_attempt_at <= NOW(6)
              AND (leased_until IS NULL OR leased_until < NOW(6))
            """
    }

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
