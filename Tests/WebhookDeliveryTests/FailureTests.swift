import Foundation
import Testing
import Webhooks

extension WebhookDeliveryIntegration {
    @Suite struct Failures {
        @Test func anAnswerSlowerThanFifteenSecondsIsATimeoutAndIsRetried() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver, responses: [["sleep": 20]])
            let messageID = try fixture.enqueue()
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 40) {
                    try fixture.deliveries(webhookID: hook.id).first?.state == "delivered"
                })
            let attempts =
                try DeliveryLog(db: fixture.db).recentAttempts(webhookID: hook.id).reversed() as [DeliveryAttemptRecord]
            #expect(attempts.count == 2)
            #expect(attempts[0].statusCode == nil)
            #expect(attempts[0].error?.hasPrefix("timeout") == true)
            #expect((14_500...16_500).contains(attempts[0].durationMilliseconds))
            #expect(attempts[1].statusCode == 200)
            #expect(try receiver.log(hook.path).map(\.webhookID) == [messageID, messageID])
        }

        @Test func goneDisablesTheWebhookAndItReceivesNothingMore() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver, responses: [["status": 410]])
            try fixture.enqueue()
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try !fixture.webhookState(hook.id).enabled }
            )
            let state = try fixture.webhookState(hook.id)
            #expect(state.reason?.contains("410 Gone") == true)
            #expect(try fixture.deliveries(webhookID: hook.id).map(\.state) == ["failed"])

            let later = try fixture.enqueue()
            let laterID = try fixture.eventID(messageID: later)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 10) {
                    try fixture.db.fixtureFirst(
                        "SELECT id FROM webhook_events WHERE id = ? AND fanned_out_at IS NOT NULL", laterID)
                        != nil
                })
            try await Task.sleep(for: .milliseconds(500))
            #expect(try receiver.log(hook.path).count == 1)
            #expect(try fixture.deliveries(webhookID: hook.id).count == 1, "no delivery row for a disabled webhook")
        }

        @Test func tooManyRequestsWaitsForRetryAfter() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(
                scripting: receiver, responses: [["status": 429, "headers": ["Retry-After": "2"]]])
            try fixture.enqueue()
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try receiver.log(hook.path).count == 2 })
            let received = try receiver.log(hook.path)
            // The scaled schedule alone would retry after about 5 ms.
            #expect(received[1].receivedAt - received[0].receivedAt >= 1.9)
            #expect(received.allSatisfy { $0.verified })
            let first = try #require(try DeliveryLog(db: fixture.db).recentAttempts(webhookID: hook.id).last)
            #expect(first.statusCode == 429)
            let next = try #require(first.nextAttemptAt)
            #expect(next.timeIntervalSince(first.startedAt) >= 1.9)
        }

        @Test func onlyEnabledWebhooksOfTheEventsCaseAndEnvironmentReceiveIt() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let otherCase = try DeliveryFixture()
            let enabled = try fixture.addWebhook(receiver: receiver)
            let disabled = try fixture.addWebhook(receiver: receiver, enabled: false)
            let sandbox = try fixture.addWebhook(receiver: receiver, environment: "sandbox")
            let elsewhere = try otherCase.addWebhook(receiver: receiver)
            for hook in [enabled, disabled, sandbox, elsewhere] {
                try receiver.configure(path: hook.path, secret: hook.secret)
            }
            try fixture.enqueue()
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try receiver.log(enabled.path).count == 1 })
            try await Task.sleep(for: .milliseconds(500))
            for hook in [disabled, sandbox, elsewhere] {
                #expect(try receiver.log(hook.path).isEmpty)
                #expect(try fixture.deliveries(webhookID: hook.id).isEmpty)
            }
        }

        @Test func aReceiverThatGoesAwayAndComesBackGetsTheEventWithTheSameID() async throws {
            let receiver = try Receiver()
            let port = receiver.port
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(receiver: receiver)
            receiver.stop()
            let messageID = try fixture.enqueue()
            let log = DeliveryLog(db: fixture.db)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) {
                    try log.recentAttempts(webhookID: hook.id).count >= 2
                })
            let failures = try log.recentAttempts(webhookID: hook.id)
            #expect(failures.allSatisfy { $0.statusCode == nil && $0.error?.contains("connect") == true })
            try receiver.start(port: port)
            try receiver.configure(path: hook.path, secret: hook.secret)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 30) {
                    try fixture.deliveries(webhookID: hook.id).first?.state == "delivered"
                })
            let received = try receiver.log(hook.path)
            #expect(received.map(\.webhookID) == [messageID])
            #expect(received.first?.verified == true)
        }

        @Test func fiveDaysOfFailuresDisableAndFlagTheWebhook() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver, fallback: ["status": 500])
            try fixture.db.fixtureExecute(
                "UPDATE webhooks SET failing_since = NOW(6) - INTERVAL 6 DAY WHERE id = ?", hook.id)
            try fixture.enqueue()
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try !fixture.webhookState(hook.id).enabled }
            )
            let state = try fixture.webhookState(hook.id)
            #expect(state.reason?.contains("every delivery failed since") == true)
            #expect(state.failing)
            #expect(try fixture.deliveries(webhookID: hook.id).allSatisfy { $0.state != "pending" })
        }

        @Test func aSuccessClearsTheFailingFlag() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver)
            try fixture.db.fixtureExecute(
                "UPDATE webhooks SET failing_since = NOW(6) - INTERVAL 10 SECOND WHERE id = ?", hook.id)
            try fixture.enqueue()
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try !fixture.webhookState(hook.id).failing }
            )
            #expect(try fixture.webhookState(hook.id).enabled)
        }
    }
}
