import Foundation

/// When a webhook that keeps failing is paused as a whole, so its backlog stops taking attempts
/// (and the lease budget) while its receiver is down.
///
/// Pure, so the rules are tested without a database: after `threshold` consecutive failed
/// attempts the breaker opens and the webhook gets nothing until `paused_until`; each further
/// failure (the probes) pauses it again for twice as long, up to `maximumPause`; when the pause
/// has passed it is half-open and one probe delivery at a time may go; any success closes it.
/// The counters live on the webhook row, so every process sees the same breaker.
public struct CircuitBreaker: Sendable, Hashable {
    /// What the lease may do with one webhook now.
    public enum State: Sendable, Hashable {
        /// Healthy or not failing long enough: lease up to the in-flight limit.
        case closed
        /// Paused: lease nothing before this time.
        case open(until: Date)
        /// The pause has passed: one probe, and only while nothing else of it is in flight here.
        case halfOpen
    }

    /// Consecutive failed attempts that open the breaker.
    public let threshold: Int
    /// The first pause; each further failure doubles it.
    public let basePause: TimeInterval
    /// The longest pause.
    public let maximumPause: TimeInterval

    public init(threshold: Int, basePause: TimeInterval, maximumPause: TimeInterval) {
        precondition(threshold >= 1 && basePause > 0 && maximumPause >= basePause, "breaker limits must be positive")
        self.threshold = threshold
        self.basePause = basePause
        self.maximumPause = maximumPause
    }

    /// 5 consecutive failures open it; pauses of 5 s, 10 s, 20 s … up to 5 minutes, shorter than
    /// the retry schedule's own 5-minute second step, so a receiver that comes back waits no
    /// longer for the breaker than for its own retries.
    public static let standard = CircuitBreaker(threshold: 5, basePause: 5, maximumPause: 300)

    /// The same breaker with its pauses multiplied by `factor` (`webhook_retry_scale`).
    public func scaled(by factor: Double) -> CircuitBreaker {
        precondition(factor > 0 && factor.isFinite, "the scale must be a positive number")
        return CircuitBreaker(threshold: threshold, basePause: basePause * factor, maximumPause: maximumPause * factor)
    }

    /// The breaker of a webhook with `consecutiveFailures` and `pausedUntil` as stored.
    public func state(consecutiveFailures: Int, pausedUntil: Date?, now: Date) -> State {
        guard consecutiveFailures >= threshold else { return .closed }
        if let pausedUntil, pausedUntil > now { return .open(until: pausedUntil) }
        return .halfOpen
    }

    /// How many deliveries of the webhook this process may lease now, given `inFlight` of its
    /// requests already running here and the per-webhook limit.
    public func budget(state: State, inFlight: Int, limit: Int) -> Int {
        switch state {
        case .closed: max(0, limit - inFlight)
        case .open: 0
        case .halfOpen: inFlight == 0 ? 1 : 0
        }
    }

    /// Until when a webhook is paused once its count of consecutive failures has reached
    /// `consecutiveFailures` (this failure included); nil while it stays closed.
    public func pausedUntil(consecutiveFailures: Int, now: Date) -> Date? {
        guard consecutiveFailures >= threshold else { return nil }
        // Doubling stops at 2^20, far past any sensible maximum, so the power cannot overflow.
        let doublings = min(consecutiveFailures - threshold, 20)
        let pause = min(basePause * Double(1 << doublings), maximumPause)
        return now.addingTimeInterval(pause)
    }
}
