import CCurl
import Foundation
import Testing

@testable import Webhooks

/// The HTTP client on its own, against the Python receiver on loopback: the SSRF guard runs on
/// the address libcurl actually connects to, redirects are not followed, only http(s) is spoken.
@Suite(.enabled(if: DeliveryTestEnvironment.python != nil, "needs the receiver's Python (.ci/test)"))
struct ConnectTimeGuardTests {
    let receiver: Receiver
    let secret = WebhookSecret.generate()

    init() throws {
        receiver = try Receiver()
    }

    private func send(_ url: String, allowList: String) throws -> AttemptResult {
        let messageID = WebhookMessageID.generate()
        let delivery = LeasedDelivery(
            deliveryID: 1, attempt: 1, webhookID: "w", pileID: nil, eventID: 1, messageID: messageID,
            eventType: "claim.scored", payload: "{}", eventTime: Date(), url: url, secretSealed: [],
            firstAttemptAt: Date(), leaseToken: "t")
        let event = try WebhookEvent(type: .claimScored, timestamp: Date(), data: Data(#"{"id":1}"#.utf8))
        let request = DeliveryRequest(
            event: event, messageID: messageID, attemptTime: Date(), signer: WebhookSigner(secret: secret))
        let guardrail = DestinationGuard(policy: try AddressPolicy(allowList: allowList))
        let transfer = try #require(
            HTTPTransfer(delivery: delivery, request: request, timeout: 15, destinations: guardrail))
        return transfer.result(code: curl_easy_perform(transfer.handle), now: Date())
    }

    @Test func anAllowListedLoopbackReceiverIsReachedAndVerifies() throws {
        try receiver.configure(path: "/ok", secret: secret.token)
        let result = try send(receiver.url("/ok"), allowList: "127.0.0.0/8")
        #expect(result.statusCode == 200 && result.error == nil)
        #expect(result.excerpt == Array("ok".utf8))
        #expect(try receiver.log("/ok").map(\.verified) == [true])
    }

    @Test func aLoopbackAddressIsRefusedWhenConnectingAndNothingIsSent() throws {
        try receiver.configure(path: "/no", secret: secret.token)
        let result = try send(receiver.url("/no"), allowList: "")
        #expect(result.statusCode == nil)
        #expect(result.error == "refused: 127.0.0.1 is a loopback address")
        #expect(try receiver.log("/no").isEmpty)
    }

    @Test func aHostNameThatResolvesToLoopbackIsRefusedAfterResolution() throws {
        // `localhost` comes from /etc/hosts, so no DNS query leaves the machine. The name passes
        // every check a name can pass; the resolved address is what gets refused (DNS rebinding).
        try receiver.configure(path: "/rebind", secret: secret.token)
        let result = try send("http://localhost:\(receiver.port)/rebind", allowList: "")
        #expect(result.statusCode == nil)
        #expect(result.error?.hasPrefix("refused: ") == true)
        #expect(result.error?.contains("is a loopback address") == true)
        #expect(try receiver.log("/rebind").isEmpty)
    }

    @Test func redirectsAreNotFollowed() throws {
        try receiver.configure(
            path: "/moved", secret: secret.token,
            fallback: ["status": 302, "headers": ["Location": receiver.url("/target")], "body": ""])
        try receiver.configure(path: "/target", secret: secret.token)
        let result = try send(receiver.url("/moved"), allowList: "127.0.0.0/8")
        #expect(result.statusCode == 302)
        #expect(DeliveryOutcome(statusCode: result.statusCode) == .retry(retryAfter: nil))
        #expect(try receiver.log("/target").isEmpty)
    }

    @Test func retryAfterIsReadFromTheAnswer() throws {
        try receiver.configure(
            path: "/busy", secret: secret.token, fallback: ["status": 503, "headers": ["Retry-After": "7"]])
        let result = try send(receiver.url("/busy"), allowList: "127.0.0.0/8")
        #expect(result.statusCode == 503)
        #expect(result.retryAfter == 7)
    }

    @Test func schemesOtherThanHTTPAreRefusedByLibcurl() throws {
        let result = try send("file:///etc/hostname", allowList: "127.0.0.0/8")
        #expect(result.statusCode == nil)
        #expect(result.error?.lowercased().contains("protocol") == true)
    }
}
