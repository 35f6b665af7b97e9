/// An organization: the customer account.
public struct Organization: Sendable, Equatable {
    public let id: String
    public let name: String
    public let createdAt: String
}

/// A case inside an organization, with its scoring settings as JSON (decoded by the Scoring module).
public struct CaseRecord: Sendable, Equatable {
    public let id: String
    public let orgID: String
    public let name: String
    /// `settlement` or `health`.
    public let claimType: String
    public let settingsJSON: String
    public let createdAt: String
}

/// An API key as stored: never the key itself.
public struct ApiKey: Sendable, Equatable {
    public let id: Int
    public let orgID: String
    public let environment: Environment
    public let name: String
    public let description: String
    public let displayPrefix: String
    public let active: Bool
    public let createdAt: String
    public let lastUsedAt: String?
}

/// One entry of the audit log.
public struct AuditEntry: Sendable, Equatable {
    public let id: Int
    public let actorEmail: String
    public let action: String
    public let targetType: String
    public let targetID: String
    public let detail: String
    public let createdAt: String
}
