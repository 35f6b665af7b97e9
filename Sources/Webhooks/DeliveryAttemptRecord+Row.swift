import Database
import Foundation

extension DeliveryAttemptRecord: RowDecodable {
    /// Read through the aliases `a` (webhook_delivery_attempts), `d` (webhook_deliveries) and `e`
    /// (webhook_events).
    public static let columns: SQLColumns = [
        "a.delivery_id", "d.event_id", "e.message_id", "e.type", "a.attempt",
        "UNIX_TIMESTAMP(a.started_at) AS started_at", "a.status_code", "a.duration_ms", "a.response_excerpt",
        "a.error", "UNIX_TIMESTAMP(a.next_attempt_at) AS next_attempt_at", "a.sent_by",
    ]

    public init(row: Row) throws {
        let excerpt: [UInt8]? = try row.decode("response_excerpt")
        self.init(
            deliveryID: try row.decode("delivery_id"), eventID: try row.decode("event_id"),
            messageID: try row.decode("message_id"), eventType: try row.decode("type"),
            attempt: try row.decode("attempt"), startedAt: try row.epochDate("started_at"),
            statusCode: try row.decode("status_code"), durationMilliseconds: try row.decode("duration_ms"),
            responseExcerpt: String(decoding: excerpt ?? [], as: UTF8.self), error: try row.decode("error"),
            nextAttemptAt: try row.optionalEpochDate("next_attempt_at"), sentBy: try row.decode("sent_by"))
    }
}
