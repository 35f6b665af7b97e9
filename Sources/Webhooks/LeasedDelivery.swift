import Database
import Foundation

/// One attempt this process owns: the delivery row, its event and its webhook, read in one query
/// right after the lease was taken.
struct LeasedDelivery: Sendable {
    let deliveryID: Int
    /// The number of this attempt (1 = first); unique per delivery in the attempts log.
    let attempt: Int
    let webhookID: String
    /// Set for a pile delivery (never for a resend): when it leaves `pending`, the next waiting
    /// delivery of the same (webhook, pile) is promoted in the same transaction.
    let pileID: Int?
    let eventID: Int
    /// The `webhook-id` header, the same for every attempt and resend of the event.
    let messageID: String
    let eventType: String
    /// The event's `data` object, as stored by `Outbox.enqueue`.
    let payload: String
    /// When the event was written: the body's `timestamp`, identical on every attempt.
    let eventTime: Date
    let url: String
    let secretSealed: [UInt8]
    /// Database clock; the retry schedule's lifetime counts from here.
    let firstAttemptAt: Date
    /// Proves ownership when the outcome is written: a lease that expired and was taken over by
    /// another process no longer matches.
    let leaseToken: String
}

extension LeasedDelivery: RowDecodable {
    /// Read through the aliases `d` (webhook_deliveries), `e` (webhook_events) and `w` (webhooks).
    static let columns: SQLColumns = [
        "d.id", "d.attempts", "d.event_id", "d.webhook_id", "d.pile_id",
        "UNIX_TIMESTAMP(d.first_attempt_at) AS first_attempt_at", "d.lease_token", "e.message_id", "e.type",
        "e.payload", "UNIX_TIMESTAMP(e.created_at) AS event_time", "w.url", "w.secret_sealed",
    ]

    init(row: Row) throws {
        deliveryID = try row.decode("id")
        attempt = try row.decode("attempts")
        webhookID = try row.decode("webhook_id")
        pileID = try row.decode("pile_id")
        eventID = try row.decode("event_id")
        messageID = try row.decode("message_id")
        eventType = try row.decode("type")
        payload = try row.decode("payload")
        eventTime = Date(timeIntervalSince1970: try row.decode("event_time"))
        url = try row.decode("url")
        let sealed: [UInt8]? = try row.decode("secret_sealed")
        secretSealed = sealed ?? []
        firstAttemptAt = Date(timeIntervalSince1970: try row.decode("first_attempt_at"))
        leaseToken = try row.decode("lease_token")
    }
}

/// A finished attempt waiting to be written.
struct CompletedAttempt: Sendable {
    let delivery: LeasedDelivery
    let result: AttemptResult
    /// When it finished, so an outcome that cannot be written (database down) is dropped once its
    /// lease has expired and another process may have taken the delivery over.
    let finishedAt = ContinuousClock.now
}
