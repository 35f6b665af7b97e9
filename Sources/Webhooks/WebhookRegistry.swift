import Database
import Foundation
import Tenancy

/// The portal's side of the `webhooks` table: create, list, edit, enable, delete. Tokens are
/// `whsec_` secrets sealed with the server key and an empty context, so the delivery thread can
/// open them with the same `SecretBox`; `secret_hint` keeps the last four characters for the
/// masked column.
public struct WebhookRegistry {
    let db: Connection

    public init(db: Connection) { self.db = db }

    /// The fields an admin types in.
    public struct Draft: Sendable {
        public var name: String
        public var description: String
        public var url: WebhookURL
        public init(name: String, description: String, url: WebhookURL) {
            self.name = name
            self.description = description
            self.url = url
        }
    }

    public func create(
        orgID: String, caseID: String, environment: Environment, draft: Draft, createdBy: Int?, box: SecretBox
    ) throws -> WebhookRecord {
        let id = UUID().uuidString.lowercased()
        let token = WebhookSecret.generate().token
        let sealed = try box.seal(token, context: "")
        try db.execute(
            """
            INSERT INTO webhooks (id, org_id, case_id, environment, name, description, url, secret_sealed,
              secret_hint, created_by)
            VALUES (\(id), \(orgID), \(caseID), \(environment), \(draft.name), \(draft.description),
              \(draft.url.absoluteString), \(Array(sealed)), \(String(token.suffix(4))), \(createdBy))
            """)
        guard let record = try find(orgID: orgID, caseID: caseID, id: id) else {
            throw DatabaseError.failed(code: 0, message: "webhook vanished after insert")
        }
        return record
    }

    /// The case's webhooks, newest first.
    public func list(orgID: String, caseID: String) throws -> [WebhookRecord] {
        try db.query(
            """
            SELECT \(WebhookRecord.columns) FROM webhooks WHERE org_id = \(orgID) AND case_id = \(caseID)
            ORDER BY created_at DESC, id
            """, as: WebhookRecord.self)
    }

    /// A webhook of this organization and case, or nil: another tenant's id reads as unknown.
    public func find(orgID: String, caseID: String, id: String) throws -> WebhookRecord? {
        guard UUIDText.isValid(id) else { return nil }
        return try db.first(
            "SELECT \(WebhookRecord.columns) FROM webhooks WHERE \(Self.scope(orgID, caseID, id))",
            as: WebhookRecord.self)
    }

    public func update(orgID: String, caseID: String, id: String, draft: Draft) throws {
        try db.execute(
            """
            UPDATE webhooks SET name = \(draft.name), description = \(draft.description), url = \(draft.url.absoluteString)
            WHERE \(Self.scope(orgID, caseID, id))
            """)
    }

    /// Enabling by hand also clears why delivery disabled it, since when it was failing and its
    /// circuit breaker, so the flag in the portal goes away and the webhook gets a fresh five-day
    /// window before delivery may disable it again.
    public func setEnabled(orgID: String, caseID: String, id: String, enabled: Bool) throws {
        try db.execute(
            """
            UPDATE webhooks SET enabled = \(enabled), disabled_reason = NULL, failing_since = NULL,
              consecutive_failures = 0, paused_until = NULL
            WHERE \(Self.scope(orgID, caseID, id))
            """)
    }

    public func delete(orgID: String, caseID: String, id: String) throws {
        try db.execute("DELETE FROM webhooks WHERE \(Self.scope(orgID, caseID, id))")
    }

    /// The plain token, for the drawer of someone who may manage webhooks.
    public static func token(of record: WebhookRecord, box: SecretBox) throws(SecretBoxError) -> String {
        try box.open(Data(record.sealedSecret), context: "")
    }

    /// One webhook of one tenant's case: every statement that names a webhook by id carries its
    /// organization and case too, so another tenant's id matches nothing.
    private static func scope(_ orgID: String, _ caseID: String, _ id: String) -> SQL {
        "id = \(id) AND org_id = \(orgID) AND case_id = \(caseID)"
    }
}
