import Foundation

/// What one attempt produced, as the HTTP client saw it: the input of `AttemptVerdict` and the
/// row written to the delivery log.
public struct AttemptResult: Sendable, Hashable {
    /// How many bytes of the answer the log keeps.
    public static let excerptLimit = 2048

    /// The HTTP status, or nil when no answer came.
    public var statusCode: Int?
    /// Seconds from a `Retry-After` header, already converted from the date form.
    public var retryAfter: TimeInterval?
    /// Why no usable answer came (timeout, connection error, refusal by the SSRF guard).
    public var error: String?
    /// Wall time from the start of the attempt to its end.
    public var duration: TimeInterval
    /// The first `excerptLimit` bytes of the answer's body.
    public var excerpt: [UInt8]
    /// True when the attempt was cut short by our own shutdown: not the receiver's fault, so it
    /// counts neither towards the schedule's failures nor towards disabling the webhook.
    public var interrupted: Bool

    public init(
        statusCode: Int? = nil, retryAfter: TimeInterval? = nil, error: String? = nil, duration: TimeInterval = 0,
        excerpt: [UInt8] = [], interrupted: Bool = false
    ) {
        self.statusCode = statusCode
        self.retryAfter = retryAfter
        self.error = error
        self.duration = duration
        self.excerpt = Array(excerpt.prefix(AttemptResult.excerptLimit))
        self.interrupted = interrupted
    }
}
