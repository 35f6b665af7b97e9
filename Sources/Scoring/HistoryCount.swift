/// The answer to one `SignalLookup`, counted over earlier claims of the same case and
/// environment (never the claim being scored).
public struct HistoryCount: Sendable, Codable, Equatable, Hashable {
    /// Earlier claims that carried the signal.
    public var claims: Int
    /// Distinct claimants among those claims, not counting the claimant of the claim being
    /// scored (`Scorer.claimantKey`). In SQL: `COUNT(DISTINCT NULLIF(claimant_key, ?))`.
    public var otherClaimants: Int

    public init(claims: Int, otherClaimants: Int) {
        self.claims = claims
        self.otherClaimants = otherClaimants
    }

    /// No history: the signal has not been seen before.
    public static let zero = HistoryCount(claims: 0, otherClaimants: 0)

    enum CodingKeys: String, CodingKey {
        case claims
        case otherClaimants = "other_claimants"
    }
}
