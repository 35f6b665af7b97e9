import Database
import JSON
import Tenancy
import Webhooks

/// Takes a pile from 'finishing' to 'vetting_done': one `claim.pile_vetting_done` event per
/// claim, in claim-id order, written in the same transaction as the status change.
///
/// One transaction means the events exist exactly when the pile is done, and the delivery side
/// never sees part of a pile (it fans a pile out whole and sends it in claim-id order). A crash
/// rolls it back and the worker runs it again.
struct PileFinisher {
    let db: Connection

    /// Claims read per query while writing the events.
    static let pageSize = 1000

    /// Returns the number of events written (nil when the pile was not finishing).
    func finish(pileID: Int) throws -> Int? {
        try db.transaction {
            guard let pile = try PileStore(db: db).find(id: pileID, lock: true), pile.status == .finishing else {
                return nil
            }
            guard let caseRecord = try TenantStore(db: db).caseRecord(id: pile.caseID) else {
                throw PileWorkError.caseMissing(pile.caseID)
            }
            var after = 0
            var written = 0
            // Bounded: each page moves `after` forward, and a pile holds at most PileStore.maxClaims.
            for _ in 0...(PileStore.maxClaims / Self.pageSize + 1) {
                let claims = try db.query(
                    """
                    SELECT \(StoredClaim.columns) FROM claims WHERE pile_id = \(pile.id) AND id > \(after)
                    ORDER BY id LIMIT \(Self.pageSize)
                    """, as: StoredClaim.self)
                guard let last = claims.last else { break }
                try Outbox.enqueueMany(
                    db, type: .claimPileVettingDone, orgID: pile.orgID, caseID: pile.caseID,
                    environment: pile.environment,
                    entries: claims.map {
                        Outbox.Entry(
                            claimID: $0.id, pileID: pile.id,
                            data: JSONWriter.bytes(ClaimDocument.build($0, claimType: caseRecord.claimType)))
                    })
                written += claims.count
                after = last.id
            }
            try db.execute(
                """
                UPDATE piles SET status = \(PileRecord.Status.vettingDone), done_at = NOW(6)
                WHERE id = \(pile.id) AND status = \(PileRecord.Status.finishing)
                """)
            return written
        }
    }
}
