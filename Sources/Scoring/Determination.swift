/// The outcome the score maps to, so integrators can act without knowing the case's thresholds.
public enum Determination: String, Sendable, Codable, Equatable, CaseIterable {
    /// Score at or above the review threshold.
    case pass
    /// Score between the fail and review thresholds: a human should look.
    case review
    /// Score below the fail threshold.
    case fail
    /// Not analysed: the claim lacks what its case type needs (see `Scorer.score`).
    case insufficient
}
