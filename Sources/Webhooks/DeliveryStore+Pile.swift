import Database
import Tenancy

/// Pile order (`claim.pile_vetting_done`, API.md "Webhooks"): the events of one pile reach each
/// webhook strictly in claim-id order, the next only after the previous was delivered or gave up.
///
/// A pile's deliveries are created `waiting`; of each (webhook, pile) exactly one is `pending` at a
/// time, the one with the smallest claim id (then id), and only `pending` rows are ever leased.
/// Whoever moves that one out of `pending` promotes the next in the same transaction. So the lease
/// never looks at the rest of the pile, however large it is, and the order holds across processes
/// because each step is one transaction whose decisive reads take locks.
extension DeliveryStore {
    /// Piles tried per call when other processes are already fanning out the first ones.
    static let pileCandidates = 4
    /// Events per statement of a pile's fan-out: `\(list:)` pads to multiples of 256, so 1024 binds.
    static let pileChunk = 1024
    /// Bounds the loop at about a million events; piles hold at most 200,000. Anything beyond is
    /// fanned out by the next call, and that call's promotion step picks it up.
    static let pileChunksMax = 1024

    /// Who a pile's events go to: enabled webhooks of a case and environment, or one target.
    private struct Audience: Hashable {
        let caseID: String
        let environment: Environment
        let target: String?
    }

    /// Fans out one pile whose events await fan-out, if any; returns how many events it handled.
    ///
    /// Processes serialize per pile on a MariaDB named lock taken without waiting: a pile another
    /// process is fanning out is skipped and the next one tried. The lock belongs to the session,
    /// so a process that dies mid-way loses it with its connection.
    func fanOutPile() throws -> Int {
        var after = Int.min
        for _ in 0..<Self.pileCandidates {
            guard
                let pile = try db.first(
                    """
                    SELECT ordered_pile_id FROM webhook_events
                    WHERE fanned_out_at IS NULL AND ordered_pile_id > \(after) ORDER BY ordered_pile_id LIMIT 1
                    """
                )?.decode("ordered_pile_id", as: Int.self)
            else { return 0 }
            after = pile
            let locked = try db.first("SELECT GET_LOCK(CONCAT('claimscore.pile-fanout.', \(pile)), 0) AS locked")
            guard try locked?.decode("locked", as: Int?.self) == 1 else { continue }
            // Always released, also when the fan-out throws; if the connection is gone, so is the lock.
            defer {
                _ = try? db.first("SELECT RELEASE_LOCK(CONCAT('claimscore.pile-fanout.', \(pile))) AS released")
            }
            return try fanOut(pile: pile)
        }
        return 0
    }

    /// All of one pile's unfanned events in ONE transaction: its deliveries (`waiting`), the events
    /// marked fanned out, and the first delivery of each webhook promoted. One transaction, so the
    /// delivery side never sees part of a pile: the promotion picks the smallest claim id of the
    /// whole pile, and no delivery can finish before a smaller claim id of a later part exists.
    ///
    /// Events are taken by id in chunks. The chunk read is deliberately not a locking read: in
    /// REPEATABLE READ a locking range read on `webhook_events_unfanned` would also lock the gap in
    /// front of the pile, where every new event of the API lands, and stall claims for as long as
    /// a large pile takes. A stale snapshot cannot harm here: the insert and the update look at the
    /// same ids again under lock (`fanned_out_at IS NULL`), and an event the snapshot missed stays
    /// unfanned for the next call.
    private func fanOut(pile: Int) throws -> Int {
        try db.transaction {
            var events = 0
            var audiences: Set<Audience> = []
            var after = 0
            for _ in 0..<Self.pileChunksMax {
                let rows = try db.query(
                    """
                    SELECT id, case_id, environment, target_webhook_id FROM webhook_events
                    WHERE fanned_out_at IS NULL AND ordered_pile_id = \(pile) AND id > \(after)
                    ORDER BY id LIMIT \(Self.pileChunk)
                    """)
                guard let last = rows.last else { break }
                after = try last.decode("id")
                var ids: [Int] = []
                for row in rows {
                    ids.append(try row.decode("id"))
                    audiences.insert(
                        Audience(
                            caseID: try row.decode("case_id"), environment: try row.decode("environment"),
                            target: try row.decode("target_webhook_id")))
                }
                try db.execute(
                    """
                    INSERT INTO webhook_deliveries (event_id, webhook_id, pile_id, claim_id, state, next_attempt_at)
                    SELECT e.id, w.id, e.pile_id, e.claim_id, \(DeliveryRecord.State.waiting), NOW(6)
                    FROM webhook_events e
                    JOIN webhooks w ON w.case_id = e.case_id AND w.environment = e.environment AND w.enabled = 1
                      AND (e.target_webhook_id IS NULL OR w.id = e.target_webhook_id)
                    WHERE e.id IN (\(list: ids)) AND e.fanned_out_at IS NULL
                    ORDER BY e.claim_id, e.id, w.id
                    """)
                events +=
                    try db.execute(
                        """
                        UPDATE webhook_events SET fanned_out_at = NOW(6)
                        WHERE id IN (\(list: ids)) AND fanned_out_at IS NULL
                        """
                    ).affectedRows
                if rows.count < Self.pileChunk { break }
            }
            guard events > 0 else { return 0 }
            try promoteFirst(pile: pile, audiences: audiences)
            return events
        }
    }

    /// For each webhook the pile went to that has no pending delivery of it, promotes the first
    /// waiting one. Both reads lock: a snapshot from before the inserts could miss a webhook
    /// enabled meanwhile (its deliveries would wait forever), or still show a pending delivery that
    /// another process has just recorded as delivered without finding a successor.
    private func promoteFirst(pile: Int, audiences: Set<Audience>) throws {
        var webhooks: Set<String> = []
        for audience in audiences {
            for row in try db.query(
                """
                SELECT id FROM webhooks
                WHERE case_id = \(audience.caseID) AND environment = \(audience.environment) AND enabled = 1
                  AND (\(audience.target) IS NULL OR id = \(audience.target))
                LOCK IN SHARE MODE
                """)
            {
                webhooks.insert(try row.decode("id"))
            }
        }
        for webhook in webhooks.sorted() {
            let pending = try db.first(
                """
                SELECT id FROM webhook_deliveries
                WHERE webhook_id = \(webhook) AND pile_id = \(pile) AND state = \(DeliveryRecord.State.pending)
                LIMIT 1 FOR UPDATE
                """)
            if pending == nil { try promoteNext(webhookID: webhook, pileID: pile) }
        }
    }

    /// Makes the waiting delivery of (webhook, pile) with the smallest claim id (then id) due now;
    /// true when there was one. Call it inside the transaction that left the pair without a
    /// pending delivery.
    ///
    /// A locking `SELECT … ORDER BY … LIMIT 1` walks `webhook_deliveries_pile` and stops at the
    /// first entry; MariaDB plans the equivalent `UPDATE … ORDER BY … LIMIT 1` as a filesort of
    /// every waiting row (measured: 28 ms for 20,000, against 0.4 ms), hence two statements.
    @discardableResult
    func promoteNext(webhookID: String, pileID: Int) throws -> Bool {
        guard
            let next = try db.first(
                """
                SELECT id FROM webhook_deliveries
                WHERE webhook_id = \(webhookID) AND pile_id = \(pileID) AND state = \(DeliveryRecord.State.waiting)
                ORDER BY claim_id, id LIMIT 1 FOR UPDATE
                """)?.decode("id", as: Int.self)
        else { return false }
        try db.execute(
            """
            UPDATE webhook_deliveries SET state = \(DeliveryRecord.State.pending), next_attempt_at = NOW(6)
            WHERE id = \(next) AND state = \(DeliveryRecord.State.waiting)
            """)
        return true
    }
}
