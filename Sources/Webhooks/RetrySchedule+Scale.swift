import Foundation

extension RetrySchedule {
    /// The same schedule with every duration multiplied by `factor`: the delays, the
    /// `Retry-After` cap, the lifetime cap and the five-day disable window.
    ///
    /// Configured as `webhook_retry_scale` (default 1) so an integration test can run the real
    /// schedule in seconds instead of days. A receiver's own `Retry-After` value is never scaled:
    /// it is the receiver's word, not our schedule.
    public func scaled(by factor: Double) -> RetrySchedule {
        precondition(factor > 0 && factor.isFinite, "the scale must be a positive number")
        return RetrySchedule(
            delays: delays.map { $0 * factor }, jitter: jitter, maximumRetryAfter: maximumRetryAfter * factor,
            maximumLifetime: maximumLifetime * factor, disableAfter: disableAfter * factor)
    }
}
