import Webhooks

/// The details drawer of one webhook (top: name, description, date, status, URL; bottom: Token,
/// Webhook ID, Organization ID, Case ID with copy buttons), its edit form and delete confirmation.
enum WebhookDrawerView {
    /// `token` is the plain token for people who may manage webhooks, nil for everyone else;
    /// `deliveries` is the "Recent deliveries" section, and `notices` the one-time messages of the
    /// last action, shown in the drawer because the page behind it is covered.
    static func drawer(
        chrome: PageChrome, hook: WebhookRecord, token: String?, canManage: Bool, editing: FormValues?,
        deliveries: HTML = .empty, notices: [String] = []
    ) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/webhooks"
        let hookURL = "\(tabURL)/\(hook.id)"
        if let editing, canManage {
            let form: HTML = """
                <form class="drawer-section" method="post" action="\(hookURL)" data-testid="edit-webhook-form">
                  \(Components.csrfField(chrome.csrfToken))
                  \(fields(editing))
                  <div class="dialog-actions"><a class="button ghost" href="\(tabURL)?webhook=\(hook.id)">Cancel</a>\
                <button class="button primary" type="submit">Save</button></div>
                </form>
                """
            return Components.drawer(title: "Edit Webhook", body: form, closeURL: tabURL)
        }
        let status: HTML =
            canManage
            ? Components.statusToggle(
                action: "\(hookURL)/status", active: hook.enabled, csrfToken: chrome.csrfToken, onLabel: "Enabled",
                offLabel: "Disabled")
            : Components.statusBadge(active: hook.enabled, activeLabel: "Enabled", inactiveLabel: "Disabled")
        let tokenValue: HTML =
            token.map {
                "<code class=\"mono break\" data-testid=\"webhook-token\">\($0)</code>\(Components.copyButton($0, testID: "copy-token"))"
            }
            ?? "<code class=\"mono\">\(WebhooksView.maskedToken(hook))</code>"
        let actions: HTML =
            canManage
            ? """
            <footer class="drawer-actions">
              <a class="button" href="\(tabURL)?webhook=\(hook.id)&amp;edit=1" data-drawer-link>Edit</a>
              <a class="button danger" href="\(tabURL)?webhook=\(hook.id)&amp;delete=1" data-testid="delete-webhook">Delete</a>
            </footer>
            """ : .empty
        let messages = notices.map { "<div class=\"notice\" role=\"status\">\($0)</div>" as HTML }
        let body: HTML = """
            \(if: !notices.isEmpty, "<div class=\"drawer-notices\">\(messages)</div>")
            <section class="drawer-section">
              <h3 class="drawer-name" data-testid="drawer-name">\(hook.name)</h3>
              <p class="drawer-description">\(hook.description.isEmpty ? "No description" : hook.description)</p>
              <dl class="fields">
                <div><dt>Date created</dt><dd>\(Components.date(hook.createdAt))</dd></div>
                <div><dt>Environment</dt><dd>\(Components.environmentBadge(hook.environment.label))</dd></div>
                <div><dt>Status</dt><dd>\(status)\
            \(WebhooksView.flag(hook))</dd></div>
                <div><dt>URL</dt><dd class="copy-row"><code class="mono break">\(hook.url)</code>\
            \(Components.copyButton(hook.url))</dd></div>
              </dl>
            </section>
            \(deliveries)
            <section class="drawer-section drawer-ids">
              <dl class="fields">
                <div><dt>Token</dt><dd class="copy-row">\(tokenValue)</dd></div>
                <div><dt>Webhook ID</dt><dd class="copy-row"><code class="mono">\(hook.id)</code>\
            \(Components.copyButton(hook.id))</dd></div>
                <div><dt>Organization ID</dt><dd class="copy-row"><code class="mono">\(hook.orgID)</code>\
            \(Components.copyButton(hook.orgID))</dd></div>
                <div><dt>Case ID</dt><dd class="copy-row"><code class="mono">\(hook.caseID)</code>\
            \(Components.copyButton(hook.caseID))</dd></div>
              </dl>
            </section>
            \(actions)
            """
        return Components.drawer(title: "Webhook Details", body: body, closeURL: tabURL)
    }

    /// Webhook Name, Description and URL, shared by the create and edit forms.
    static func fields(_ values: FormValues) -> HTML {
        """
        \(Components.textField(name: "name", label: "Webhook Name", value: values.name, error: values.errors["name"]))
        \(Components.textArea(name: "description", label: "Description", value: values.description,
            error: values.errors["description"]))
        \(Components.textField(name: "url", label: "URL", value: values.url, error: values.errors["url"],
            maxLength: 2000, type: "url", hint: "The endpoint on your system that ClaimScore will POST results to."))
        """
    }

    static func deleteDialog(chrome: PageChrome, hook: WebhookRecord) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/webhooks"
        let body: HTML = """
            <form class="dialog-body" method="post" action="\(tabURL)/\(hook.id)/delete">
              \(Components.csrfField(chrome.csrfToken))
              <p class="dialog-lead">Delete the webhook <strong>\(hook.name)</strong>?</p>
              <p>ClaimScore stops sending events to \(hook.url). This cannot be undone; to pause it instead, disable it.</p>
              <div class="dialog-actions"><a class="button ghost" href="\(tabURL)?webhook=\(hook.id)">Cancel</a>\
            <button class="button danger" type="submit" data-testid="confirm-delete">Delete Webhook</button></div>
            </form>
            """
        return Components.dialog(title: "Delete Webhook", body: body, closeURL: "\(tabURL)?webhook=\(hook.id)")
    }
}
