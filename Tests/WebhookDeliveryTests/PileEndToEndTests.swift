import Foundation
import HTTP
import Testing

extension WebhookDeliveryIntegration {
    /// Piles end to end through nginx: the API takes the claims, the stack's pile worker vets
    /// them, and its delivery thread sends one `claim.pile_vetting_done` per claim to a real
    /// receiver, which verifies each signature.
    @Suite struct PileEndToEnd {
        @Test func pileOf2000WithoutAuditsReachesTheWebhookClaimByClaimInOrder() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let client = try PileClient(fixture: fixture, settings: String(format: PileClient.settings, 0))
            let hook = try fixture.addWebhook(scripting: receiver)
            let (pile, claims) = try client.submitPile(ref: "E2E-0", count: 2000)
            #expect(claims.count == 2000)

            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 120) {
                    try client.status(pile)["status"] as? String == "vetting_done"
                })
            let counts = try client.status(pile)["counts"] as? [String: Int] ?? [:]
            #expect(counts["received"] == 2000 && counts["vetted"] == 2000)
            #expect((counts["approved"] ?? 0) + (counts["rejected"] ?? 0) + (counts["pending"] ?? 0) == 2000)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 240) { try receiver.log(hook.path).count >= 2000 }
            )
            let received = try receiver.log(hook.path)
            try checkDelivered(received, pile: pile, claims: claims)
        }

        /// Every body matches the source document's fields and types, every one verifies, they
        /// came one after another in claim-id order, and each claim came exactly once.
        func checkDelivered(_ received: [ReceivedRequest], pile: Int, claims: [Int]) throws {
            #expect(received.count == claims.count)
            #expect(received.allSatisfy { $0.verified })
            var ids: [Int] = []
            var problems: [String] = []
            for request in received {
                let envelope = try JSONParser.parse(Array(request.body.utf8))
                #expect(envelope["type"] == .string("claim.pile_vetting_done"))
                let data = envelope["data"] ?? .null
                problems += PilePayloadContract.check(data).map { "claim \(data["id"] ?? .null): \($0)" }
                if case .int(let id) = data["id"] { ids.append(Int(id)) }
                #expect(data["pile_id"] == .int(Int64(pile)))
            }
            #expect(problems.prefix(10).isEmpty, "\(problems.prefix(10))")
            #expect(ids == claims.sorted(), "claim-id order, each exactly once")
            for (previous, next) in zip(received, received.dropFirst()) {
                #expect(next.receivedAt >= (previous.replyingAt ?? previous.receivedAt), "one after another")
            }
        }
    }
}
