/// How one check runs in a case. `limit` and `windowSeconds` mean different things per check
/// (see `DeductionCode.defaultSetting`); checks that do not use them ignore them.
public struct CheckSetting: Sendable, Codable, Equatable, Hashable {
    /// A disabled check neither deducts nor (for tariff checks) changes items.
    public var enabled: Bool
    /// Points deducted when the check fails; never negative.
    public var points: Int
    /// A count or a number of seconds, depending on the check.
    public var limit: Int?
    /// How far back history is counted; nil means the case's whole history.
    public var windowSeconds: Double?

    public init(enabled: Bool = true, points: Int, limit: Int? = nil, windowSeconds: Double? = nil) {
        self.enabled = enabled
        self.points = points
        self.limit = limit
        self.windowSeconds = windowSeconds
    }

    enum CodingKeys: String, CodingKey {
        case enabled, points, limit
        case windowSeconds = "window_seconds"
    }
}
