import Database
import Foundation
import Tenancy

/// Users and their memberships in MariaDB.
public struct UserStore {
    private let db: Connection

    public init(db: Connection) { self.db = db }

    /// E-mail addresses are compared lowercased and trimmed, so "Ada@X.com " signs in as ada@x.com.
    public static func normalize(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Creates a user; a taken address is `DatabaseError.duplicateKey`.
    public func create(email: String, name: String, passwordHash: String) throws -> PortalUser {
        let email = Self.normalize(email: email)
        let result = try db.execute(
            "INSERT INTO users (email, name, password_hash) VALUES (\(email), \(name), \(passwordHash))")
        return PortalUser(id: result.lastInsertID, email: email, name: name)
    }

    public func find(email: String) throws -> (user: PortalUser, passwordHash: String)? {
        guard
            let row = try db.first(
                "SELECT \(PortalUser.columns), password_hash FROM users WHERE email = \(Self.normalize(email: email))")
        else { return nil }
        return (try PortalUser(row: row), try row.decode("password_hash"))
    }

    public func setPassword(userID: Int, passwordHash: String) throws {
        try db.execute("UPDATE users SET password_hash = \(passwordHash) WHERE id = \(userID)")
    }

    /// Adds or changes a membership.
    public func setRole(userID: Int, orgID: String, role: Role) throws {
        try db.execute(
            """
            INSERT INTO memberships (user_id, org_id, role) VALUES (\(userID), \(orgID), \(role))
            ON DUPLICATE KEY UPDATE role = \(role)
            """)
    }

    /// Sets (or, with nil, clears) the audit level a member reviews at; the membership must exist.
    public func setReviewLevel(userID: Int, orgID: String, level: Int?) throws {
        try db.execute(
            "UPDATE memberships SET review_level = \(level) WHERE user_id = \(userID) AND org_id = \(orgID)")
    }

    /// The e-mail address of each of `ids` that still has an account (at most a claim's audit
    /// levels, so a short list).
    public func emails(ids: [Int]) throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        let users = try db.query(
            "SELECT \(PortalUser.columns) FROM users WHERE id IN (\(list: ids))", as: PortalUser.self)
        return Dictionary(users.map { ($0.id, $0.email) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every organization the user belongs to, by name (the names come from Tenancy, which owns
    /// `organizations`).
    public func memberships(userID: Int) throws -> [Membership] {
        let rows = try db.query(
            "SELECT \(MembershipRow.columns) FROM memberships WHERE user_id = \(userID)", as: MembershipRow.self)
        let names = try Dictionary(
            TenantStore(db: db).organizations(ids: rows.map(\.orgID)).map { ($0.id, $0.name) },
            uniquingKeysWith: { first, _ in first })
        return rows.compactMap { row in names[row.orgID].map { row.membership(orgName: $0) } }
            .sorted { ($0.orgName.lowercased(), $0.orgID) < ($1.orgName.lowercased(), $1.orgID) }
    }

    /// The user's membership of one organization, or nil (then the organization does not exist for them).
    public func membership(userID: Int, orgID: String) throws -> Membership? {
        guard UUIDText.isValid(orgID),
            let row = try db.first(
                "SELECT \(MembershipRow.columns) FROM memberships WHERE user_id = \(userID) AND org_id = \(orgID)",
                as: MembershipRow.self),
            let organization = try TenantStore(db: db).organization(id: row.orgID)
        else { return nil }
        return row.membership(orgName: organization.name)
    }

    /// A `memberships` row; the organization's name is Tenancy's to read.
    private struct MembershipRow: RowDecodable {
        let orgID: String
        let role: Role
        let reviewLevel: Int?

        static let columns: SQLColumns = ["org_id", "role", "review_level"]

        init(row: Row) throws {
            orgID = try row.decode("org_id")
            role = try row.decode("role")
            reviewLevel = try row.decode("review_level")
        }

        func membership(orgName: String) -> Membership {
            Membership(orgID: orgID, orgName: orgName, role: role, reviewLevel: reviewLevel)
        }
    }
}
