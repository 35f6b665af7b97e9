/// One failed check, kept with its points and a human-readable reason so reviewers and
/// integrators can see why a claim lost score without re-running the engine.
public struct Deduction: Sendable, Codable, Equatable, Hashable {
    /// Stable code; integrators match on it.
    public var code: DeductionCode
    /// Points deducted (from the case settings at scoring time).
    public var points: Int
    /// For people, not machines, e.g. "4 claims from 203.0.113.7 in 1 h".
    public var detail: String

    public init(code: DeductionCode, points: Int, detail: String) {
        self.code = code
        self.points = points
        self.detail = detail
    }
}
