import Database
import Tenancy

/// A person who signs in to the portal.
public struct PortalUser: Sendable, Equatable, RowDecodable {
    public let id: Int
    public let email: String
    public let name: String

    public static let columns: SQLColumns = ["id", "email", "name"]

    init(id: Int, email: String, name: String) {
        self.id = id
        self.email = email
        self.name = name
    }

    public init(row: Row) throws {
        id = try row.decode("id")
        email = try row.decode("email")
        name = try row.decode("name")
    }
}

/// One organization a user belongs to, with the role that decides what they may do there.
public struct Membership: Sendable, Equatable {
    public let orgID: String
    public let orgName: String
    public let role: Role
    /// The audit level (1 to 3) this member reviews pile claims at; nil when they review none.
    /// Only roles that may review (`Role.canReview`) act on it.
    public let reviewLevel: Int?
}

/// A signed-in session as read from its cookie.
public struct PortalSession: Sendable, RowDecodable {
    /// SHA-256 of the cookie token: the row's key, and what flash messages hang off.
    public let tokenHash: [UInt8]
    public let user: PortalUser
    let csrfSecret: [UInt8]

    /// Read from `sessions s JOIN users u`.
    public static let columns: SQLColumns = ["s.token_hash", "s.csrf_secret"] + PortalUser.columns.qualified("u")

    public init(row: Row) throws {
        tokenHash = try row.decode("token_hash")
        csrfSecret = try row.decode("csrf_secret")
        user = try PortalUser(row: row)
    }

    /// The token every form of this session must carry.
    public var csrfToken: String { CSRFToken.token(secret: csrfSecret) }
}
