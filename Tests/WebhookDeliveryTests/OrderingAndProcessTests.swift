import Foundation
import Testing
import Webhooks

#if canImport(Glibc)
    import Glibc
#endif

extension WebhookDeliveryIntegration {
    @Suite struct OrderingAndProcesses {
        @Test func pileEventsArriveOneAtATimeInClaimIDOrder() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            // The second request (claim 102's first attempt) fails: 103 must wait for its retry.
            let hook = try fixture.addWebhook(
                scripting: receiver, responses: [["status": 200, "sleep": 0.3], ["status": 500]])
            let pile = Int.random(in: 1_000_000...9_000_000)
            let claims = [104, 101, 106, 102, 105, 103]
            // One transaction, as a pile reaching vetting_done writes them, in an order that is not claim order.
            try fixture.enqueuePile(claims.map { (pile, $0) })
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 30) { try receiver.log(hook.path).count >= 7 })
            let received = try receiver.log(hook.path)
            #expect(received.compactMap { $0.data["id"] as? Int } == [101, 102, 102, 103, 104, 105, 106])
            #expect(received.map(\.status) == [200, 500, 200, 200, 200, 200, 200])
            for (previous, next) in zip(received, received.dropFirst()) {
                let replied = try #require(previous.replyingAt)
                #expect(next.receivedAt >= replied, "each request starts only after the previous one was answered")
            }
            #expect(received.allSatisfy { $0.verified })
        }

        @Test func requestsInFlightToOneWebhookStayWithinTheLimit() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hook = try fixture.addWebhook(scripting: receiver, fallback: ["status": 200, "sleep": 0.5])
            for _ in 0..<12 { try fixture.enqueue() }
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 30) { try receiver.log(hook.path).count == 12 })
            let intervals = try receiver.log(hook.path).map { ($0.receivedAt, $0.replyingAt ?? $0.receivedAt) }
            let peak =
                intervals.map { interval in
                    intervals.filter { $0.0 <= interval.0 && $0.1 > interval.0 }.count
                }.max() ?? 0
            #expect(peak == 4, "the stack's one process keeps webhook_max_in_flight = 4 requests going")
        }

        @Test func twoProcessesNeverSendTheSameAttemptTwice() async throws {
            let second = try ServeProcess(name: "second")
            defer { second.process.stop() }
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hooks = try (0..<8).map { _ in
                try fixture.addWebhook(scripting: receiver, fallback: ["status": 200, "sleep": 0.05])
            }
            var sent: Set<String> = []
            for _ in 0..<25 { sent.insert(try fixture.enqueue()) }
            let expected = sent.count * hooks.count
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 60) {
                    try hooks.reduce(0) { $0 + (try receiver.log($1.path).count) } >= expected
                })
            try await Task.sleep(for: .milliseconds(500))
            for hook in hooks {
                let ids = try receiver.log(hook.path).map(\.webhookID)
                #expect(ids.count == sent.count, "each event exactly once per webhook")
                #expect(Set(ids) == sent)
            }
            let senders = try fixture.db.fixtureQuery(
                """
                SELECT a.sent_by, COUNT(*) AS n, MAX(a.attempt) AS most FROM webhook_delivery_attempts a
                JOIN webhook_deliveries d ON d.id = a.delivery_id JOIN webhook_events e ON e.id = d.event_id
                WHERE e.case_id = ? GROUP BY a.sent_by
                """, fixture.caseID)
            #expect(
                senders.count == 2, "both processes delivered: \(senders.map { $0.optionalString("sent_by") ?? "" })")
            #expect(senders.contains { $0.optionalString("sent_by") == second.worker })
            #expect(senders.reduce(0) { $0 + ($1.optionalInt("n") ?? 0) } == expected)
            #expect(senders.allSatisfy { $0.optionalInt("most") == 1 })
        }

        @Test func killedMidDeliveryThenRestartedEveryEventArrivesWithTheSameID() async throws {
            var crashing = try ServeProcess(name: "crash")
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let hooks = try (0..<4).map { _ in
                try fixture.addWebhook(scripting: receiver, fallback: ["status": 200, "sleep": 2])
            }
            var sent: Set<String> = []
            for _ in 0..<6 { sent.insert(try fixture.enqueue()) }
            // Wait until the doomed process has requests in flight that the receiver has seen.
            let worker = crashing.worker
            func leasedByDoomed() throws -> Set<String> {
                Set(
                    try fixture.db.fixtureQuery(
                        """
                        SELECT d.webhook_id, e.message_id FROM webhook_deliveries d
                        JOIN webhook_events e ON e.id = d.event_id
                        WHERE e.case_id = ? AND d.state = 'pending' AND d.leased_by = ?
                        """, fixture.caseID, worker
                    ).map { "\(try $0.string("webhook_id")) \(try $0.string("message_id"))" })
            }
            func receivedPairs() throws -> [String] {
                try hooks.flatMap { hook in try receiver.log(hook.path).map { "\(hook.id) \($0.webhookID)" } }
            }
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 20) {
                    !(try leasedByDoomed().intersection(try receivedPairs())).isEmpty
                })
            #expect(crashing.process.kill(signal: SIGKILL))
            // Dead now: what it still holds is exactly what it had in flight.
            let orphaned = try leasedByDoomed()
            crashing = try ServeProcess(name: "restarted")
            defer { crashing.process.stop() }
            let expected = sent.count * hooks.count
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 90) {
                    try fixture.db.fixtureFirst(
                        """
                        SELECT COUNT(*) AS n FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                        WHERE e.case_id = ? AND d.state = 'delivered'
                        """, fixture.caseID)?.int("n") == expected
                })
            for hook in hooks {
                let received = try receiver.log(hook.path)
                #expect(Set(received.map(\.webhookID)) == sent, "every event arrived at least once")
                #expect(received.allSatisfy { $0.verified })
            }
            let all = try receivedPairs()
            let repeated = Set(all.filter { pair in all.filter { $0 == pair }.count > 1 })
            #expect(!repeated.isEmpty, "what the killed process had in flight was sent again")
            #expect(repeated.isSubset(of: orphaned), "only what it had in flight, with the same webhook-id")
        }
    }
}
