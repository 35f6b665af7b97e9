import Database

/// Who changed which key or webhook, and when; written in the same transaction as the change.
public struct AuditLog {
    private let db: Connection

    public init(db: Connection) { self.db = db }

    public func record(
        orgID: String, actorUserID: Int?, actorEmail: String, action: String, targetType: String, targetID: String,
        detail: String = ""
    ) throws {
        try db.legacyExecute(
            """
            INSERT INTO audit_log (org_id, actor_user_id, actor_email, action, target_type, target_id, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, orgID, actorUserID, actorEmail, action, targetType, targetID, String(detail.prefix(1000)))
    }

    /// Newest first.
    public func list(orgID: String, limit: Int = 200) throws -> [AuditEntry] {
        try db.legacyQuery(
            """
            SELECT id, actor_email, action, target_type, target_id, detail, created_at
            FROM audit_log WHERE org_id = ? ORDER BY id DESC LIMIT ?
            """, orgID, min(max(limit, 1), 1000)
        ).map {
            AuditEntry(
                id: try $0.int("id"), actorEmail: try $0.string("actor_email"), action: try $0.string("action"),
                targetType: try $0.string("target_type"), targetID: try $0.string("target_id"),
                detail: try $0.string("detail"), createdAt: try $0.string("created_at"))
        }
    }
}
