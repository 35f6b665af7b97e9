/// How often and how soon the pile worker tries a pile again after a turn failed for a reason
/// not tied to one claim (a claim that cannot be vetted is marked and passed over instead).
///
/// Transient causes (a deadlock, a case being edited) clear within the first retries; a cause
/// that survives five tries over about 13 minutes will not clear by itself, so the pile is parked
/// as `failed` and the client is told (`pile.failed`) rather than the worker trying forever.
public struct PileRetryPolicy: Sendable, Equatable {
    /// Seconds to wait after the 1st, 2nd, 3rd and 4th failure in a row.
    public static let delays: [Double] = [5, 30, 120, 600]
    /// The failure in a row that parks the pile.
    public static let maxAttempts = delays.count + 1

    /// Multiplies every delay (`pile_retry_scale`; the test instance runs it 1000 times faster).
    public let scale: Double

    public init(scale: Double = 1) { self.scale = scale }

    /// Seconds until the next try after `attempts` failures in a row, or nil when the pile must
    /// be parked as failed.
    public func delay(afterAttempts attempts: Int) -> Double? {
        guard attempts >= 1, attempts < Self.maxAttempts else { return nil }
        return Self.delays[attempts - 1] * scale
    }
}
