import Database
import Foundation

extension DeliveryRecord: RowDecodable {
    /// Read through the aliases `d` (webhook_deliveries) and `e` (webhook_events).
    public static let columns: SQLColumns = [
        "d.id", "d.event_id", "e.message_id", "e.type", "d.pile_id", "d.origin", "d.state", "d.attempts",
        "UNIX_TIMESTAMP(d.created_at) AS created_at", "UNIX_TIMESTAMP(d.last_attempt_at) AS last_attempt_at",
        "UNIX_TIMESTAMP(d.next_attempt_at) AS next_attempt_at", "d.last_status_code", "d.last_error",
    ]

    public init(row: Row) throws {
        let state: State = try row.decode("state")
        self.init(
            id: try row.decode("id"), eventID: try row.decode("event_id"), messageID: try row.decode("message_id"),
            eventType: try row.decode("type"), pileID: try row.decode("pile_id"),
            isResend: try row.decode("origin", as: String.self) == "resend", state: state,
            attempts: try row.decode("attempts"), createdAt: try row.epochDate("created_at"),
            lastAttemptAt: try row.optionalEpochDate("last_attempt_at"),
            nextAttemptAt: state == .pending ? try row.optionalEpochDate("next_attempt_at") : nil,
            lastStatusCode: try row.decode("last_status_code"), lastError: try row.decode("last_error"))
    }
}
