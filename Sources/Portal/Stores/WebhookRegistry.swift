import Database
import Foundation
import Tenancy
import Webhooks

/// The portal's side of the `webhooks` table: create, list, edit, enable, delete. Tokens are
/// `whsec_` secrets sealed with the server key and an empty context, so the delivery thread can
/// open them with the same `SecretBox`; `secret_hint` keeps the last four characters for the
/// masked column.
public struct WebhookRegistry {
    let db: Connection
    private static let columns = """
        id, org_id, case_id, environment, name, description, url, secret_sealed, secret_hint, enabled, \
        disabled_reason, failing_since, IF(paused_until > NOW(6), paused_until, NULL) AS paused_until, created_at
        """

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
        try db.legacyExecute(
            """
            INSERT INTO webhooks (id, org_id, case_id, environment, name, description, url, secret_sealed,
              secret_hint, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, id, orgID, caseID, environment.rawValue, draft.name, draft.description, draft.url.absoluteString,
            Array(sealed), String(token.suffix(4)), createdBy)
        guard let record = try find(orgID: orgID, caseID: caseID, id: id) else {
            throw DatabaseError.failed(code: 0, message: "webhook vanished after insert")
        }
        return record
    }

    /// The case's webhooks, newest first.
    public func list(orgID: String, caseID: String) throws -> [WebhookRecord] {
        try db.legacyQuery(
            "SELECT \(Self.columns) FROM webhooks WHERE org_id = ? AND case_id = ? ORDER BY created_at DESC, id",
            orgID, caseID
        ).map(Self.record)
    }

    /// A webhook of this organization and case, or nil: another tenant's id reads as unknown.
    public func find(orgID: String, caseID: String, id: String) throws -> WebhookRecord? {
        guard UUIDText.isValid(id) else { return nil }
        return try db.legacyFirst(
            "SELECT \(Self.columns) FROM webhooks WHERE id = ? AND org_id = ? AND case_id = ?", id, orgID, caseID
        ).map(Self.record)
    }

    public func update(orgID: String, caseID: String, id: String, draft: Draft) throws {
        try db.legacyExecute(
            "UPDATE webhooks SET name = ?, description = ?, url = ? WHERE id = ? AND org_id = ? AND case_id = ?",
            draft.name, draft.description, draft.url.absoluteString, id, orgID, caseID)
    }

    /// Enabling by hand also clears why delivery disabled it, since when it was failing and its
    /// circuit breaker, so the flag in the portal goes away and the webhook gets a fresh five-day
    /// window before delivery may disable it again.
    public func setEnabled(orgID: String, caseID: String, id: String, enabled: Bool) throws {
        try db.legacyExecute(
            """
            UPDATE webhooks SET enabled = ?, disabled_reason = NULL, failing_since = NULL, consecutive_failures = 0,
              paused_until = NULL
            WHERE id = ? AND org_id = ? AND case_id = ?
            """, enabled, id, orgID, caseID)
    }

    public func delete(orgID: String, caseID: String, id: String) throws {
        try db.legacyExecute("DELETE FROM webhooks WHERE id = ? AND org_id = ? AND case_id = ?", id, orgID, caseID)
    }

    /// The plain token, for the drawer of someone who may manage webhooks.
    public static func token(of record: WebhookRecord, box: SecretBox) throws(SecretBoxError) -> String {
        try box.open(Data(record.sealedSecret), context: "")
    }

    private static func record(_ row: Row) throws -> WebhookRecord {
        WebhookRecord(
            id: try row.string("id"), orgID: try row.string("org_id"), caseID: try row.string("case_id"),
            environment: Environment(rawValue: try row.string("environment")) ?? .sandbox,
            name: try row.string("name"), description: try row.string("description"), url: try row.string("url"),
            sealedSecret: row.bytes("secret_sealed") ?? [], secretHint: try row.string("secret_hint"),
            enabled: try row.bool("enabled"), disabledReason: row.optionalString("disabled_reason"),
            failingSince: row.optionalString("failing_since"), pausedUntil: row.optionalString("paused_until"),
            createdAt: try row.string("created_at"))
    }
}
