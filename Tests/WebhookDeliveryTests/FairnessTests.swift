import Database
import Foundation
import Testing
import Webhooks

extension WebhookDeliveryIntegration {
    /// Issue 10, item 6: one tenant's dead webhooks and their backlog must not delay another
    /// tenant's deliveries; a webhook that keeps failing is paused as a whole (circuit breaker).
    @Suite struct Fairness {
        /// Four dead webhooks of organization A: two whose receiver is gone (connection refused), two
        /// answering 500 at once. Returns them with the receiver that must stay alive.
        private func deadWebhooks(_ fixture: DeliveryFixture) throws -> (hooks: [String], failing: Receiver) {
            let gone = try Receiver()
            let failing = try Receiver()
            var hooks: [String] = []
            for _ in 0..<2 { hooks.append(try fixture.addWebhook(receiver: gone).id) }
            for _ in 0..<2 {
                hooks.append(try fixture.addWebhook(scripting: failing, fallback: ["status": 500, "body": "down"]).id)
            }
            gone.stop()
            return (hooks, failing)
        }

        /// `perWebhook` due deliveries for each webhook, written in bulk (one statement each), all of
        /// one already fanned-out event and due since an hour: the backlog of a long outage.
        private func backlog(_ fixture: DeliveryFixture, hooks: [String], perWebhook: Int) throws {
            let event = try fixture.eventID(messageID: try fixture.enqueue())
            try fixture.db.fixtureExecute("UPDATE webhook_events SET fanned_out_at = NOW(6) WHERE id = ?", event)
            for hook in hooks {
                try fixture.db.fixtureExecute(
                    """
                    INSERT INTO webhook_deliveries (event_id, webhook_id, claim_id, next_attempt_at, created_at)
                    SELECT ?, ?, seq, NOW(6) - INTERVAL 1 HOUR, NOW(6) - INTERVAL 1 HOUR FROM seq_1_to_\(perWebhook)
                    """, event, hook)
            }
        }

        private func percentile(_ values: [Double], _ fraction: Double) -> Double {
            let ordered = values.sorted()
            return ordered[min(ordered.count - 1, Int(fraction * Double(ordered.count)))]
        }

        @Test func deadWebhooksWithABigBacklogDoNotDelayAnotherOrganizationsNewEvents() async throws {
            let tenantA = try DeliveryFixture()
            let (dead, failing) = try deadWebhooks(tenantA)
            defer {
                // The backlog goes with its webhooks (ON DELETE CASCADE), so later tests see none of it.
                _ = try? tenantA.db.fixtureExecute(
                    "DELETE FROM webhooks WHERE id IN (?, ?, ?, ?)", values: dead.map { $0 as any Bindable })
                _ = failing
            }
            try backlog(tenantA, hooks: dead, perWebhook: 12_500)
            let pending = try tenantA.db.fixtureQuery(
                "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE webhook_id IN (?, ?, ?, ?) AND state = 'pending'",
                values: dead.map { $0 as any Bindable }
            ).first
            #expect(try pending?.int("n") == 50_000)
            // Let the dead webhooks fail for a moment first, as they would during a real outage.
            try await Task.sleep(for: .seconds(1))

            let receiver = try Receiver()
            let tenantB = try DeliveryFixture()
            let hook = try tenantB.addWebhook(scripting: receiver)
            var sent: [String] = []
            for _ in 0..<100 {
                sent.append(try tenantB.enqueue())
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 30) {
                    try tenantB.deliveries(webhookID: hook.id).filter { $0.state == "delivered" }.count == 100
                })
            let latencies = try tenantB.db.fixtureQuery(
                """
                SELECT TIMESTAMPDIFF(MICROSECOND, e.created_at, a.started_at) / 1000 AS ms
                FROM webhook_delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                JOIN webhook_events e ON e.id = d.event_id
                WHERE d.webhook_id = ? AND a.attempt = 1
                """, hook.id
            ).map { try $0.double("ms") }
            #expect(latencies.count == 100)
            let p50 = percentile(latencies, 0.5)
            let p99 = percentile(latencies, 0.99)
            print("fairness: B commit->first attempt p50=\(p50) ms p99=\(p99) ms beside 50,000 dead deliveries of A")
            #expect(p99 < 1000, "B's p99 commit->first attempt: \(p99) ms (p50 \(p50) ms)")
            #expect(try receiver.log(hook.path).map(\.webhookID).sorted() == sent.sorted(), "each exactly once")

            // The breaker paused the dead webhooks: a handful of probes each, not thousands of attempts.
            let breakers = try tenantA.db.fixtureQuery(
                "SELECT consecutive_failures FROM webhooks WHERE id IN (?, ?, ?, ?)",
                values: dead.map { $0 as any Bindable })
            #expect(try breakers.allSatisfy { try $0.int("consecutive_failures") >= CircuitBreaker.standard.threshold })
            let attempts = try tenantA.db.fixtureQuery(
                "SELECT COUNT(*) AS n FROM webhook_delivery_attempts WHERE webhook_id IN (?, ?, ?, ?)",
                values: dead.map { $0 as any Bindable }
            ).first
            let attemptCount = try attempts?.int("n") ?? 0
            print("fairness: A's 4 dead webhooks got \(attemptCount) attempts in about 12 s")
            #expect(attemptCount < 2_000, "paused webhooks are probed, not hammered: \(attemptCount) attempts")
        }

        @Test func aFailingWebhookIsPausedAndASuccessfulProbeClosesTheBreaker() async throws {
            let receiver = try Receiver()
            let fixture = try DeliveryFixture()
            let failures = Array(repeating: ["status": 500] as [String: Any], count: 12)
            let hook = try fixture.addWebhook(scripting: receiver, responses: failures)
            for _ in 0..<6 { try fixture.enqueue() }
            #expect(
                try await DeliveryTestEnvironment.eventually(timeout: 30) {
                    try fixture.deliveries(webhookID: hook.id).filter { $0.state == "delivered" }.count == 6
                })
            let row = try fixture.db.fixtureFirst(
                "SELECT consecutive_failures, paused_until FROM webhooks WHERE id = ?", hook.id)
            #expect(try row?.int("consecutive_failures") == 0)
            #expect(row?.isNull("paused_until") == true)
            #expect(try !fixture.webhookState(hook.id).failing)
            let received = try receiver.log(hook.path)
            #expect(received.count == 18)
            // Open after 5 failures: however many were in flight then (two rounds of 4 at most),
            // from the 9th request on there is one probe at a time, each after the previous
            // answer, up to the first success (the 13th request).
            for index in 8..<min(13, received.count) {
                let answered = received[..<index].map { $0.replyingAt ?? .infinity }.max() ?? 0
                #expect(received[index].receivedAt >= answered, "request \(index + 1) waited for the earlier answers")
            }
            #expect(received.prefix(12).allSatisfy { $0.status == 500 })
            #expect(received.dropFirst(12).allSatisfy { $0.status == 200 })
        }
    }
}
