import Foundation
import Tenancy

/// The audit log table: newest first, one row per change.
enum AuditLogView {
    static func render(_ entries: [AuditEntry]) -> HTML {
        let rows = entries.map { entry -> HTML in
            """
            <tr><td class="nowrap">\(Components.date(entry.createdAt))</td><td>\(entry.actorEmail)</td>\
            <td><span class="action">\(label(for: entry.action))</span></td>\
            <td><span class="muted">\(entry.targetType == "api_key" ? "API key" : "Webhook")</span> \
            <code>\(entry.targetID)</code></td><td>\(entry.detail)</td></tr>
            """
        }
        let body: HTML =
            entries.isEmpty
            ? "<tr><td colspan=\"5\" class=\"empty-row\">No changes to API keys or webhooks yet.</td></tr>"
            : "\(rows)"
        return """
            \(Layout.header(title: "Audit Log", subtitle: "Changes to API keys and webhooks in this organization"))
            <div class="card table-card">
            <table class="table" data-testid="audit-table">
              <thead><tr><th>When</th><th>Who</th><th>What</th><th>Target</th><th>Detail</th></tr></thead>
              <tbody>\(body)</tbody>
            </table>
            </div>
            """
    }

    /// `api_key.created` → "API key created", `webhook.test_sent` → "Webhook test sent".
    static func label(for action: String) -> String {
        let parts = action.split(separator: ".", maxSplits: 1)
        guard parts.count == 2 else { return action }
        let target = parts[0] == "api_key" ? "API key" : "Webhook"
        return "\(target) \(parts[1].replacingOccurrences(of: "_", with: " "))"
    }
}
