import Tenancy

/// The API Credentials tab: the table of keys and the "Create API Key" button.
enum ApiCredentialsView {
    static func render(chrome: PageChrome, keys: [ApiKey], canManage: Bool, overlay: HTML) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/api-credentials"
        let rows = keys.map { key -> HTML in
            let href = "\(tabURL)?key=\(key.id)"
            return """
                <tr class="row-link" data-href="\(href)" data-testid="key-row">\
                <td>\(Components.statusBadge(active: key.active))</td>\
                <td><a class="row-anchor" href="\(href)" data-drawer-link>\(key.name)</a>\
                <div class="muted mono">\(key.displayPrefix)…</div></td>\
                <td>\(Components.environmentBadge(key.environment.label))</td></tr>
                """
        }
        let body: HTML =
            keys.isEmpty
            ? "<tr><td colspan=\"3\" class=\"empty-row\">No API keys yet. Create one to connect your claim form.</td></tr>"
            : "\(rows)"
        let actions: HTML =
            canManage
            ? "<a class=\"button primary\" href=\"\(tabURL)?create=1\" data-testid=\"create-key\">Create API Key</a>"
            : .empty
        let content: HTML = """
            <div class="card table-card">
            <table class="table" data-testid="keys-table">
              <thead><tr><th class="col-status">Status</th><th>API Key Name</th><th>Environment</th></tr></thead>
              <tbody>\(body)</tbody>
            </table>
            </div>
            <p class="footnote">A key is shown once, when it is created; ClaimScore keeps only a hash of it.</p>
            """
        return Layout.page(
            title: "API Credentials", chrome: chrome,
            content: DeveloperToolsView.frame(chrome: chrome, tab: .apiCredentials, actions: actions, content: content),
            overlay: overlay)
    }

    /// The "Create API Key" form, empty or with the last attempt and its messages.
    static func createDialog(chrome: PageChrome, values: FormValues) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/api-credentials"
        let body: HTML = """
            <form method="post" action="\(tabURL)" class="dialog-body" data-testid="create-key-form">
              \(Components.csrfField(chrome.csrfToken))
              \(Components.textField(name: "name", label: "Name", value: values.name, error: values.errors["name"],
                hint: "e.g. \u{201C}Production Claim Form\u{201D} or \u{201C}Sandbox Testing\u{201D}"))
              \(Components.textArea(name: "description", label: "Description", value: values.description,
                error: values.errors["description"]))
              \(Components.environmentChoice(selected: values.environment, error: values.errors["environment"]))
              <div class="dialog-actions"><a class="button ghost" href="\(tabURL)">Cancel</a>\
            <button class="button primary" type="submit">Create API Key</button></div>
            </form>
            """
        return Components.dialog(title: "Create API Key", body: body, closeURL: tabURL)
    }

    /// Shown once after creation: the key in orange with a copy button.
    static func createdDialog(chrome: PageChrome, plaintext: String) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/api-credentials"
        let body: HTML = """
            <div class="dialog-body">
              <div class="success-icon" aria-hidden="true">✓</div>
              <p class="dialog-lead">Your API credential has been created successfully.</p>
              <div class="secret-box"><code class="secret-key" data-testid="new-key">\(plaintext)</code>\
            \(Components.copyButton(plaintext, testID: "copy-new-key"))</div>
              <p class="warning"><strong>This is the only time you will see this key.</strong> ClaimScore does not \
            store it. Copy it now and keep it in a password manager or your secrets vault.</p>
              <div class="dialog-actions"><a class="button primary" href="\(tabURL)" data-testid="saved-key">\
            I've Saved The Key</a></div>
            </div>
            """
        return Components.dialog(title: "API Key Created", body: body, closeURL: tabURL, id: "created-dialog")
    }
}
