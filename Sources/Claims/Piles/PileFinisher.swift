import Database
import HTTP
import JSON
import Scoring
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
            let claimType =
                try db.legacyFirst("SELECT claim_type FROM cases WHERE id = ?", pile.caseID)
                .flatMap { ClaimType(rawValue: try $0.string("claim_type")) } ?? .health
            var after = 0
            var written = 0
            // Bounded: each page moves `after` forward, and a pile holds at most PileStore.maxClaims.
            for _ in 0...(PileStore.maxClaims / Self.pageSize + 1) {
                let claims = try db.legacyQuery(
                    "SELECT \(StoredClaim.columns) FROM claims WHERE pile_id = ? AND id > ? ORDER BY id LIMIT ?",
                    pile.id, after, Self.pageSize
                ).map(StoredClaim.init(row:))
                guard let last = claims.last else { break }
                try Outbox.enqueueMany(
                    db, type: .claimPileVettingDone, orgID: pile.orgID, caseID: pile.caseID,
                    environment: pile.environment,
                    entries: claims.map {
                        Outbox.Entry(
                            claimID: $0.id, pileID: pile.id,
                            data: JSONWriter.bytes(ClaimDocument.build($0, claimType: claimType)))
                    })
                written += claims.count
                after = last.id
            }
            try db.legacyExecute(
                "UPDATE piles SET status = 'vetting_done', done_at = NOW(6) WHERE id = ? AND status = 'finishing'",
                pile.id)
            return written
        }
    }
}
