import Foundation
import HTTP
import JSON
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

        @Test func pileOf2000WithTwoAuditLevelsIsSentOnlyWhenEveryClaimPassedBothLevels() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let client = try PileClient(fixture: fixture, settings: String(format: PileClient.settings, 2))
            let hook = try fixture.addWebhook(scripting: receiver)
            let first = try PileReviewer(fixture: fixture, level: 1)
            let second = try PileReviewer(fixture: fixture, level: 2)
            let (pile, claims) = try client.submitPile(ref: "E2E-2", count: 2000)
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 120) {
                    try client.status(pile)["status"] as? String == "in_audit"
                })
            #expect((try client.status(pile)["counts"] as? [String: Int])?["awaiting_audit"] == 2000)
            // Level 1 approves every claim but rejects every tenth; level 2 approves them all but
            // the first tenth. Nothing is sent before the last sign-off.
            for (index, claim) in claims.enumerated() {
                #expect(try first.signOff(claim, index % 10 == 0 ? "reject" : "approve") == 303)
            }
            #expect(try client.status(pile)["status"] as? String == "in_audit")
            #expect(try first.signOff(claims[0], "approve") != 303, "level 1 is done with it")
            for (index, claim) in claims.enumerated() {
                #expect(try second.signOff(claim, index < 200 ? "reject" : "approve") == 303)
            }
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 60) {
                    try client.status(pile)["status"] as? String == "vetting_done"
                })
            let counts = try client.status(pile)["counts"] as? [String: Int] ?? [:]
            #expect(counts["approved"] == 1800 && counts["rejected"] == 200 && counts["awaiting_audit"] == 0)
            // The webhook also gets a claim.reviewed per sign-off (4000); the pile's events are apart.
            func pileEvents() throws -> [ReceivedRequest] {
                try receiver.log(hook.path).filter { $0.json["type"] as? String == "claim.pile_vetting_done" }
            }
            #expect(try await DeliveryTestEnvironment.eventually(timeout: 240) { try pileEvents().count >= 2000 })
            let received = try pileEvents()
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 120) {
                    try receiver.log(hook.path).count - received.count == 4000
                }, "one claim.reviewed per sign-off")
            try checkDelivered(received, pile: pile, claims: claims)
            let statuses = received.map { $0.data["approval_status"] as? Int }
            #expect(statuses.prefix(200).allSatisfy { $0 == 0 } && statuses.dropFirst(200).allSatisfy { $0 == 1 })
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
