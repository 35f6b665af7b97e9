import Foundation
import Testing

@testable import Webhooks

@Suite struct DeliveryRequestTests {
    let secret = try! WebhookSecret(parsing: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    let event = try! WebhookEvent(
        type: .claimScored, timestamp: Date(timeIntervalSince1970: 1_795_000_000.25), data: Data(#"{"id":5012}"#.utf8))
    let attemptTime = Date(timeIntervalSince1970: 1_795_000_100.9)

    private func header(_ request: DeliveryRequest, _ name: String) -> String? {
        request.headers.first { $0.name == name }?.value
    }

    @Test func carriesTheStandardWebhooksHeadersAndVerifies() throws {
        let request = DeliveryRequest(
            event: event, messageID: "msg_abc", attemptTime: attemptTime, signer: WebhookSigner(secret: secret))
        #expect(header(request, "webhook-id") == "msg_abc")
        #expect(header(request, "webhook-timestamp") == "1795000100")
        #expect(header(request, "content-type") == "application/json")
        #expect(header(request, "user-agent") == "ClaimScore-Webhooks/1")
        try WebhookSigner(secret: secret).verify(
            id: "msg_abc", timestamp: "1795000100", signatures: try #require(header(request, "webhook-signature")),
            body: request.body, now: attemptTime)
    }

    @Test func theBodyIsTheEnvelopeAndIdenticalOnEveryAttempt() throws {
        let signer = WebhookSigner(secret: secret)
        let first = DeliveryRequest(event: event, messageID: "msg_abc", attemptTime: attemptTime, signer: signer)
        let retry = DeliveryRequest(
            event: event, messageID: "msg_abc", attemptTime: attemptTime.addingTimeInterval(300), signer: signer)
        #expect(first.body == retry.body)
        #expect(header(first, "webhook-signature") != header(retry, "webhook-signature"))
        let text = String(decoding: first.body, as: UTF8.self)
        #expect(text == #"{"type":"claim.scored","timestamp":"2026-11-18T11:06:40.250Z","data":{"id":5012}}"#)
    }

    @Test func curlIsToldNotToWaitForHundredContinue() {
        let request = DeliveryRequest(
            event: event, messageID: "msg_abc", attemptTime: attemptTime, signer: WebhookSigner(secret: secret))
        #expect(request.headerLines.last == "Expect:")
    }

    @Test(arguments: [false, true])
    func theSampleClaimIsValidJSONWithThePilePayloadFields(health: Bool) throws {
        let text = SampleClaim.json(health: health, caseID: "c-1", environment: "sandbox", now: attemptTime)
        let claim = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(claim["case_id"] as? String == "c-1" && claim["environment"] as? String == "sandbox")
        #expect((claim["ref"] as? String)?.hasPrefix("TEST-") == true)
        _ = try WebhookEvent(type: .webhookTest, timestamp: attemptTime, data: Data(text.utf8))
        guard health else { return }
        for key in ["id", "pile_id", "enrollee_id", "approval_status"] { #expect(claim[key] is Int, "\(key)") }
        for key in ["billed_amount", "approved_amount"] { #expect(claim[key] is Double, "\(key)") }
        for key in ["ref", "encounter_date", "vetted_at"] { #expect(claim[key] is String, "\(key)") }
        let provider = try #require(claim["provider"] as? [String: Any])
        #expect(provider["id"] is Int && provider["name"] is String && provider["code"] is String)
        let diagnosis = try #require((claim["diagnoses"] as? [[String: Any]])?.first)
        #expect(diagnosis["name"] is String && diagnosis["icd_code"] is String)
        let item = try #require((claim["items"] as? [[String: Any]])?.first)
        for key in [
            "unit_price_billed", "unit_price_approved", "qty_billed", "qty_approved", "sub_total_billed",
            "sub_total_approved", "approval_status",
        ] {
            #expect(item[key] is Int, "items[0].\(key)")
        }
        #expect(item["ref"] is String && item["description"] is String && item["comments"] is [Any])
    }

    @Test func scalingTheScheduleScalesEveryDurationButNotTheJitter() {
        let scaled = RetrySchedule.standard.scaled(by: 0.001)
        #expect(scaled.delays == RetrySchedule.standard.delays.map { $0 * 0.001 })
        #expect(scaled.jitter == 0.2)
        #expect(scaled.maximumLifetime == 48 * 3.6)
        #expect(abs(scaled.disableAfter - 432) < 1e-9)
        #expect(RetrySchedule.standard.scaled(by: 1).delays == RetrySchedule.standard.delays)
    }
}
