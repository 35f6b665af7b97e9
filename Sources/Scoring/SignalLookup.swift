/// One history question the engine will ask: how many earlier claims carried `signal` within
/// `windowSeconds` before now. The database layer answers all of a claim's lookups in one round
/// trip before calling `Scorer.score`.
public struct SignalLookup: Sendable, Codable, Equatable, Hashable {
    public var signal: Signal
    /// Look back this many seconds from `now`; nil means the whole history of the case and
    /// environment.
    public var windowSeconds: Double?

    public init(signal: Signal, windowSeconds: Double? = nil) {
        self.signal = signal
        self.windowSeconds = windowSeconds
    }

    enum CodingKeys: String, CodingKey {
        case signal
        case windowSeconds = "window_seconds"
    }
}
