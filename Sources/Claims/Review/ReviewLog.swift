import Database
import Tenancy

/// Reads what reviewers did to a claim and which claims wait for them. Callers have already
/// found the claim in their case and environment (or pass both for the queue).
public struct ReviewLog {
    /// The most history rows a claim page shows (newest kept).
    public static let historyLimit = 500

    let db: Connection

    public init(db: Connection) { self.db = db }

    /// The claim's sign-offs by level.
    public func signOffs(claimID: Int) throws(DatabaseError) -> [SignOffRecord] {
        try db.query(
            """
            SELECT \(SignOffRecord.columns) FROM claim_audits a WHERE a.claim_id = \(claimID) ORDER BY a.level
            """
        ).map { row throws(DatabaseError) in try SignOffRecord(row: row) }
    }

    /// The claim's history, oldest first (the last `historyLimit` rows).
    public func history(claimID: Int) throws(DatabaseError) -> [HistoryRecord] {
        try db.query(
            """
            SELECT \(HistoryRecord.columns) FROM claim_history WHERE claim_id = \(claimID)
            ORDER BY id DESC LIMIT \(Self.historyLimit)
            """
        ).reversed().map { row throws(DatabaseError) in try HistoryRecord(row: row) }
    }

    /// Claims of the case and environment waiting at `level`, oldest first, after the id `after`
    /// (keyset pagination along the `claims_review` index, so a page costs the same on any queue).
    public func queue(caseID: String, environment: Environment, level: Int, after: Int?, limit: Int) throws
        -> [StoredClaim]
    {
        try db.query(
            """
            SELECT \(StoredClaim.columns) FROM claims
            WHERE case_id = \(caseID) AND environment = \(environment) AND audit_stage = \(level) AND id > \(after ?? 0)
            ORDER BY id LIMIT \(limit)
            """, as: StoredClaim.self)
    }
}
