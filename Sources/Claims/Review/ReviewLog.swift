import Database

/// Reads what reviewers did to a claim and which claims wait for them. Callers have already
/// found the claim in their case and environment (or pass both for the queue).
public struct ReviewLog {
    /// The most history rows a claim page shows (newest kept).
    public static let historyLimit = 500

    let db: Connection

    public init(db: Connection) { self.db = db }

    /// The claim's sign-offs by level.
    public func signOffs(claimID: Int) throws(DatabaseError) -> [SignOffRecord] {
        try db.legacyQuery(
            """
            SELECT a.level, a.decision, a.decided_at, u.email FROM claim_audits a
            LEFT JOIN users u ON u.id = a.reviewer_id WHERE a.claim_id = ? ORDER BY a.level
            """, claimID
        ).map { row throws(DatabaseError) in try SignOffRecord(row: row) }
    }

    /// The claim's history, oldest first (the last `historyLimit` rows).
    public func history(claimID: Int) throws(DatabaseError) -> [HistoryRecord] {
        try db.legacyQuery(
            """
            SELECT id, level, user_email, action, item_position, before_value, after_value, created_at
            FROM claim_history WHERE claim_id = ? ORDER BY id DESC LIMIT ?
            """, claimID, Self.historyLimit
        ).reversed().map { row throws(DatabaseError) in try HistoryRecord(row: row) }
    }

    /// Claims of the case and environment waiting at `level`, oldest first, after the id `after`
    /// (keyset pagination along the `claims_review` index, so a page costs the same on any queue).
    public func queue(caseID: String, environment: String, level: Int, after: Int?, limit: Int) throws
        -> [StoredClaim]
    {
        try db.legacyQuery(
            """
            SELECT \(StoredClaim.columns) FROM claims
            WHERE case_id = ? AND environment = ? AND audit_stage = ? AND id > ? ORDER BY id LIMIT ?
            """, caseID, environment, level, after ?? 0, limit
        ).map(StoredClaim.init(row:))
    }
}
