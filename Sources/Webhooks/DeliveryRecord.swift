import Database
import Foundation

/// One delivery of an event to a webhook (the fan-out's, or an admin's resend), as the portal's
/// webhook drawer lists it.
public struct DeliveryRecord: Sendable, Hashable {
    /// Where a delivery stands.
    public enum State: String, Sendable, Hashable {
        /// Waiting for its next attempt (or in flight).
        case pending
        /// A pile delivery queued behind earlier claims of the same pile to this webhook: it
        /// becomes pending once the one before it was delivered or given up (pile order).
        case waiting
        /// A 2xx answer came back.
        case delivered
        /// The retry schedule gave up, or the answer was 410.
        case failed
        /// The webhook was disabled by delivery before this one could be sent.
        case cancelled
    }

    public let id: Int
    /// The outbox event; pass it to `DeliveryLog.resend(eventID:webhookID:)`.
    public let eventID: Int
    /// The `webhook-id` receivers see, the same for every attempt and resend.
    public let messageID: String
    /// `claim.scored`, `claim.pile_vetting_done`, `claim.reviewed` or `webhook.test`.
    public let eventType: String
    /// The pile whose claim-id order this delivery keeps; nil for other events and resends.
    public let pileID: Int?
    /// True when an admin asked for this delivery with "Resend".
    public let isResend: Bool
    public let state: State
    /// Attempts made so far.
    public let attempts: Int
    public let createdAt: Date
    public let lastAttemptAt: Date?
    /// When the next attempt is due; nil unless pending.
    public let nextAttemptAt: Date?
    public let lastStatusCode: Int?
    /// Why the last attempt failed without an answer (or why it was refused or cancelled).
    public let lastError: String?
}

/// Binds and decodes as its raw value, so no state is written into SQL as a literal.
extension DeliveryRecord.State: SQLEnum {}
