/// The kind of case a claim belongs to; it decides which fields are analysed and which checks run.
public enum ClaimType: String, Sendable, Codable, Equatable, CaseIterable {
    /// Class-action settlement claims: fraud scoring of claimants.
    case settlement
    /// Provider claims with items: auto-vetting against the case tariff.
    case health
}
