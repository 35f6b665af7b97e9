import Database

/// One stored `claim_history` row.
public struct HistoryRecord: Sendable, Equatable, RowDecodable {
    public let id: Int
    public let level: Int?
    public let userEmail: String
    public let entry: ReviewHistoryEntry
    public let createdAt: Int64

    public static let columns: SQLColumns = [
        "id", "level", "user_email", "action", "item_position", "before_value", "after_value", "created_at",
    ]

    public init(row: Row) throws(DatabaseError) {
        id = try row.decode("id")
        level = try row.decode("level")
        userEmail = try row.decode("user_email")
        entry = ReviewHistoryEntry(
            action: try row.decode("action"), itemPosition: try row.decode("item_position"),
            before: try row.decode("before_value"), after: try row.decode("after_value"))
        createdAt = try row.timestamp("created_at")
    }
}
