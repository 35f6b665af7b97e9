import Database
import Foundation

/// Organizations and cases in MariaDB.
public struct TenantStore {
    private let db: Connection

    public init(db: Connection) { self.db = db }

    public func createOrganization(name: String) throws -> Organization {
        let id = UUID().uuidString.lowercased()
        try db.legacyExecute("INSERT INTO organizations (id, name) VALUES (?, ?)", id, name)
        guard let organization = try organization(id: id) else { throw DatabaseError.failed(code: 0, message: "lost") }
        return organization
    }

    public func organization(id: String) throws -> Organization? {
        guard UUIDText.isValid(id) else { return nil }
        return try db.legacyFirst("SELECT id, name, created_at FROM organizations WHERE id = ?", id).map {
            Organization(id: try $0.string("id"), name: try $0.string("name"), createdAt: try $0.string("created_at"))
        }
    }

    public func createCase(orgID: String, name: String, claimType: String, settingsJSON: String = "{}") throws
        -> CaseRecord
    {
        let id = UUID().uuidString.lowercased()
        try db.legacyExecute(
            "INSERT INTO cases (id, org_id, name, claim_type, settings) VALUES (?, ?, ?, ?, ?)", id, orgID, name,
            claimType, settingsJSON)
        guard let record = try caseRecord(orgID: orgID, caseID: id) else {
            throw DatabaseError.failed(code: 0, message: "lost")
        }
        return record
    }

    /// The case when it belongs to the organization; nil otherwise, so callers answer 404 either way.
    public func caseRecord(orgID: String, caseID: String) throws -> CaseRecord? {
        guard UUIDText.isValid(orgID), UUIDText.isValid(caseID) else { return nil }
        return try db.legacyFirst(
            "SELECT id, org_id, name, claim_type, settings, created_at FROM cases WHERE id = ? AND org_id = ?", caseID,
            orgID
        ).map(Self.caseRecord)
    }

    public func cases(orgID: String) throws -> [CaseRecord] {
        guard UUIDText.isValid(orgID) else { return [] }
        return try db.legacyQuery(
            "SELECT id, org_id, name, claim_type, settings, created_at FROM cases WHERE org_id = ? ORDER BY name, id",
            orgID
        ).map(Self.caseRecord)
    }

    public func updateSettings(orgID: String, caseID: String, settingsJSON: String) throws {
        try db.legacyExecute("UPDATE cases SET settings = ? WHERE id = ? AND org_id = ?", settingsJSON, caseID, orgID)
    }

    private static func caseRecord(_ row: Row) throws -> CaseRecord {
        CaseRecord(
            id: try row.string("id"), orgID: try row.string("org_id"), name: try row.string("name"),
            claimType: try row.string("claim_type"), settingsJSON: try row.string("settings"),
            createdAt: try row.string("created_at"))
    }
}

/// UUID text checks, so malformed ids never reach a query (and answer 404 like unknown ones).
public enum UUIDText {
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 36 && UUID(uuidString: text) != nil
    }
}
