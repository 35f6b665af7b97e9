import Database
import Foundation
import Tenancy
import TestSupport
import Webhooks

/// An organization and a case of their own in the test database, with helpers to add webhooks the
/// way the portal stores them (token sealed with `SecretBox`, empty context) and to write events
/// the way the API does (`Outbox.enqueue`).
struct DeliveryFixture {
    struct Webhook {
        let id: String
        /// The `whsec_` token the receiver verifies with.
        let secret: String
        /// The receiver path it posts to.
        let path: String
    }

    let db: Connection
    let orgID: String
    let caseID: String

    init(claimType: String = "health") throws {
        db = TestDatabase.connect()
        orgID = Self.uuid()
        caseID = Self.uuid()
        try db.fixtureExecute("INSERT INTO organizations (id, name) VALUES (?, ?)", orgID, "Delivery test org")
        try db.fixtureExecute(
            "INSERT INTO cases (id, org_id, name, claim_type) VALUES (?, ?, ?, ?)", caseID, orgID, "Delivery test case",
            claimType)
    }

    static func uuid() -> String { UUID().uuidString.lowercased() }

    /// A webhook of this fixture's case posting to `receiver` (or to `url` when given).
    func addWebhook(
        receiver: Receiver?, url: String? = nil, enabled: Bool = true, environment: String = "production",
        caseID: String? = nil
    ) throws -> Webhook {
        let id = Self.uuid()
        let path = "/hooks/\(id)"
        let secret = WebhookSecret.generate().token
        let box = try SecretBox(key: DeliveryTestEnvironment.secretKey ?? "")
        try db.fixtureExecute(
            """
            INSERT INTO webhooks (id, org_id, case_id, environment, name, url, secret_sealed, secret_hint, enabled)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, id, orgID, caseID ?? self.caseID, environment, "test hook", url ?? receiver?.url(path) ?? "",
            Array(try box.seal(secret)), String(secret.suffix(4)), enabled)
        return Webhook(id: id, secret: secret, path: path)
    }

    /// A webhook posting to `receiver`, which is told its secret and how to answer (see
    /// `Receiver.configure`).
    func addWebhook(
        scripting receiver: Receiver, responses: [[String: Any]] = [],
        fallback: [String: Any] = ["status": 200, "body": "ok"]
    ) throws -> Webhook {
        let hook = try addWebhook(receiver: receiver)
        try receiver.configure(path: hook.path, secret: hook.secret, responses: responses, fallback: fallback)
        return hook
    }

    /// Writes one event in its own transaction, as the API would; returns its `webhook-id`.
    @discardableResult
    func enqueue(
        _ type: WebhookEventType = .claimScored, claimID: Int? = nil, pileID: Int? = nil,
        environment: Environment = .production
    ) throws -> String {
        let claim = claimID ?? Int.random(in: 1...1_000_000_000)
        let data = #"{"id":\#(claim),"pile_id":\#(pileID.map(String.init) ?? "null"),"ref":"T-\#(claim)"}"#
        return try db.transaction {
            try Outbox.enqueue(
                db, type: type, orgID: orgID, caseID: caseID, environment: environment, claimID: claim,
                pileID: pileID, data: Array(data.utf8))
        }
    }

    /// Writes `claim.pile_vetting_done` events in ONE transaction, in the order given, as a pile
    /// reaching vetting_done does; returns their `webhook-id`s.
    @discardableResult
    func enqueuePile(_ events: [(pile: Int, claim: Int)]) throws -> [String] {
        try db.transaction {
            try events.map { event in
                try Outbox.enqueue(
                    db, type: .claimPileVettingDone, orgID: orgID, caseID: caseID, environment: .production,
                    claimID: event.claim, pileID: event.pile,
                    data: Array(#"{"id":\#(event.claim),"pile_id":\#(event.pile)}"#.utf8))
            }
        }
    }

    /// The states of one webhook's deliveries of a pile, in claim-id order.
    func pileStates(webhookID: String, pileID: Int) throws -> [String] {
        try db.fixtureQuery(
            "SELECT state FROM webhook_deliveries WHERE webhook_id = ? AND pile_id = ? ORDER BY claim_id, id",
            webhookID, pileID
        ).map { try $0.string("state") }
    }

    func eventID(messageID: String) throws -> Int {
        try db.fixtureFirst("SELECT id FROM webhook_events WHERE message_id = ?", messageID)?.int("id") ?? 0
    }

    /// Delivery rows of one webhook: (message id, state, attempts), oldest first.
    func deliveries(webhookID: String) throws -> [(messageID: String, state: String, attempts: Int)] {
        try db.fixtureQuery(
            """
            SELECT e.message_id, d.state, d.attempts FROM webhook_deliveries d
            JOIN webhook_events e ON e.id = d.event_id WHERE d.webhook_id = ? ORDER BY d.id
            """, webhookID
        ).map { (try $0.string("message_id"), try $0.string("state"), try $0.int("attempts")) }
    }

    /// (enabled, disabled_reason, failing_since is set) of a webhook.
    func webhookState(_ id: String) throws -> (enabled: Bool, reason: String?, failing: Bool) {
        let row = try db.fixtureFirst("SELECT enabled, disabled_reason, failing_since FROM webhooks WHERE id = ?", id)
        return (
            try row?.bool("enabled") ?? false, row?.optionalString("disabled_reason"),
            !(row?.isNull("failing_since") ?? true)
        )
    }
}
