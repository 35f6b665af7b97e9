import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing
import Webhooks

/// The webhook drawer's delivery log through nginx: "Send test event", "Resend", who may press
/// them, other tenants' ids, the escaped answer excerpt, and the flag of a webhook that delivery
/// disabled.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct DeliveryLogTests {
    func drawer(_ tenant: PortalFixture.Tenant, _ hook: WebhookRecord) -> String {
        "\(tenant.hooks)?webhook=\(hook.id)"
    }

    func deliveries(webhookID: String) throws -> Int {
        try PortalFixture.count("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE webhook_id = ?", webhookID)
    }

    func lastAudit(_ tenant: PortalFixture.Tenant) throws -> String? {
        try AuditLog(db: TestDatabase.connect()).list(orgID: tenant.org.id).first?.action
    }

    @Test func sendTestEventQueuesAWebhookTestEventForThatWebhookOnly() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let sibling = try PortalFixture.webhook(in: tenant, name: "Sibling")
        let developer = try PortalFixture.client(.developer, in: tenant)
        let posted = try developer.post("\(tenant.hooks)/\(hook.id)/test")
        #expect(posted.status == 303)
        #expect(posted.header("location") == drawer(tenant, hook))
        #expect(try DeliveryRows.testEvents(webhookID: hook.id) == 1)
        let event = try #require(
            try TestDatabase.connect().fixtureFirst(
                "SELECT id, org_id, case_id FROM webhook_events WHERE target_webhook_id = ?", hook.id))
        #expect(try event.string("org_id") == tenant.org.id && event.string("case_id") == tenant.caseRecord.id)
        // The delivery thread fans it out to this webhook alone.
        let eventID = try event.int("id")
        #expect(try DeliveryRows.eventually { try DeliveryRows.deliveries(eventID: eventID) == 1 })
        #expect(
            try PortalFixture.count(
                "SELECT COUNT(*) AS n FROM webhook_deliveries WHERE event_id = ? AND webhook_id = ?", eventID, hook.id)
                == 1)
        #expect(try deliveries(webhookID: sibling.id) == 0)

        let page = try developer.get(drawer(tenant, hook))
        #expect(page.text.contains("Test event queued."))
        #expect(page.text.contains("webhook.test"))
        #expect(try lastAudit(tenant) == "webhook.test_sent")
    }

    @Test func resendQueuesANewDeliveryOfTheSameEventWithItsMessageID() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let event = try DeliveryRows.event(for: hook)
        try DeliveryRows.delivery(event, to: hook, state: "failed", attempts: 8)
        let admin = try PortalFixture.client(.admin, in: tenant)
        let posted = try admin.post("\(tenant.hooks)/\(hook.id)/deliveries/\(event.id)/resend")
        #expect(posted.status == 303)
        #expect(posted.header("location") == drawer(tenant, hook))
        let rows = try TestDatabase.connect().fixtureQuery(
            """
            SELECT d.origin, e.message_id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
            WHERE d.event_id = ? ORDER BY d.id
            """, event.id)
        #expect(rows.count == 2)
        #expect(try rows.last?.string("origin") == "resend")
        #expect(try rows.map { try $0.string("message_id") } == [event.messageID, event.messageID])

        let page = try admin.get(drawer(tenant, hook))
        #expect(page.text.contains("Event queued for resending."))
        #expect(page.text.contains("<span class=\"tag\">Resend</span>"))
        #expect(try lastAudit(tenant) == "webhook.event_resent")
    }

    @Test func wrongOrMissingCSRFTokenIs403AndQueuesNothing() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let event = try DeliveryRows.event(for: hook)
        try DeliveryRows.delivery(event, to: hook)
        let owner = try PortalFixture.client(.owner, in: tenant)
        let forged = PortalClient.CSRF.wrong(try PortalFixture.client(.owner, in: tenant).csrfToken)
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)/test", csrf: forged).status == 403)
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)/test", csrf: .missing).status == 403)
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)/deliveries/\(event.id)/resend", csrf: forged).status == 403)
        #expect(try DeliveryRows.testEvents(webhookID: hook.id) == 0)
        #expect(try DeliveryRows.deliveries(eventID: event.id) == 1)
        #expect(try PortalFixture.auditCount(tenant.org) == 0)
    }

    @Test(arguments: [Role.viewer, .reviewer])
    func readOnlyRolesSeeTheLogButCannotSendOrResend(role: Role) throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let event = try DeliveryRows.event(for: hook)
        let delivery = try DeliveryRows.delivery(event, to: hook)
        try DeliveryRows.attempt(delivery: delivery, hook: hook, number: 1, statusCode: 204, durationMS: 42, answer: "")
        let member = try PortalFixture.client(role, in: tenant)
        #expect(try member.post("\(tenant.hooks)/\(hook.id)/test").status == 403)
        #expect(try member.post("\(tenant.hooks)/\(hook.id)/deliveries/\(event.id)/resend").status == 403)
        #expect(try DeliveryRows.testEvents(webhookID: hook.id) == 0)
        #expect(try DeliveryRows.deliveries(eventID: event.id) == 1)

        let page = try member.get(drawer(tenant, hook))
        #expect(page.status == 200)
        #expect(page.text.contains("Recent deliveries") && page.text.contains("claim.scored"))
        #expect(page.text.contains("Delivered") && page.text.contains("42 ms"))
        #expect(!page.text.contains("data-testid=\"send-test-event\"") && !page.text.contains("/resend"))
    }

    @Test func anotherTenantsWebhookOrAnotherWebhooksEventIs404AndQueuesNothing() throws {
        let mine = try PortalFixture.tenant("Mine")
        let theirs = try PortalFixture.tenant("Theirs")
        let hook = try PortalFixture.webhook(in: mine)
        let sibling = try PortalFixture.webhook(in: mine, name: "Sibling")
        let foreign = try PortalFixture.webhook(in: theirs, name: "Their hook")
        let theirEvent = try DeliveryRows.event(for: foreign)
        try DeliveryRows.delivery(theirEvent, to: foreign)
        // An event of our own case, but only ever sent to the sibling webhook.
        let siblingEvent = try DeliveryRows.event(for: sibling, type: "webhook.test")
        try DeliveryRows.delivery(siblingEvent, to: sibling)
        let owner = try PortalFixture.client(.owner, in: mine)

        #expect(try owner.post("\(mine.hooks)/\(foreign.id)/test").status == 404)
        #expect(try owner.post("\(theirs.hooks)/\(foreign.id)/test").status == 404)
        #expect(try owner.post("\(mine.hooks)/\(foreign.id)/deliveries/\(theirEvent.id)/resend").status == 404)
        #expect(try owner.post("\(mine.hooks)/\(hook.id)/deliveries/\(theirEvent.id)/resend").status == 404)
        #expect(try owner.post("\(mine.hooks)/\(hook.id)/deliveries/\(siblingEvent.id)/resend").status == 404)
        #expect(try owner.post("\(mine.hooks)/\(hook.id)/deliveries/abc/resend").status == 404)
        #expect(try owner.post("\(mine.hooks)/\(hook.id)/deliveries/-1/resend").status == 404)
        #expect(try DeliveryRows.testEvents(webhookID: foreign.id) == 0)
        #expect(try DeliveryRows.deliveries(eventID: theirEvent.id) == 1)
        #expect(try DeliveryRows.deliveries(eventID: siblingEvent.id) == 1)
        #expect(try deliveries(webhookID: hook.id) == 0)
        #expect(try PortalFixture.auditCount(mine.org) == 0 && PortalFixture.auditCount(theirs.org) == 0)
    }

    @Test func theDrawerShowsEachAttemptWithItsAnswerEscaped() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let event = try DeliveryRows.event(for: hook)
        let delivery = try DeliveryRows.delivery(event, to: hook, state: "pending", attempts: 2)
        let answer = "<script>alert(1)</script> \"\u{301} onmouseover=alert(2) x=\"&"
        try DeliveryRows.attempt(
            delivery: delivery, hook: hook, number: 1, statusCode: nil, durationMS: 3, answer: "",
            error: "refused: 10.0.0.5 is a private address", retryInHours: 1)
        try DeliveryRows.attempt(
            delivery: delivery, hook: hook, number: 2, statusCode: 502, durationMS: 1234, answer: answer,
            retryInHours: 2)
        let owner = try PortalFixture.client(.owner, in: tenant)
        let page = try owner.get(drawer(tenant, hook)).text
        #expect(page.contains("data-testid=\"status-code\">502</span>"))
        #expect(page.contains("1234 ms") && page.contains("#2"))
        #expect(page.contains("refused: 10.0.0.5 is a private address"))
        #expect(page.contains("Next attempt "))
        #expect(page.contains(event.messageID))
        // (The combining mark is kept out of the #expect macros, which re-quote their source.)
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;\u{301} onmouseover=alert(2) x=&quot;&amp;"
        let scalars = Array(page.unicodeScalars)
        let rawQuoteBeforeMark = zip(scalars, scalars.dropFirst()).contains { $0 == "\"" && $1 == "\u{301}" }
        #expect(page.contains(escaped))
        #expect(!page.contains("<script>alert(1)"))
        #expect(!rawQuoteBeforeMark)
        #expect(page.contains("action=\"\(tenant.hooks)/\(hook.id)/deliveries/\(event.id)/resend\""))
    }

    @Test func aPileDeliveryQueuedBehindEarlierClaimsSaysWhatItWaitsFor() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let pile = Int.random(in: 1_000_000...9_000_000)
        let current = try DeliveryRows.event(for: hook, type: "claim.pile_vetting_done")
        let queued = try DeliveryRows.event(for: hook, type: "claim.pile_vetting_done")
        try DeliveryRows.delivery(current, to: hook, state: "pending", pileID: pile)
        try DeliveryRows.delivery(queued, to: hook, state: "waiting", pileID: pile)
        let page = try PortalFixture.client(.viewer, in: tenant).get(drawer(tenant, hook)).text
        let hint = "<span class=\"hint\" data-testid=\"pile-wait\">waiting for earlier claims of pile \(pile)</span>"
        #expect(page.contains("Queued \(hint)"))
        #expect(page.components(separatedBy: "data-testid=\"pile-wait\"").count == 2, "only the waiting one")
        #expect(page.contains("Queued for "), "the pending one says when it is due")
    }

    @Test func aWebhookDisabledByDeliveryIsFlaggedAndRefusesTestsAndResends() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        let event = try DeliveryRows.event(for: hook)
        try DeliveryRows.delivery(event, to: hook, state: "cancelled")
        let reason = "Disabled 2026-11-22T10:04:10.120Z: the receiver answered 410 Gone <b>"
        try TestDatabase.connect().fixtureExecute(
            "UPDATE webhooks SET enabled = 0, disabled_reason = ?, failing_since = NOW(6) - INTERVAL 5 DAY WHERE id = ?",
            reason, hook.id)
        let admin = try PortalFixture.client(.admin, in: tenant)
        let escaped = "the receiver answered 410 Gone &lt;b&gt;"
        let table = try admin.get(tenant.hooks).text
        #expect(table.contains("data-testid=\"webhook-flag\"") && table.contains(escaped))
        #expect(try admin.get(drawer(tenant, hook)).text.contains(escaped))

        let test = try admin.post("\(tenant.hooks)/\(hook.id)/test")
        #expect(test.status == 409 && test.text.contains("This webhook is disabled, so nothing was sent."))
        let resend = try admin.post("\(tenant.hooks)/\(hook.id)/deliveries/\(event.id)/resend")
        #expect(resend.status == 409 && resend.text.contains("This webhook is disabled"))
        #expect(try DeliveryRows.testEvents(webhookID: hook.id) == 0)
        #expect(try DeliveryRows.deliveries(eventID: event.id) == 1)

        // Enabled again by hand: the flag and the failure window are gone.
        #expect(try admin.post("\(tenant.hooks)/\(hook.id)/status", [("active", "1")]).status == 303)
        let row = try #require(
            try TestDatabase.connect().fixtureFirst(
                "SELECT enabled, disabled_reason, failing_since FROM webhooks WHERE id = ?", hook.id))
        #expect(try row.bool("enabled"))
        #expect(row.optionalString("disabled_reason") == nil && row.optionalString("failing_since") == nil)
        #expect(!(try admin.get(tenant.hooks).text.contains("data-testid=\"webhook-flag\"")))
    }

    @Test func aFailingWebhookShowsSinceWhen() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        try TestDatabase.connect().fixtureExecute(
            "UPDATE webhooks SET failing_since = '2026-11-20 08:30:00.000000' WHERE id = ?", hook.id)
        let owner = try PortalFixture.client(.owner, in: tenant)
        #expect(try owner.get(tenant.hooks).text.contains("Failing since 2026-11-20 08:30 UTC"))
        #expect(try owner.get(drawer(tenant, hook)).text.contains("Failing since 2026-11-20 08:30 UTC"))
        // An admin disabling it by hand is no delivery verdict: no flag.
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)/status", [("active", "0")]).status == 303)
        #expect(!(try owner.get(tenant.hooks).text.contains("data-testid=\"webhook-flag\"")))
    }

    @Test func aPausedWebhookShowsUntilWhenAndEnablingResetsTheBreaker() throws {
        let tenant = try PortalFixture.tenant()
        let hook = try PortalFixture.webhook(in: tenant)
        try TestDatabase.connect().fixtureExecute(
            """
            UPDATE webhooks SET failing_since = '2026-11-20 08:30:00.000000', consecutive_failures = 7,
              paused_until = '2999-01-01 10:04:10.000000'
            WHERE id = ?
            """, hook.id)
        let owner = try PortalFixture.client(.owner, in: tenant)
        let flag = "Failing since 2026-11-20 08:30 UTC · paused until 2999-01-01 10:04:10 UTC (circuit breaker)"
        #expect(try owner.get(tenant.hooks).text.contains(flag))
        #expect(try owner.get(drawer(tenant, hook)).text.contains(flag))
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)/status", [("active", "0")]).status == 303)
        #expect(try owner.post("\(tenant.hooks)/\(hook.id)/status", [("active", "1")]).status == 303)
        let row = try #require(
            try TestDatabase.connect().fixtureFirst(
                "SELECT consecutive_failures, paused_until FROM webhooks WHERE id = ?", hook.id))
        #expect(try row.int("consecutive_failures") == 0 && row.isNull("paused_until"))
    }
}
