import Database

/// Who changed which key or webhook, and when; written in the same transaction as the change.
public struct AuditLog {
    private let db: Connection

    public init(db: Connection) { self.db = db }

    public func record(
        orgID: String, actorUserID: Int?, actorEmail: String, action: String, targetType: String, targetID: String,
        detail: String = ""
    ) throws {
        try db.execute(
            """
            INSERT INTO audit_log (org_id, actor_user_id, actor_email, action, target_type, target_id, detail)
            VALUES (\(orgID), \(actorUserID), \(actorEmail), \(action), \(targetType), \(targetID),
                    \(String(detail.prefix(1000))))
            """)
    }

    /// Newest first.
    public func list(orgID: String, limit: Int = 200) throws -> [AuditEntry] {
        try db.query(
            """
            SELECT \(AuditEntry.columns) FROM audit_log WHERE org_id = \(orgID) ORDER BY id DESC
            LIMIT \(min(max(limit, 1), 1000))
            """, as: AuditEntry.self)
    }
}
