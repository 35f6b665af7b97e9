import Database

/// One level a claim passed: who signed it off, how, and when (a `claim_audits` row).
public struct SignOffRecord: Sendable, Equatable {
    public let level: Int
    public let reviewerEmail: String
    /// 1 approved, 0 rejected.
    public let decision: Int
    public let decidedAt: Int64

    init(row: Row) throws(DatabaseError) {
        level = try row.int("level")
        reviewerEmail = row.optionalString("email") ?? "(removed user)"
        decision = try row.int("decision")
        decidedAt = row.optionalString("decided_at").flatMap(Timestamp.fromSQL) ?? 0
    }
}
