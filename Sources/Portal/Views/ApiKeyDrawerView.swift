import Tenancy

/// The details drawer of one API key, its edit form, and the delete confirmation.
enum ApiKeyDrawerView {
    static func drawer(chrome: PageChrome, key: ApiKey, canManage: Bool, editing: FormValues?) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/api-credentials"
        let keyURL = "\(tabURL)/\(key.id)"
        let status: HTML =
            canManage
            ? Components.statusToggle(
                action: "\(keyURL)/status", active: key.active, csrfToken: chrome.csrfToken, onLabel: "Active",
                offLabel: "Inactive")
            : Components.statusBadge(active: key.active)
        let details: HTML = """
            <section class="drawer-section">
              <dl class="fields">
                <div><dt>Key Name</dt><dd data-testid="drawer-name">\(key.name)</dd></div>
                <div><dt>Description</dt><dd>\(key.description.isEmpty ? "—" : key.description)</dd></div>
                <div><dt>Environment</dt><dd>\(Components.environmentBadge(key.environment.label))</dd></div>
                <div><dt>Date created</dt><dd>\(Components.date(key.createdAt))</dd></div>
                <div><dt>Last used</dt><dd>\(Components.date(key.lastUsedAt))</dd></div>
                <div><dt>Key</dt><dd><code class="mono">\(key.displayPrefix)…</code></dd></div>
                <div><dt>Status</dt><dd>\(status)</dd></div>
              </dl>
              <p class="hint">Deactivate a key you suspect is compromised: requests with it are refused at once, \
            and you can activate it again later.</p>
            </section>
            """
        let body: HTML
        if let editing, canManage {
            body = """
                <form class="drawer-section" method="post" action="\(keyURL)" data-testid="edit-key-form">
                  \(Components.csrfField(chrome.csrfToken))
                  \(Components.textField(name: "name", label: "Key Name", value: editing.name, error: editing.errors["name"]))
                  \(Components.textArea(name: "description", label: "Description", value: editing.description,
                    error: editing.errors["description"]))
                  <div class="dialog-actions"><a class="button ghost" href="\(tabURL)?key=\(key.id)">Cancel</a>\
                <button class="button primary" type="submit">Save</button></div>
                </form>
                """
        } else if canManage {
            body = """
                \(details)
                <footer class="drawer-actions">
                  <a class="button" href="\(tabURL)?key=\(key.id)&amp;edit=1" data-drawer-link>Edit</a>
                  <a class="button danger" href="\(tabURL)?key=\(key.id)&amp;delete=1" data-testid="delete-key">Delete</a>
                </footer>
                """
        } else {
            body = details
        }
        return Components.drawer(
            title: editing == nil ? "API Key Details" : "Edit API Key", body: body, closeURL: tabURL)
    }

    /// The confirmation step before a key is deleted for good.
    static func deleteDialog(chrome: PageChrome, key: ApiKey) -> HTML {
        let tabURL = "\(chrome.basePath)/developer-tools/api-credentials"
        let body: HTML = """
            <form class="dialog-body" method="post" action="\(tabURL)/\(key.id)/delete">
              \(Components.csrfField(chrome.csrfToken))
              <p class="dialog-lead">Delete the API key <strong>\(key.name)</strong>?</p>
              <p>Requests that use it will be refused immediately. This cannot be undone; to pause a key instead, \
            deactivate it.</p>
              <div class="dialog-actions"><a class="button ghost" href="\(tabURL)?key=\(key.id)">Cancel</a>\
            <button class="button danger" type="submit" data-testid="confirm-delete">Delete API Key</button></div>
            </form>
            """
        return Components.dialog(title: "Delete API Key", body: body, closeURL: "\(tabURL)?key=\(key.id)")
    }
}
