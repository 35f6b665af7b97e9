import Database
import Tenancy

extension Outbox {
    /// One event of a batch: which claim and pile it reports, and its `data`.
    public struct Entry: Sendable {
        public let claimID: Int?
        public let pileID: Int?
        public let data: [UInt8]

        public init(claimID: Int?, pileID: Int?, data: [UInt8]) {
            self.claimID = claimID
            self.pileID = pileID
            self.data = data
        }
    }

    /// Inserts many events of one type, case and environment in as few statements as possible,
    /// in the order given (the outbox id order is the order of `entries`). Inside the caller's
    /// transaction, like `enqueue`.
    public static func enqueueMany(
        _ db: Connection, type: WebhookEventType, orgID: String, caseID: String, environment: Environment,
        entries: [Entry]
    ) throws(DatabaseError) {
        let rows: [[any Bindable]] = entries.map { entry in
            [
                WebhookMessageID.generate(), orgID, caseID, environment, type, entry.claimID, entry.pileID,
                String(decoding: entry.data, as: UTF8.self),
            ]
        }
        try db.insertMany(
            into: "webhook_events",
            columns: ["message_id", "org_id", "case_id", "environment", "type", "claim_id", "pile_id", "payload"],
            rows: rows)
    }
}
