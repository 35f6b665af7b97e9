import Database
import Foundation
import Scoring

/// Organizations and cases in MariaDB.
public struct TenantStore {
    private let db: Connection

    public init(db: Connection) { self.db = db }

    public func createOrganization(name: String) throws -> Organization {
        let id = UUID().uuidString.lowercased()
        try db.execute("INSERT INTO organizations (id, name) VALUES (\(id), \(name))")
        guard let organization = try organization(id: id) else { throw DatabaseError.failed(code: 0, message: "lost") }
        return organization
    }

    public func organization(id: String) throws -> Organization? {
        guard UUIDText.isValid(id) else { return nil }
        return try db.first("SELECT \(Organization.columns) FROM organizations WHERE id = \(id)", as: Organization.self)
    }

    /// The organizations among `ids` that exist (a user's memberships: a short list).
    public func organizations(ids: [String]) throws -> [Organization] {
        let ids = ids.filter(UUIDText.isValid)
        guard !ids.isEmpty else { return [] }
        return try db.query(
            "SELECT \(Organization.columns) FROM organizations WHERE id IN (\(list: ids))", as: Organization.self)
    }

    public func createCase(orgID: String, name: String, claimType: ClaimType, settingsJSON: String = "{}") throws
        -> CaseRecord
    {
        let id = UUID().uuidString.lowercased()
        try db.execute(
            """
            INSERT INTO cases (id, org_id, name, claim_type, settings)
            VALUES (\(id), \(orgID), \(name), \(claimType), \(settingsJSON))
            """)
        guard let record = try caseRecord(orgID: orgID, caseID: id) else {
            throw DatabaseError.failed(code: 0, message: "lost")
        }
        return record
    }

    /// The case when it belongs to the organization; nil otherwise, so callers answer 404 either way.
    public func caseRecord(orgID: String, caseID: String) throws -> CaseRecord? {
        guard UUIDText.isValid(orgID), UUIDText.isValid(caseID) else { return nil }
        return try db.first(
            "SELECT \(CaseRecord.columns) FROM cases WHERE id = \(caseID) AND org_id = \(orgID)", as: CaseRecord.self)
    }

    /// The case by id alone, for background work that holds only the id (the pile worker, which
    /// works across tenants); request paths use `caseRecord(orgID:caseID:)`.
    public func caseRecord(id: String) throws -> CaseRecord? {
        guard UUIDText.isValid(id) else { return nil }
        return try db.first("SELECT \(CaseRecord.columns) FROM cases WHERE id = \(id)", as: CaseRecord.self)
    }

    public func cases(orgID: String) throws -> [CaseRecord] {
        guard UUIDText.isValid(orgID) else { return [] }
        return try db.query(
            "SELECT \(CaseRecord.columns) FROM cases WHERE org_id = \(orgID) ORDER BY name, id", as: CaseRecord.self)
    }

    public func updateSettings(orgID: String, caseID: String, settingsJSON: String) throws {
        try db.execute("UPDATE cases SET settings = \(settingsJSON) WHERE id = \(caseID) AND org_id = \(orgID)")
    }

}

/// UUID text checks, so malformed ids never reach a query (and answer 404 like unknown ones).
public enum UUIDText {
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 36 && UUID(uuidString: text) != nil
    }
}
