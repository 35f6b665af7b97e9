import Database

/// One stored `claim_history` row.
public struct HistoryRecord: Sendable, Equatable {
    public let id: Int
    public let level: Int?
    public let userEmail: String
    public let entry: ReviewHistoryEntry
    public let createdAt: Int64

    init(row: Row) throws(DatabaseError) {
        id = try row.int("id")
        level = row.optionalInt("level")
        userEmail = try row.string("user_email")
        entry = ReviewHistoryEntry(
            action: try row.string("action"), itemPosition: row.optionalInt("item_position"),
            before: row.optionalString("before_value"), after: row.optionalString("after_value"))
        createdAt = row.optionalString("created_at").flatMap(Timestamp.fromSQL) ?? 0
    }
}
