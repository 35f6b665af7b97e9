import Foundation

/// One attempt from the delivery log: what the portal shows per row (event, time, status code,
/// duration, first 2 KB of the answer, next attempt).
public struct DeliveryAttemptRecord: Sendable, Hashable {
    public let deliveryID: Int
    public let eventID: Int
    public let messageID: String
    public let eventType: String
    /// 1 for the first attempt of its delivery.
    public let attempt: Int
    public let startedAt: Date
    /// The HTTP status; nil when no answer came (see `error`).
    public let statusCode: Int?
    public let durationMilliseconds: Int
    /// The first 2 KB of the answer's body, decoded as UTF-8 (invalid bytes replaced) for display.
    public let responseExcerpt: String
    /// Timeout, connection error, or the SSRF guard's refusal ("refused: 10.0.0.5 is a private
    /// address"); nil when an answer came.
    public let error: String?
    /// When this delivery is tried again; nil when it was delivered or given up.
    public let nextAttemptAt: Date?
    /// The process (host:pid) that sent it.
    public let sentBy: String
}
