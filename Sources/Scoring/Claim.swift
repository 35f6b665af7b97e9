/// A claim of either case type, so one `Scorer` entry point serves both paths.
public enum Claim: Sendable, Equatable, Hashable {
    case settlement(SettlementClaim)
    case health(HealthClaim)

    /// The case type the claim belongs to.
    public var type: ClaimType {
        switch self {
        case .settlement: .settlement
        case .health: .health
        }
    }
}
