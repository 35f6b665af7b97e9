import Foundation

/// When to try a failed delivery again and when to give up, as pure arithmetic so the delivery
/// thread only has to store the answer.
///
/// The delays are gaps between consecutive attempts (the API promises 5 s, 5 min, 30 min, 2 h,
/// 5 h, 10 h, 10 h), counted from the moment an attempt failed, each stretched or shrunk by up to
/// ±20% so receivers that failed together are not hit together again.
public struct RetrySchedule: Sendable {
    /// The schedule the API documents.
    public static let standard = RetrySchedule()

    /// Gap before retry 1, 2, …; one attempt more than there are delays is made in all.
    public let delays: [TimeInterval]
    /// Largest relative change of a delay: 0.2 means ±20%.
    public let jitter: Double
    /// Longest wait a `Retry-After` can impose. Ten hours, the schedule's own longest gap: a
    /// receiver may slow us down to our slowest pace, not park a delivery (and every later event
    /// of its pile, which waits behind it) for days.
    public let maximumRetryAfter: TimeInterval
    /// No attempt is scheduled later than this after the first one (48 h): the nominal schedule
    /// spans about 27.6 h (33 h at +20%), so only `Retry-After` stretching reaches it. It keeps
    /// every message settled, delivered or given up, well inside the 5-day disable window.
    public let maximumLifetime: TimeInterval
    /// A webhook whose deliveries have all failed for this long is disabled (5 days).
    public let disableAfter: TimeInterval

    /// A schedule with the documented defaults; the parameters exist for tests and tuning.
    public init(
        delays: [TimeInterval] = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600],
        jitter: Double = 0.2,
        maximumRetryAfter: TimeInterval = 10 * 3600,
        maximumLifetime: TimeInterval = 48 * 3600,
        disableAfter: TimeInterval = 5 * 24 * 3600
    ) {
        precondition(jitter >= 0 && jitter < 1, "jitter must be in 0..<1")
        self.delays = delays
        self.jitter = jitter
        self.maximumRetryAfter = maximumRetryAfter
        self.maximumLifetime = maximumLifetime
        self.disableAfter = disableAfter
    }

    /// How many attempts a message gets in all, the first included.
    public var maximumAttempts: Int { delays.count + 1 }

    /// When to make the next attempt after attempt number `attempt` (1 = the first) failed at
    /// `now`, or nil to give up.
    ///
    /// - Parameters:
    ///   - retryAfter: seconds from a 429/503 `Retry-After` (an HTTP-date is converted by the
    ///     caller). It wins when later than the jittered delay, capped at `maximumRetryAfter`;
    ///     negative, zero or non-finite values are ignored.
    ///   - generator: the source of jitter; tests pass a fixed one.
    /// - Returns: nil once `maximumAttempts` have been made or `maximumLifetime` after
    ///   `firstAttemptAt` has passed; otherwise a time no later than that lifetime's end.
    public func nextAttempt(
        afterAttempt attempt: Int,
        firstAttemptAt: Date,
        now: Date,
        retryAfter: TimeInterval?,
        using generator: inout some RandomNumberGenerator
    ) -> Date? {
        precondition(attempt >= 1, "attempts are numbered from 1")
        guard attempt <= delays.count else { return nil }
        let deadline = firstAttemptAt.addingTimeInterval(maximumLifetime)
        guard now < deadline else { return nil }

        let unit = Double(generator.next() >> 11) * 0x1p-53  // uniform in [0, 1)
        var delay = delays[attempt - 1] * (1 + jitter * (2 * unit - 1))
        if let retryAfter, retryAfter.isFinite, retryAfter > 0 {
            delay = max(delay, min(retryAfter, maximumRetryAfter))
        }
        return min(now.addingTimeInterval(delay), deadline)
    }

    /// `nextAttempt` with jitter from the system's random generator, for production use.
    public func nextAttempt(
        afterAttempt attempt: Int,
        firstAttemptAt: Date,
        now: Date,
        retryAfter: TimeInterval?
    ) -> Date? {
        var generator = SystemRandomNumberGenerator()
        return nextAttempt(
            afterAttempt: attempt, firstAttemptAt: firstAttemptAt, now: now, retryAfter: retryAfter,
            using: &generator)
    }

    /// The "all deliveries failed for 5 days" rule.
    ///
    /// - Parameter failingSince: the earliest failed attempt to this webhook with no successful
    ///   delivery after it, counting only attempts since the webhook was last enabled (so an
    ///   admin re-enabling it starts a fresh window); nil when the latest attempt succeeded or
    ///   none failed.
    public func shouldDisableWebhook(failingSince: Date?, now: Date) -> Bool {
        guard let failingSince else { return false }
        return now.timeIntervalSince(failingSince) >= disableAfter
    }
}
