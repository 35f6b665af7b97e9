import Foundation

/// What one delivery attempt's answer means for the message and the webhook, kept apart from the
/// HTTP client so the rules can be tested without a network.
public enum DeliveryOutcome: Sendable, Hashable {
    /// A 2xx answer: the message is done.
    case delivered
    /// 410 Gone: the receiver says the endpoint is gone for good, so the webhook is disabled
    /// rather than retried for a day.
    case disableWebhook
    /// Anything else: retry on the schedule. `retryAfter` is set only for 429 and 503, the two
    /// answers whose `Retry-After` we honour.
    case retry(retryAfter: TimeInterval?)

    /// Classifies an attempt.
    ///
    /// - Parameters:
    ///   - statusCode: the HTTP status, or nil when no answer came (timeout, refused connection,
    ///     refused address), which is retried like a server error. Redirects are not followed,
    ///     so a 3xx is a failure too.
    ///   - retryAfter: the parsed `Retry-After` in seconds, if the answer had one.
    public init(statusCode: Int?, retryAfter: TimeInterval? = nil) {
        switch statusCode {
        case .some(200...299): self = .delivered
        case .some(410): self = .disableWebhook
        case .some(429), .some(503): self = .retry(retryAfter: retryAfter)
        default: self = .retry(retryAfter: nil)
        }
    }
}
