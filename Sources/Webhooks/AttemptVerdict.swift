import Common
import Foundation

/// What to write after an attempt: the delivery's new state and what happens to the webhook.
///
/// Pure, so the rules of API.md ("Webhooks") are tested without a network or a database: 2xx
/// delivers; 410 disables the webhook; anything else retries on the schedule (honouring
/// `Retry-After` on 429/503) until it gives up; and a webhook whose deliveries have all failed
/// for five days is disabled and flagged.
public struct AttemptVerdict: Sendable, Hashable {
    /// The delivery row's next state.
    public enum DeliveryState: Sendable, Hashable {
        case delivered
        /// Try again at this time (same message id).
        case retry(at: Date)
        /// The schedule is exhausted, or the webhook was disabled by this answer.
        case failed

        /// True when the delivery leaves `pending` for good, delivered or given up: the next
        /// delivery of its pile to the same webhook may go now (API.md: "the next one only after
        /// the previous one was delivered or gave up"). A retry keeps its place in the pile.
        public var releasesPileOrder: Bool {
            switch self {
            case .delivered, .failed: true
            case .retry: false
            }
        }
    }

    /// The webhook row's bookkeeping.
    public enum WebhookChange: Sendable, Hashable {
        /// No change (an interrupted attempt says nothing about the receiver).
        case none
        /// A delivery succeeded: clear `failing_since`.
        case healthy
        /// A delivery failed: set `failing_since` to this time unless it is already set.
        case failing(since: Date)
        /// Disable the webhook with this `disabled_reason` and cancel its pending and waiting
        /// deliveries.
        case disable(reason: String)
    }

    public let delivery: DeliveryState
    public let webhook: WebhookChange

    public init(delivery: DeliveryState, webhook: WebhookChange) {
        self.delivery = delivery
        self.webhook = webhook
    }

    /// Decides after attempt number `attempt` (1 = first) of a delivery.
    ///
    /// - Parameters:
    ///   - firstAttemptAt: when the delivery's first attempt started; the schedule's lifetime
    ///     counts from there.
    ///   - failingSince: the webhook's `failing_since` before this attempt.
    public static func decide(
        result: AttemptResult, attempt: Int, firstAttemptAt: Date, now: Date, failingSince: Date?,
        schedule: RetrySchedule, using generator: inout some RandomNumberGenerator
    ) -> AttemptVerdict {
        if result.interrupted { return AttemptVerdict(delivery: .retry(at: now), webhook: .none) }
        switch DeliveryOutcome(statusCode: result.statusCode, retryAfter: result.retryAfter) {
        case .delivered:
            return AttemptVerdict(delivery: .delivered, webhook: .healthy)
        case .disableWebhook:
            let reason = "Disabled \(RFC3339.format(now)): the receiver answered 410 Gone"
            return AttemptVerdict(delivery: .failed, webhook: .disable(reason: reason))
        case .retry(let retryAfter):
            let next = schedule.nextAttempt(
                afterAttempt: attempt, firstAttemptAt: firstAttemptAt, now: now, retryAfter: retryAfter,
                using: &generator)
            let since = failingSince ?? now
            let delivery: DeliveryState = next.map { .retry(at: $0) } ?? .failed
            if schedule.shouldDisableWebhook(failingSince: since, now: now) {
                let reason =
                    "Disabled \(RFC3339.format(now)): every delivery failed since \(RFC3339.format(since))"
                return AttemptVerdict(delivery: .failed, webhook: .disable(reason: reason))
            }
            return AttemptVerdict(delivery: delivery, webhook: .failing(since: since))
        }
    }

    /// `decide` with jitter from the system's random generator.
    public static func decide(
        result: AttemptResult, attempt: Int, firstAttemptAt: Date, now: Date, failingSince: Date?,
        schedule: RetrySchedule
    ) -> AttemptVerdict {
        var generator = SystemRandomNumberGenerator()
        return decide(
            result: result, attempt: attempt, firstAttemptAt: firstAttemptAt, now: now, failingSince: failingSince,
            schedule: schedule, using: &generator)
    }
}
