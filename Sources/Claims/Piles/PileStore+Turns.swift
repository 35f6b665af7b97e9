import Database
import JSON
import Webhooks

/// The pile worker's queue (`piles_turn`, see sql/010): which pile gets the next turn, and what a
/// turn that worked or failed leaves on the pile row.
extension PileStore {
    /// The next organization after `after` (in the index's order; from the first when nil) with
    /// a pile due for the worker. Piles backing off are not due, so they are skipped by the
    /// range read, whatever their number.
    func nextOrganization(after: String?) throws(DatabaseError) -> String? {
        let row =
            if let after {
                try db.first(
                    "SELECT work_org FROM piles WHERE work_org > \(after) AND work_due <= NOW(6) ORDER BY work_org LIMIT 1"
                )
            } else {
                try db.first(
                    "SELECT work_org FROM piles WHERE work_org IS NOT NULL AND work_due <= NOW(6) ORDER BY work_org LIMIT 1"
                )
            }
        return try row?.decode("work_org", as: String?.self)
    }

    /// The organization's due piles, least recently worked first (a new pile before all).
    func duePiles(orgID: String, limit: Int) throws(DatabaseError) -> [Int] {
        try db.query(
            "SELECT id FROM piles WHERE work_org = \(orgID) AND work_due <= NOW(6) ORDER BY work_due, id LIMIT \(limit)"
        ).map { row throws(DatabaseError) in try row.decode("id") }
    }

    /// A turn worked: the failure count starts again, and the pile goes to the back of its
    /// organization's queue.
    func endTurn(pileID: Int) throws(DatabaseError) {
        try db.execute(
            "UPDATE piles SET next_attempt_at = NOW(6), attempts = 0, failure = NULL WHERE id = \(pileID)")
    }

    /// A turn failed for a reason not tied to one claim: count it and back off, or, on the
    /// last allowed failure, park the pile as `failed` and write one `pile.failed` event in the
    /// same transaction. Returns the parked pile, or nil when it will be tried again (or had
    /// already left the worker's hands).
    func recordFailure(pileID: Int, reason: String, policy: PileRetryPolicy) throws -> PileRecord? {
        let reason = reason.prefixScalars(500)
        return try db.transaction {
            guard let pile = try find(id: pileID, lock: true), pile.status == .vetting || pile.status == .finishing
            else { return nil }
            let attempts = pile.attempts + 1
            if let delay = policy.delay(afterAttempts: attempts) {
                try db.execute(
                    """
                    UPDATE piles SET attempts = \(attempts), failure = \(reason),
                      next_attempt_at = DATE_ADD(NOW(6), INTERVAL \(Int(delay * 1_000_000)) MICROSECOND)
                    WHERE id = \(pileID)
                    """)
                return nil
            }
            try db.execute(
                """
                UPDATE piles SET attempts = \(attempts), failure = \(reason), status = \(PileRecord.Status.failed),
                  failed_at = NOW(6)
                WHERE id = \(pileID)
                """)
            guard let parked = try find(id: pileID) else { return nil }
            try Outbox.enqueue(
                db, type: .pileFailed, orgID: parked.orgID, caseID: parked.caseID,
                environment: parked.environment,
                claimID: nil, pileID: parked.id, data: JSONWriter.bytes(parked.document))
            return parked
        }
    }
}
