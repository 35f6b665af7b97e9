import Database

/// One level a claim passed: who signed it off, how, and when (a `claim_audits` row `a` joined
/// with the reviewer's `users` row `u`).
public struct SignOffRecord: Sendable, Equatable, RowDecodable {
    public let level: Int
    public let reviewerEmail: String
    /// 1 approved, 0 rejected.
    public let decision: Int
    public let decidedAt: Int64

    public static let columns: SQLColumns = ["a.level", "a.decision", "a.decided_at", "u.email"]

    public init(row: Row) throws(DatabaseError) {
        level = try row.decode("level")
        // A reviewer whose user row is gone keeps their sign-off.
        reviewerEmail = try row.decode("email", as: String?.self) ?? "(removed user)"
        decision = try row.decode("decision")
        decidedAt = try row.timestamp("decided_at")
    }
}
