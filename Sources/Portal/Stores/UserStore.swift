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
        let result = try db.legacyExecute(
            "INSERT INTO users (email, name, password_hash) VALUES (?, ?, ?)", Self.normalize(email: email), name,
            passwordHash)
        return PortalUser(id: result.lastInsertID, email: Self.normalize(email: email), name: name)
    }

    public func find(email: String) throws -> (user: PortalUser, passwordHash: String)? {
        guard
            let row = try db.legacyFirst(
                "SELECT id, email, name, password_hash FROM users WHERE email = ?", Self.normalize(email: email))
        else { return nil }
        return (try Self.user(row), try row.string("password_hash"))
    }

    public func setPassword(userID: Int, passwordHash: String) throws {
        try db.legacyExecute("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, userID)
    }

    /// Adds or changes a membership.
    public func setRole(userID: Int, orgID: String, role: Role) throws {
        try db.legacyExecute(
            "INSERT INTO memberships (user_id, org_id, role) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE role = ?",
            userID, orgID, role.rawValue, role.rawValue)
    }

    /// Sets (or, with nil, clears) the audit level a member reviews at; the membership must exist.
    public func setReviewLevel(userID: Int, orgID: String, level: Int?) throws {
        try db.legacyExecute(
            "UPDATE memberships SET review_level = ? WHERE user_id = ? AND org_id = ?", level, userID, orgID)
    }

    /// Every organization the user belongs to, by name.
    public func memberships(userID: Int) throws -> [Membership] {
        try db.legacyQuery(
            """
            SELECT m.org_id, o.name, m.role, m.review_level FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.user_id = ? ORDER BY o.name, m.org_id
            """, userID
        ).compactMap(Self.membership)
    }

    /// The user's membership of one organization, or nil (then the organization does not exist for them).
    public func membership(userID: Int, orgID: String) throws -> Membership? {
        guard UUIDText.isValid(orgID) else { return nil }
        return try db.legacyFirst(
            """
            SELECT m.org_id, o.name, m.role, m.review_level FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.user_id = ? AND m.org_id = ?
            """, userID, orgID
        ).flatMap(Self.membership)
    }

    static func user(_ row: Row) throws -> PortalUser {
        PortalUser(id: try row.int("id"), email: try row.string("email"), name: try row.string("name"))
    }

    private static func membership(_ row: Row) throws -> Membership? {
        guard let role = Role(rawValue: try row.string("role")) else { return nil }
        return Membership(
            orgID: try row.string("org_id"), orgName: try row.string("name"), role: role,
            reviewLevel: row.optionalInt("review_level"))
    }
}
