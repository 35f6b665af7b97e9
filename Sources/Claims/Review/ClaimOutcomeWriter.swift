import Database
import JSON
import Scoring

/// Stores a reviewed claim where each part of it lives: the items both in `claim_items` (one row
/// per item, for queries) and in `result_json["items"]` (what `ClaimDocument` and so the API and
/// every webhook read), and the outcome columns of the `claims` row. Keeping both item copies in
/// one helper, called inside the change's transaction, is what keeps them from drifting apart.
enum ClaimOutcomeWriter {
    /// Writes `claim` (its result already holding `items`) and the item rows at `positions`.
    /// Caller owns the transaction and holds the claim's row lock.
    static func save(_ db: Connection, claim: StoredClaim, items: [VettedItem], positions: [Int])
        throws(DatabaseError)
    {
        let result = claim.result.map { JSONWriter.string(.object($0)) }
        try db.execute(
            """
            UPDATE claims SET result_json = \(result), approved_amount = \(claim.approvedAmount),
              approval_status = \(claim.approvalStatus), audit_stage = \(claim.auditStage)
            WHERE id = \(claim.id)
            """)
        for position in positions where items.indices.contains(position) {
            let values = ClaimItemRows.values(claimID: claim.id, position: position, items[position])
            // An upsert, so a claim whose item rows were never written still ends up with them.
            try db.execute(
                """
                INSERT INTO claim_items (\(ClaimItemRows.columns)) VALUES \(ClaimItemRows.tuple(values))
                ON DUPLICATE KEY UPDATE unit_price_approved = VALUES(unit_price_approved),
                  qty_approved = VALUES(qty_approved), approval_status = VALUES(approval_status),
                  comments = VALUES(comments)
                """)
        }
    }

    /// The claim with `items` and the outcome put into its stored result, as `save` will write it.
    static func updated(_ claim: StoredClaim, state: ReviewState, auditStage: Int?) -> StoredClaim {
        var claim = claim
        var result = claim.result ?? JSONObject()
        result["items"] = .array(state.items.map(ClaimDocument.item))
        claim.result = result
        claim.approvalStatus = state.approvalStatus
        claim.approvedAmount = state.approvedAmount
        claim.auditStage = auditStage
        return claim
    }
}
