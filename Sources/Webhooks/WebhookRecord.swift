import Database
import Tenancy

/// A row of `webhooks` as the portal shows it; the token is opened only for people who may manage it.
public struct WebhookRecord: Sendable, Equatable, RowDecodable {
    public let id: String
    public let orgID: String
    public let caseID: String
    public let environment: Environment
    public let name: String
    public let description: String
    public let url: String
    public let sealedSecret: [UInt8]
    public let secretHint: String
    public let enabled: Bool
    /// Why delivery disabled it (410, five days of failures): the flag the table and drawer show.
    public let disabledReason: String?
    /// The first failed attempt with no success since (stored time, UTC); nil while deliveries succeed.
    public let failingSince: String?
    /// While its circuit breaker is open: no delivery goes before this time but one probe.
    public let pausedUntil: String?
    public let createdAt: String

    /// The select list; a breaker pause already over reads as nil.
    public static let columns: SQLColumns = [
        "id", "org_id", "case_id", "environment", "name", "description", "url", "secret_sealed", "secret_hint",
        "enabled", "disabled_reason", "failing_since", "IF(paused_until > NOW(6), paused_until, NULL) AS paused_until",
        "created_at",
    ]

    public init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        caseID = try row.decode("case_id")
        environment = try row.decode("environment")
        name = try row.decode("name")
        description = try row.decode("description")
        url = try row.decode("url")
        sealedSecret = try row.decode("secret_sealed")
        secretHint = try row.decode("secret_hint")
        enabled = try row.decode("enabled")
        disabledReason = try row.decode("disabled_reason")
        failingSince = try row.decode("failing_since")
        pausedUntil = try row.decode("paused_until")
        createdAt = try row.decode("created_at")
    }
}
