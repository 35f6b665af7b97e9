import Foundation

/// The bytes and headers of one attempt, built apart from the HTTP client so the Standard Webhooks
/// framing can be tested without a network.
public struct DeliveryRequest: Sendable {
    /// Sent as `user-agent`; receivers' firewalls and logs recognise us by it.
    public static let userAgent = "ClaimScore-Webhooks/1"

    /// The signed body: `{"type","timestamp","data"}`.
    public let body: Data
    /// Header name and value pairs, names in lower case as the specification writes them.
    public let headers: [(name: String, value: String)]

    /// Frames `event` as message `messageID`, signed for an attempt made at `attemptTime`.
    ///
    /// The body depends only on the event (its timestamp is when the event happened), so every
    /// retry and resend carries identical bytes; only `webhook-timestamp` and the signature change.
    public init(event: WebhookEvent, messageID: String, attemptTime: Date, signer: WebhookSigner) {
        let body = event.body
        let timestamp = Int(attemptTime.timeIntervalSince1970.rounded(.down))
        self.body = body
        self.headers = [
            ("webhook-id", messageID),
            ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", signer.sign(id: messageID, timestamp: timestamp, body: body)),
            ("content-type", "application/json"),
            ("user-agent", DeliveryRequest.userAgent),
        ]
    }

    /// The header lines for libcurl. The empty `Expect:` stops curl from waiting up to a second
    /// for `100 Continue` before sending bodies over 1 KB.
    public var headerLines: [String] {
        headers.map { "\($0.name): \($0.value)" } + ["Expect:"]
    }
}
