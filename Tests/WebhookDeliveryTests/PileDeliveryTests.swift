import Foundation
import Testing

extension WebhookDeliveryIntegration {
    /// Pile order with `waiting` deliveries: several piles, several webhooks, failures, a disabled
    /// webhook and two processes, each against the real stack and receiver.
    @Suite struct PileOrder {
        static func newPile() -> Int { Int.random(in: 1_000_000...9_000_000_000) }

        /// What a pile stream must look like at the receiver: each request only after the previous
        /// one was answered.
        static func expectOneAtATime(_ received: [ReceivedRequest], sourceLocation: SourceLocation = #_sourceLocation) {
            for (previous, next) in zip(received, received.dropFirst()) {
                guard let replied = previous.replyingAt else {
                    Issue.record("a request was never answered", sourceLocation: sourceLocation)
                    return
                }
                #expect(next.receivedAt >= replied, "one at a time", sourceLocation: sourceLocation)
            }
        }

        static func claims(_ received: [ReceivedRequest]) -> [Int] { received.compactMap { $0.data["id"] as? Int } }

        @Test func twoPilesInterleavedToOneWebhookEachStayInClaimOrder() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver, fallback: ["status": 200, "sleep": 0.05])
            let first = Self.newPile()
            let second = first + 1
            let firstClaims = [305, 301, 303, 302, 304]
            let secondClaims = [404, 402, 401, 405, 403]
            try fixture.enqueuePile(zip(firstClaims, secondClaims).flatMap { [(first, $0), (second, $1)] })
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 30) { try receiver.log(hook.path).count >= 10 })
            let received = try receiver.log(hook.path)
            #expect(received.count == 10)
            var streams: [[ReceivedRequest]] = []
            for (pile, claims) in [(first, firstClaims), (second, secondClaims)] {
                let stream = received.filter { $0.data["pile_id"] as? Int == pile }
                #expect(Self.claims(stream) == claims.sorted())
                Self.expectOneAtATime(stream)
                streams.append(stream)
            }
            // Side by side: one pile's order never holds back another pile.
            let secondStarted = try #require(streams[1].first?.receivedAt)
            let firstEnded = try #require(streams[0].last?.receivedAt)
            #expect(secondStarted < firstEnded)
            #expect(received.allSatisfy { $0.verified })
        }

        @Test func aPileToTwoWebhooksWhereOneRetriesDoesNotHoldTheOtherBack() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let slow = try fixture.addWebhook(
                scripting: receiver, responses: [["status": 503, "headers": ["Retry-After": "2"]]])
            let fast = try fixture.addWebhook(scripting: receiver)
            let pile = Self.newPile()
            let claims = [501, 502, 503, 504, 505]
            try fixture.enqueuePile(claims.map { (pile, $0) })
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try receiver.log(fast.path).count == 5 })
            #expect(try receiver.log(slow.path).count == 1, "the other webhook still waits for its Retry-After")
            let queued = ["pending"] + Array(repeating: "waiting", count: 4)
            #expect(try fixture.pileStates(webhookID: slow.id, pileID: pile) == queued)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try receiver.log(slow.path).count == 6 })
            let held = try receiver.log(slow.path)
            #expect(Self.claims(held) == [501] + claims)
            #expect(held.map(\.status) == [503, 200, 200, 200, 200, 200])
            Self.expectOneAtATime(held)
            let fastReceived = try receiver.log(fast.path)
            #expect(Self.claims(fastReceived) == claims)
            #expect(try #require(fastReceived.last?.receivedAt) < held[1].receivedAt)
        }

        @Test func goneDisablesTheWebhookAndCancelsTheRestOfThePile() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver, responses: [["status": 200], ["status": 410]])
            let pile = Self.newPile()
            try fixture.enqueuePile((601...605).map { (pile, $0) })
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) { try !fixture.webhookState(hook.id).enabled }
            )
            #expect(
                try fixture.pileStates(webhookID: hook.id, pileID: pile)
                    == ["delivered", "failed", "cancelled", "cancelled", "cancelled"])
            try await Task.sleep(for: .milliseconds(500))
            #expect(Self.claims(try receiver.log(hook.path)) == [601, 602])
        }

        @Test func twoProcessesDeliverAPileExactlyOnceAndInClaimOrder() async throws {
            let second = try ServeProcess(name: "pile")
            defer { second.process.stop() }
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            // Every tenth answer is a 500: its retry is due 5 ms later (scaled schedule), and either
            // process may be the one that takes it.
            let script: [[String: Any]] = (0..<300).map { ["status": $0 % 10 == 9 ? 500 : 200] }
            let hooks = try (0..<2).map { _ in try fixture.addWebhook(scripting: receiver, responses: script) }
            let pile = Self.newPile()
            let claims = Array(10_001...10_300)
            try fixture.enqueuePile(claims.shuffled().map { (pile, $0) })
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 120) {
                    try hooks.allSatisfy { hook in
                        try receiver.log(hook.path).filter { $0.status == 200 }.count >= claims.count
                    }
                })
            try await Task.sleep(for: .milliseconds(500))
            var requests = 0
            for hook in hooks {
                let received = try receiver.log(hook.path)
                requests += received.count
                let delivered = received.filter { $0.status == 200 }
                #expect(Self.claims(delivered) == claims, "each claim delivered exactly once, in claim order")
                #expect(Set(delivered.map(\.webhookID)).count == claims.count)
                for (failed, next) in zip(received, received.dropFirst()) where failed.status != 200 {
                    #expect(next.webhookID == failed.webhookID, "a failed claim is retried before the next one")
                }
                Self.expectOneAtATime(received)
                #expect(received.allSatisfy { $0.verified })
            }
            let senders = try fixture.db.fixtureQuery(
                """
                SELECT a.sent_by, COUNT(*) AS n FROM webhook_delivery_attempts a
                JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.pile_id = ? GROUP BY a.sent_by
                """, pile)
            #expect(senders.count == 2, "both processes sent: \(senders.map { $0.optionalString("sent_by") ?? "" })")
            #expect(senders.reduce(0) { $0 + ($1.optionalInt("n") ?? 0) } == requests, "no attempt sent twice")
        }
    }
}
