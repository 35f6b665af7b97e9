/// A member's role in an organization; what each may do is decided here, in one place.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    case owner
    case admin
    case reviewer
    case viewer
    case developer

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Developers see only Developer Tools; everyone else sees every page.
    public var canSeeEverything: Bool { self != .developer }
    /// API keys and webhooks: owners, admins and developers.
    public var canManageDeveloperTools: Bool { self == .owner || self == .admin || self == .developer }
    /// The audit log of key and webhook changes.
    public var canSeeAuditLog: Bool { self == .owner || self == .admin }
    /// Approve, reject and edit claims during audits.
    public var canReview: Bool { self == .owner || self == .admin || self == .reviewer }
    /// Case settings and team membership.
    public var canAdminister: Bool { self == .owner || self == .admin }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
