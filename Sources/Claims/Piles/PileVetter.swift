import Database
import HTTP
import Logging
import Scoring

/// Auto-vets a pile's claims in batches, in claim-id order, with the engine of the real-time
/// path (`ClaimScoring`), and moves the pile on when the last one is done.
///
/// A batch is one transaction: its claims are selected `FOR UPDATE` among those not scored yet,
/// and each is written with `scored_at`, its items, its signals and the pile's counters. A crash
/// rolls the batch back whole, and the next run selects exactly those claims again, so nothing
/// is lost and nothing is vetted twice. One worker vets a pile at a time (the caller holds the
/// pile's named lock), so history (duplicate encounters) sees the pile's claims in order.
struct PileVetter {
    let db: Connection
    let scorers: ScorerCache
    let validator: ClaimValidator
    let logger: Logger

    /// Claims per transaction: big enough to amortise the commit, small enough to stop quickly.
    static let batchSize = 500

    /// Vets the next batch of an in-vetting pile. Returns the number of claims vetted (0 when the
    /// pile had none left, in which case the pile has just moved on).
    func vetBatch(pileID: Int) throws -> Int {
        try db.transaction {
            guard let pile = try PileStore(db: db).find(id: pileID, lock: true), pile.status == .vetting else {
                return 0
            }
            let claims = try db.query(
                """
                SELECT \(StoredClaim.columns) FROM claims WHERE pile_id = ? AND scored_at IS NULL
                ORDER BY id LIMIT ? FOR UPDATE
                """, pileID, Self.batchSize
            ).map(StoredClaim.init(row:))
            if !claims.isEmpty { try vet(claims, of: pile) }
            if claims.count < Self.batchSize { try finishVetting(pileID: pileID) }
            return claims.count
        }
    }

    private func vet(_ claims: [StoredClaim], of pile: PileRecord) throws {
        guard let caseRow = try db.first("SELECT claim_type, settings FROM cases WHERE id = ?", pile.caseID) else {
            throw PileWorkError.caseMissing(pile.caseID)
        }
        let claimType = ClaimType(rawValue: try caseRow.string("claim_type")) ?? .health
        let scorer = try scorers.scorer(caseID: pile.caseID, settingsJSON: try caseRow.string("settings"))
        let scoring = ClaimScoring(
            db: db, caseID: pile.caseID, environment: pile.environment, claimType: claimType, scorer: scorer)
        let stage: Int? = pile.auditLevels > 0 ? 1 : nil
        var items: [(claimID: Int, items: [VettedItem])] = []
        var tally = (approved: 0, rejected: 0, pending: 0)
        for var claim in claims {
            let now = Timestamp.nowMicros()
            let result: ClaimScoring.Scored
            do {
                let validated = try validator.validate(.object(claim.request), claimType: claimType)
                result = try scoring.score(validated.claim, now: now)
            } catch let error as HTTPError {
                // Stored claims passed validation when they arrived; if a later version of the
                // validator disagrees, the claim is kept and marked not analysable, not dropped.
                logger.error(
                    "stored pile claim no longer validates",
                    metadata: ["claim": "\(claim.id)", "error": "\(error.detail)"])
                result = ClaimScoring.Scored(result: .insufficient, signals: [], claimantHash: [], scoredAt: now)
            }
            scoring.apply(result, to: &claim)
            claim.auditStage = stage
            try db.execute(
                """
                UPDATE claims SET scored_at = ?, score = ?, determination = ?, approved_amount = ?, approval_status = ?,
                  vetted_at = ?, audit_stage = ?, result_json = ?
                WHERE id = ?
                """,
                claim.scoredAt.map { Timestamp.sql(micros: $0) }, claim.score, claim.determination,
                claim.approvedAmount, claim.approvalStatus, Timestamp.sql(micros: claim.vettedAt ?? result.scoredAt),
                claim.auditStage, claim.result.map { JSONWriter.string(.object($0)) }, claim.id)
            if !result.signals.isEmpty { try scoring.recordSignals(result, claimID: claim.id, atMicros: now) }
            if !result.result.items.isEmpty { items.append((claim.id, result.result.items)) }
            switch claim.approvalStatus {
            case 1: tally.approved += 1
            case 0: tally.rejected += 1
            default: tally.pending += 1
            }
        }
        try ClaimStore(db: db).insertItems(items)
        // Without audits a vetted claim is final, so it counts as approved, rejected or pending now.
        let final = stage == nil
        try db.execute(
            """
            UPDATE piles SET claims_vetted = claims_vetted + ?, claims_awaiting_audit = claims_awaiting_audit + ?,
              claims_approved = claims_approved + ?, claims_rejected = claims_rejected + ?,
              claims_pending = claims_pending + ?
            WHERE id = ?
            """, claims.count, final ? 0 : claims.count, final ? tally.approved : 0, final ? tally.rejected : 0,
            final ? tally.pending : 0, pile.id)
    }

    /// Every claim is vetted: on to the audits, or straight to finishing when none are waiting
    /// (no audit levels, or reviewers already passed every vetted claim).
    private func finishVetting(pileID: Int) throws {
        try db.execute(
            """
            UPDATE piles SET status = IF(audit_levels > 0 AND claims_awaiting_audit > 0, 'in_audit', 'finishing'),
              vetted_at = NOW(6)
            WHERE id = ? AND status = 'vetting'
            """, pileID)
    }
}

/// Why the pile worker could not go on with a pile (logged; the pile is tried again later).
enum PileWorkError: Error, CustomStringConvertible {
    case caseMissing(String)

    var description: String {
        switch self {
        case .caseMissing(let id): "the pile's case \(id) no longer exists"
        }
    }
}
