import Database
import Scoring

/// An organization: the customer account.
public struct Organization: Sendable, Equatable, RowDecodable {
    public let id: String
    public let name: String
    public let createdAt: String

    public static let columns: SQLColumns = ["id", "name", "created_at"]

    public init(row: Row) throws {
        id = try row.decode("id")
        name = try row.decode("name")
        createdAt = try row.decode("created_at")
    }
}

/// A case inside an organization, with its scoring settings as JSON (decoded by the Scoring module).
public struct CaseRecord: Sendable, Equatable, RowDecodable {
    public let id: String
    public let orgID: String
    public let name: String
    public let claimType: ClaimType
    public let settingsJSON: String
    public let createdAt: String

    public static let columns: SQLColumns = ["id", "org_id", "name", "claim_type", "settings", "created_at"]

    public init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        name = try row.decode("name")
        claimType = try row.decode("claim_type")
        settingsJSON = try row.decode("settings")
        createdAt = try row.decode("created_at")
    }
}

/// An API key as stored: never the key itself.
public struct ApiKey: Sendable, Equatable, RowDecodable {
    public let id: Int
    public let orgID: String
    public let environment: Environment
    public let name: String
    public let description: String
    public let displayPrefix: String
    public let active: Bool
    public let createdAt: String
    public let lastUsedAt: String?

    public static let columns: SQLColumns = [
        "id", "org_id", "environment", "name", "description", "display_prefix", "active", "created_at",
        "last_used_at",
    ]

    public init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        environment = try row.decode("environment")
        name = try row.decode("name")
        description = try row.decode("description")
        displayPrefix = try row.decode("display_prefix")
        active = try row.decode("active")
        createdAt = try row.decode("created_at")
        lastUsedAt = try row.decode("last_used_at")
    }
}

/// One entry of the audit log.
public struct AuditEntry: Sendable, Equatable, RowDecodable {
    public let id: Int
    public let actorEmail: String
    public let action: String
    public let targetType: String
    public let targetID: String
    public let detail: String
    public let createdAt: String

    public static let columns: SQLColumns = [
        "id", "actor_email", "action", "target_type", "target_id", "detail", "created_at",
    ]

    public init(row: Row) throws {
        id = try row.decode("id")
        actorEmail = try row.decode("actor_email")
        action = try row.decode("action")
        targetType = try row.decode("target_type")
        targetID = try row.decode("target_id")
        detail = try row.decode("detail")
        createdAt = try row.decode("created_at")
    }
}
