import Tenancy

/// A person who signs in to the portal.
public struct PortalUser: Sendable, Equatable {
    public let id: Int
    public let email: String
    public let name: String
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
public struct PortalSession: Sendable {
    /// SHA-256 of the cookie token: the row's key, and what flash messages hang off.
    public let tokenHash: [UInt8]
    public let user: PortalUser
    let csrfSecret: [UInt8]

    /// The token every form of this session must carry.
    public var csrfToken: String { CSRFToken.token(secret: csrfSecret) }
}

/// A webhook as the portal shows it; the token is opened only for people who may manage it.
public struct WebhookRecord: Sendable, Equatable {
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
}
