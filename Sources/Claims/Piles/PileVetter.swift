import Common
import Database
import JSON
import Logging
import Scoring
import Tenancy

/// Auto-vets a pile's claims in batches, in claim-id order, with the engine of the real-time
/// path (`ClaimScoring`), and moves the pile on when the last one is done.
///
/// A batch is one transaction: its claims are selected `FOR UPDATE` among those not scored yet,
/// and each is written with `scored_at`, its items, its signals and the pile's counters. A crash
/// rolls the batch back whole, and the next run selects exactly those claims again, so nothing
/// is lost and nothing is vetted twice. One worker vets a pile at a time (the caller holds the
/// pile's named lock), so history (duplicate encounters) sees the pile's claims in order.
///
/// A batch that fails for what may be one of its claims is split in halves, each vetted in its
/// own transaction, and a failing half split again, until the claims that fail alone are found:
/// each is marked with its `vetting_error` and counted as vetted and failed, and the pile goes on.
/// One bad claim in 500 costs about 2 × log2(500) = 18 extra transactions.
struct PileVetter {
    let db: Connection
    let engine: ClaimEngine
    let logger: Logger

    /// Claims per transaction: big enough to amortise the commit, small enough to stop quickly.
    static let batchSize = 500

    /// Vets the next batch of an in-vetting pile. Returns the number of claims dealt with (0 when
    /// the pile had none left, in which case the pile has just moved on).
    func vetBatch(pileID: Int) throws -> Int {
        do {
            return try db.transaction { try vet(pileID: pileID, ids: nil) }
        } catch let error where VettingFailure.mayBeAClaim(error) {
            let ids = try db.query(
                "SELECT id FROM claims WHERE pile_id = \(pileID) AND scored_at IS NULL ORDER BY id LIMIT \(Self.batchSize)"
            ).map { row throws(DatabaseError) in try row.decode("id", as: Int.self) }
            // No claim left to blame (moving the pile on failed): the failure is the pile's.
            guard !ids.isEmpty else { throw error }
            logger.warning(
                "pile batch failed; vetting its claims apart",
                metadata: ["pile": "\(pileID)", "claims": "\(ids.count)", "error": "\(error)"])
            try isolate(pileID: pileID, ids[...], failure: error)
            return ids.count
        }
    }

    /// `ids` failed together with `failure`: vet each half on its own, splitting again what
    /// fails, and mark a claim that fails alone. Depth is bounded by log2(batchSize).
    private func isolate(pileID: Int, _ ids: ArraySlice<Int>, failure: any Error) throws {
        guard ids.count > 1 else {
            if let id = ids.first { try markFailed(pileID: pileID, claimID: id, failure) }
            return
        }
        let middle = ids.startIndex + ids.count / 2
        for half in [ids[..<middle], ids[middle...]] {
            do {
                _ = try db.transaction { try vet(pileID: pileID, ids: Array(half)) }
            } catch let error where VettingFailure.mayBeAClaim(error) {
                try isolate(pileID: pileID, half, failure: error)
            }
        }
    }

    /// Marks a claim that cannot be vetted: it is passed over (counted as vetted and failed, no
    /// score, no audit) with the reason, so the rest of its pile goes on.
    private func markFailed(pileID: Int, claimID: Int, _ error: any Error) throws {
        let reason = VettingFailure.claimReason(error)
        logger.warning(
            "pile claim could not be vetted; marked and passed over",
            metadata: ["pile": "\(pileID)", "claim": "\(claimID)", "error": "\(error)"])
        try db.transaction {
            guard let pile = try PileStore(db: db).find(id: pileID, lock: true), pile.status == .vetting else { return }
            let marked = try db.execute(
                """
                UPDATE claims SET scored_at = NOW(6), vetted_at = NOW(6), audit_stage = NULL, vetting_error = \(reason)
                WHERE id = \(claimID) AND pile_id = \(pileID) AND scored_at IS NULL
                """)
            guard marked.affectedRows == 1 else { return }
            try db.execute(
                """
                UPDATE piles SET claims_vetted = claims_vetted + 1, claims_failed = claims_failed + 1
                WHERE id = \(pileID)
                """)
        }
    }

    /// Vets the pile's next batch (`ids` nil) or the given unvetted claims, inside the caller's
    /// transaction. The whole batch moves the pile on when it was the last.
    private func vet(pileID: Int, ids: [Int]?) throws -> Int {
        guard let pile = try PileStore(db: db).find(id: pileID, lock: true), pile.status == .vetting else {
            return 0
        }
        var sql: SQL = "SELECT \(StoredClaim.columns) FROM claims WHERE pile_id = \(pileID) AND scored_at IS NULL"
        if let ids { sql += " AND id IN (\(list: ids))" }
        let claims = try db.query(sql + " ORDER BY id LIMIT \(Self.batchSize) FOR UPDATE", as: StoredClaim.self)
        if !claims.isEmpty { try vet(claims, of: pile) }
        if ids == nil, claims.count < Self.batchSize { try finishVetting(pileID: pileID) }
        return claims.count
    }

    private func vet(_ claims: [StoredClaim], of pile: PileRecord) throws {
        guard let caseRecord = try TenantStore(db: db).caseRecord(id: pile.caseID) else {
            throw PileWorkError.caseMissing(pile.caseID)
        }
        let claimType = caseRecord.claimType
        let scorer: Scorer
        do {
            scorer = try engine.scorers.scorer(caseID: pile.caseID, settingsJSON: caseRecord.settingsJSON)
        } catch {
            throw PileWorkError.settingsInvalid(error)
        }
        let scoring = ClaimScoring(
            db: db, caseID: pile.caseID, environment: pile.environment, claimType: claimType, scorer: scorer)
        let stage: Int? = pile.auditLevels > 0 ? 1 : nil
        var items: [(claimID: Int, items: [VettedItem])] = []
        var tally = (approved: 0, rejected: 0, pending: 0)
        for var claim in claims {
            let now = Timestamp.nowMicros()
            let result: ClaimScoring.Scored
            do {
                let validated = try engine.validator.validate(.object(claim.request), claimType: claimType)
                result = try scoring.score(validated.claim, now: now)
            } catch let error as ClaimValidationError {
                // Stored claims passed validation when they arrived; if a later version of the
                // validator disagrees, the claim is kept and marked not analysable, not dropped.
                logger.error(
                    "stored pile claim no longer validates",
                    metadata: ["claim": "\(claim.id)", "error": "\(error)"])
                result = ClaimScoring.Scored(result: .insufficient, signals: [], claimantHash: [], scoredAt: now)
            }
            scoring.apply(result, to: &claim)
            claim.auditStage = stage
            try db.execute(
                """
                UPDATE claims SET scored_at = \(claim.scoredAt.map { Timestamp.sql(micros: $0) }), score = \(claim.score),
                  determination = \(claim.determination), approved_amount = \(claim.approvedAmount),
                  approval_status = \(claim.approvalStatus),
                  vetted_at = \(Timestamp.sql(micros: claim.vettedAt ?? result.scoredAt)),
                  audit_stage = \(claim.auditStage), result_json = \(claim.result.map { JSONWriter.string(.object($0)) })
                WHERE id = \(claim.id)
                """)
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
            UPDATE piles SET claims_vetted = claims_vetted + \(claims.count),
              claims_awaiting_audit = claims_awaiting_audit + \(final ? 0 : claims.count),
              claims_approved = claims_approved + \(final ? tally.approved : 0),
              claims_rejected = claims_rejected + \(final ? tally.rejected : 0),
              claims_pending = claims_pending + \(final ? tally.pending : 0)
            WHERE id = \(pile.id)
            """)
    }

    /// Every claim is vetted: on to the audits, or straight to finishing when none are waiting
    /// (no audit levels, or reviewers already passed every vetted claim).
    private func finishVetting(pileID: Int) throws {
        try db.execute(
            """
            UPDATE piles
            SET status = IF(audit_levels > 0 AND claims_awaiting_audit > 0, \(PileRecord.Status.inAudit),
                \(PileRecord.Status.finishing)),
              vetted_at = NOW(6)
            WHERE id = \(pileID) AND status = \(PileRecord.Status.vetting)
            """)
    }
}
