import Database

/// One level a claim passed: who signed it off, how, and when (a `claim_audits` row `a`). The
/// reviewer is an id: the portal, which owns `users`, names them.
public struct SignOffRecord: Sendable, Equatable, RowDecodable {
    public let level: Int
    /// Nil when the reviewer's user row is gone (the sign-off stays).
    public let reviewerID: Int?
    /// 1 approved, 0 rejected.
    public let decision: Int
    public let decidedAt: Int64

    public static let columns: SQLColumns = ["a.level", "a.decision", "a.decided_at", "a.reviewer_id"]

    public init(row: Row) throws(DatabaseError) {
        level = try row.decode("level")
        reviewerID = try row.decode("reviewer_id")
        decision = try row.decode("decision")
        decidedAt = try row.timestamp("decided_at")
    }
}
