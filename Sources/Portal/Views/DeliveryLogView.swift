import Foundation
import Webhooks

/// The "Recent deliveries" section of the webhook drawer: one entry per delivery, newest first,
/// with every attempt (time, status code or why there was none, duration, the first 2 KB of the
/// answer, next attempt) and, for people who may manage webhooks, "Resend" per event and "Send
/// test event".
///
/// The answer excerpt is whatever the receiver sent, so it is untrusted text like any other:
/// it goes through `HTML` interpolation and sits in a `<pre>` that wraps, never as markup.
enum DeliveryLogView {
    /// What the section shows; `attempts` may hold attempts of deliveries not listed (they are skipped).
    struct Model {
        let deliveries: [DeliveryRecord]
        let attempts: [DeliveryAttemptRecord]
        /// A message about the last action that could not be done (a disabled webhook).
        var problem: String?
    }

    static func section(chrome: PageChrome, hook: WebhookRecord, model: Model, canManage: Bool) -> HTML {
        let hookURL = "\(chrome.basePath)/developer-tools/webhooks/\(hook.id)"
        let byDelivery = Dictionary(grouping: model.attempts, by: \.deliveryID)
        let entries = model.deliveries.map { delivery in
            entry(
                delivery, attempts: byDelivery[delivery.id] ?? [], hookURL: hookURL, chrome: chrome,
                canManage: canManage)
        }
        let test: HTML =
            canManage
            ? """
            <form class="inline-form" method="post" action="\(hookURL)/test">\(Components.csrfField(chrome.csrfToken))\
            <button class="button small" type="submit" data-testid="send-test-event">Send test event</button></form>
            """ : .empty
        let list: HTML =
            entries.isEmpty
            ? "<p class=\"muted deliveries-empty\">No deliveries yet. Events appear here as they are sent.</p>"
            : "<ol class=\"deliveries\" data-testid=\"deliveries\">\(entries)</ol>"
        return """
            <section class="drawer-section" id="deliveries" data-testid="delivery-log">
              <div class="section-head"><h3>Recent deliveries</h3>\(test)</div>
              \(if: model.problem != nil, "<p class=\"alert\" role=\"alert\">\(model.problem ?? "")</p>")
              \(list)
            </section>
            """
    }

    /// One delivery: its event, where it stands, its attempts (newest first) and "Resend".
    private static func entry(
        _ delivery: DeliveryRecord, attempts: [DeliveryAttemptRecord], hookURL: String, chrome: PageChrome,
        canManage: Bool
    ) -> HTML {
        let resend: HTML =
            canManage
            ? """
            <form class="inline-form" method="post" action="\(hookURL)/deliveries/\(delivery.eventID)/resend">\
            \(Components.csrfField(chrome.csrfToken))<button class="button small" type="submit" \
            data-testid="resend">Resend</button></form>
            """ : .empty
        let lines = attempts.enumerated().map { index, attempt in
            line(attempt, delivery: delivery, isLatest: index == 0)
        }
        let body: HTML =
            lines.isEmpty
            ? "<p class=\"attempt-none muted\">\(outcome(delivery))\(pileWait(delivery))</p>"
            : "<ol class=\"attempts\">\(lines)</ol>"
        return """
            <li class="delivery" data-testid="delivery">
              <div class="delivery-head"><code class="delivery-event">\(delivery.eventType)</code>\
            \(if: delivery.isResend, "<span class=\"tag\">Resend</span>")\
            <span class="delivery-time">\(Components.time(delivery.createdAt))</span>\(resend)</div>
              <div class="delivery-id mono muted" title="webhook-id">\(delivery.messageID)</div>
              \(body)
            </li>
            """
    }

    /// One attempt: result, duration, time, what happens next, and the answer excerpt if any.
    private static func line(_ attempt: DeliveryAttemptRecord, delivery: DeliveryRecord, isLatest: Bool) -> HTML {
        let result: HTML
        if let code = attempt.statusCode {
            let kind = (200..<300).contains(code) ? "ok" : "fail"
            result = "<span class=\"code code-\(kind)\" data-testid=\"status-code\">\(code)</span>"
        } else {
            let reason = attempt.error ?? "no answer"
            result = "<span class=\"code code-fail\" data-testid=\"attempt-error\">\(reason)</span>"
        }
        let next: String
        if let due = attempt.nextAttemptAt {
            next = "Next attempt \(Components.time(due))"
        } else if isLatest {
            next = outcome(delivery)
        } else {
            next = attempt.statusCode.map { (200..<300).contains($0) } == true ? "Delivered" : "Gave up"
        }
        let excerpt: HTML =
            attempt.responseExcerpt.isEmpty
            ? .empty
            : """
            <details class="answer"><summary>Answer (first 2 KB)</summary>\
            <pre class="answer-body" data-testid="answer">\(attempt.responseExcerpt)</pre></details>
            """
        return """
            <li class="attempt">
              <div class="attempt-row">\(result)<span class="attempt-meta">#\(attempt.attempt) · \
            \(attempt.durationMilliseconds) ms · \(Components.time(attempt.startedAt))</span>\
            <span class="attempt-next">\(next)</span></div>
              \(excerpt)
            </li>
            """
    }

    /// Where the delivery stands once its last attempt is made (or before the first).
    static func outcome(_ delivery: DeliveryRecord) -> String {
        switch delivery.state {
        case .delivered: "Delivered"
        case .failed: "Gave up"
        case .cancelled: "Cancelled: the webhook was disabled"
        case .pending: delivery.nextAttemptAt.map { "Queued for \(Components.time($0))" } ?? "Queued"
        case .waiting: "Queued"
        }
    }

    /// Why a waiting delivery has no time yet: pile events go one at a time in claim-id order, so
    /// it is due only once the claim before it was delivered or given up.
    static func pileWait(_ delivery: DeliveryRecord) -> HTML {
        guard delivery.state == .waiting, let pile = delivery.pileID else { return .empty }
        return " <span class=\"hint\" data-testid=\"pile-wait\">waiting for earlier claims of pile \(pile)</span>"
    }
}
