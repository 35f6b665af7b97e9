import Webhooks

/// The Webhooks tab: Copy OrgID / Copy CaseID, the table, and the "Create Webhook" form.
enum WebhooksView {
    static func render(chrome: PageChrome, webhooks: [WebhookRecord], canManage: Bool, overlay: HTML) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/webhooks"
        let rows = webhooks.map { hook -> HTML in
            let href = "\(tabURL)?webhook=\(hook.id)"
            return """
                <tr class="row-link" data-href="\(href)" data-testid="webhook-row">\
                <td>\(Components.statusBadge(active: hook.enabled, activeLabel: "Enabled", inactiveLabel: "Disabled"))\
                \(flag(hook))</td>\
                <td><a class="row-anchor" href="\(href)" data-drawer-link>\(hook.name)</a>\
                \(if: hook.environment == .sandbox, " <span class=\"env env-sandbox\">Sandbox</span>")</td>\
                <td class="nowrap">\(Components.date(hook.createdAt))</td>\
                <td class="url-cell" title="\(hook.url)">\(hook.url)</td>\
                <td class="mono nowrap">\(maskedToken(hook))</td>\
                <td class="mono nowrap" title="\(hook.id)">\(String(hook.id.prefix(8)))…</td></tr>
                """
        }
        let body: HTML =
            webhooks.isEmpty
            ? "<tr><td colspan=\"6\" class=\"empty-row\">No webhooks yet. Add one to receive scores as they happen.</td></tr>"
            : "\(rows)"
        let actions: HTML =
            canManage
            ? "<a class=\"button primary\" href=\"\(tabURL)?create=1\" data-testid=\"create-webhook\">Create Webhook</a>"
            : .empty
        let content: HTML = """
            <div class="id-bar">
              <div class="id-chip"><span class="id-label">Organization ID</span>\
            <code data-testid="org-id">\(chrome.orgID)</code>\(Components.copyButton(chrome.orgID, label: "Copy OrgID"))</div>
              <div class="id-chip"><span class="id-label">Case ID</span>\
            <code data-testid="case-id">\(chrome.caseRecord.id)</code>\
            \(Components.copyButton(chrome.caseRecord.id, label: "Copy CaseID"))</div>
            </div>
            <div class="card table-card">
            <table class="table" data-testid="webhooks-table">
              <thead><tr><th class="col-status">Status</th><th>Webhook Name</th><th>Created</th><th>URL</th>\
            <th>Token</th><th>ID</th></tr></thead>
              <tbody>\(body)</tbody>
            </table>
            </div>
            <p class="footnote">ClaimScore signs every delivery with the webhook's token (Standard Webhooks), so \
            your system can check that a request really came from us.</p>
            """
        return Layout.page(
            title: "Webhooks", chrome: chrome,
            content: DeveloperToolsView.frame(chrome: chrome, tab: .webhooks, actions: actions, content: content),
            overlay: overlay)
    }

    /// What delivery says about the webhook, under its status: why delivery disabled it, or since
    /// when every delivery has failed (five days of that and it is disabled), and until when its
    /// circuit breaker pauses it. Empty when all is well or an admin disabled it by hand.
    static func flag(_ hook: WebhookRecord) -> HTML {
        if !hook.enabled, let reason = hook.disabledReason {
            return "<div class=\"flag\" data-testid=\"webhook-flag\"><span class=\"flag-icon\">⚠</span>\(reason)</div>"
        }
        if hook.enabled, let since = hook.failingSince {
            let paused: HTML =
                hook.pausedUntil.map { " · paused until \(String($0.prefix(19))) UTC (circuit breaker)" } ?? .empty
            return """
                <div class="flag flag-warn" data-testid="webhook-flag"><span class="flag-icon">⚠</span>\
                Failing since \(Components.date(since))\(paused)</div>
                """
        }
        return .empty
    }

    /// `whsec_••••••••abcd`: enough to tell tokens apart, nothing to sign with.
    static func maskedToken(_ hook: WebhookRecord) -> String { "whsec_••••••••" + hook.secretHint }

    /// "Create Webhook", empty or with the last attempt and its messages.
    static func createDialog(chrome: PageChrome, values: FormValues) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/webhooks"
        let body: HTML = """
            <form method="post" action="\(tabURL)" class="dialog-body" data-testid="create-webhook-form">
              \(Components.csrfField(chrome.csrfToken))
              \(WebhookDrawerView.fields(values))
              \(Components.environmentChoice(selected: values.environment, error: values.errors["environment"]))
              <div class="dialog-actions"><a class="button ghost" href="\(tabURL)">Cancel</a>\
            <button class="button primary" type="submit">Create Webhook</button></div>
            </form>
            """
        return Components.dialog(title: "Create Webhook", body: body, closeURL: tabURL)
    }
}
