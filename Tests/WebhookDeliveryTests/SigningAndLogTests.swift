import Foundation
import Testing
import Webhooks

extension WebhookDeliveryIntegration {
    @Suite struct SigningAndLog {
        @Test func everyEventTypeArrivesSignedAndTheLibraryVerifiesIt() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver)
            var sent: [String: WebhookEventType] = [:]
            for type in [WebhookEventType.claimScored, .claimPileVettingDone, .claimReviewed] {
                sent[try fixture.enqueue(type, pileID: type == .claimPileVettingDone ? 7 : nil)] = type
            }
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try receiver.log(hook.path).count >= 3 })
            let received = try receiver.log(hook.path)
            #expect(received.count == 3)
            for request in received {
                #expect(request.verified, "standardwebhooks rejected it: \(request.verifyError ?? "")")
                #expect(request.contentType == "application/json")
                #expect(request.userAgent == "ClaimScore-Webhooks/1")
                #expect(request.signature.hasPrefix("v1,"))
                let stamp = try #require(Double(request.timestamp))
                #expect(abs(stamp - request.receivedAt) < 5)
                let type = try #require(sent[request.webhookID], "webhook-id is the outbox message id")
                #expect(request.json["type"] as? String == type.rawValue)
                #expect((request.json["timestamp"] as? String)?.hasSuffix("Z") == true)
                #expect(request.data["ref"] is String)
            }
        }

        @Test func serverErrorsAreRetriedWithTheSameIDAndEveryAttemptIsLogged() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(
                scripting: receiver,
                responses: [["status": 500, "body": "boom"], ["status": 502, "body": "bad gateway"]])
            let messageID = try fixture.enqueue()
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) {
                    try fixture.deliveries(webhookID: hook.id).first?.state == "delivered"
                })
            let received = try receiver.log(hook.path)
            #expect(received.map(\.status) == [500, 502, 200])
            #expect(received.allSatisfy { $0.webhookID == messageID && $0.verified })
            #expect(Set(received.map(\.body)).count == 1, "every retry carries the identical body")

            let log = DeliveryLog(db: fixture.db)
            let delivery = try #require(try log.recentDeliveries(webhookID: hook.id).first)
            #expect(delivery.messageID == messageID)
            #expect(delivery.state == .delivered && delivery.attempts == 3 && delivery.nextAttemptAt == nil)
            let attempts = try log.attempts(deliveryID: delivery.id, webhookID: hook.id)
            #expect(attempts.map(\.attempt) == [1, 2, 3])
            #expect(attempts.map(\.statusCode) == [500, 502, 200])
            #expect(attempts.map(\.responseExcerpt) == ["boom", "bad gateway", "ok"])
            #expect(attempts[0].nextAttemptAt != nil && attempts[1].nextAttemptAt != nil)
            #expect(attempts[2].nextAttemptAt == nil)
            #expect(attempts.allSatisfy { $0.eventType == "claim.scored" && $0.durationMilliseconds >= 0 })
            #expect(try log.recentAttempts(webhookID: hook.id).map(\.attempt) == [3, 2, 1])
        }

        @Test func longAnswersAreCutToTwoKilobytesInTheLog() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(
                scripting: receiver,
                fallback: ["status": 200, "body": String(repeating: "x", count: 5000)])
            try fixture.enqueue()
            let log = DeliveryLog(db: fixture.db)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) {
                    try !log.recentAttempts(webhookID: hook.id).isEmpty
                })
            #expect(try log.recentAttempts(webhookID: hook.id).first?.responseExcerpt.utf8.count == 2048)
        }

        @Test func testEventAndResendReachOnlyTheirWebhookWithTheSameID() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver)
            let other = try fixture.addWebhook(scripting: receiver)
            let log = DeliveryLog(db: fixture.db)
            let messageID = try log.sendTestEvent(webhookID: hook.id)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try receiver.log(hook.path).count == 1 })
            let test = try #require(try receiver.log(hook.path).first)
            #expect(test.verified && test.webhookID == messageID)
            #expect(test.json["type"] as? String == "webhook.test")
            #expect(test.data["ref"] as? String == "TEST-0001" && test.data["items"] is [Any])

            let eventID = try fixture.eventID(messageID: messageID)
            try log.resend(eventID: eventID, webhookID: hook.id)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try receiver.log(hook.path).count == 2 })
            let resent = try receiver.log(hook.path)[1]
            #expect(resent.verified && resent.webhookID == messageID && resent.body == test.body)
            let deliveries = try log.recentDeliveries(webhookID: hook.id)
            #expect(deliveries.map(\.isResend) == [true, false])
            #expect(try receiver.log(other.path).isEmpty, "a targeted event goes to its webhook only")

            let stranger = try DeliveryFixture()
            let strangerEvent = try stranger.eventID(messageID: try stranger.enqueue())
            #expect(throws: DeliveryLogError.self) { try log.resend(eventID: strangerEvent, webhookID: hook.id) }
            #expect(throws: DeliveryLogError.self) { try log.sendTestEvent(webhookID: DeliveryFixture.uuid()) }
        }

        @Test func refusedDestinationsAreLoggedWithTheReasonAndNothingIsSent() async throws {
            let fixture = try DeliveryFixture()
            let named = try fixture.addWebhook(receiver: nil, url: "http://example.com/hook")
            let privateAddress = try fixture.addWebhook(receiver: nil, url: "http://10.0.0.1/hook")
            try fixture.enqueue()
            let log = DeliveryLog(db: fixture.db)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) {
                    try !log.recentAttempts(webhookID: named.id).isEmpty
                        && !log.recentAttempts(webhookID: privateAddress.id).isEmpty
                })
            let namedAttempt = try #require(try log.recentAttempts(webhookID: named.id).last)
            #expect(namedAttempt.statusCode == nil)
            #expect(namedAttempt.error?.contains("refused: example.com is a host name") == true)
            #expect(namedAttempt.nextAttemptAt != nil, "a refusal is retried on the schedule like any failure")
            let privateAttempt = try #require(try log.recentAttempts(webhookID: privateAddress.id).last)
            #expect(privateAttempt.error?.contains("10.0.0.1 is a private address") == true)
        }
    }
}
