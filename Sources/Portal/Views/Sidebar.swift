/// The sidebar entries and who sees them.
enum Sidebar {
    struct Entry: Sendable {
        let section: String
        let label: String
        let icon: String
    }

    /// In the order the source document's left sidebar lists them.
    static let entries: [Entry] = [
        Entry(section: "dashboard", label: "Dashboard", icon: "▦"),
        Entry(section: "claims", label: "Claims", icon: "≡"),
        Entry(section: "piles", label: "Piles", icon: "▤"),
        Entry(section: "review", label: "Review", icon: "✓"),
        Entry(section: "developer-tools", label: "Developer Tools", icon: "</>"),
        Entry(section: "settings", label: "Settings", icon: "⚙"),
        Entry(section: "team", label: "Team", icon: "☺"),
    ]

    /// The audit log sits below the document's entries, for Owners and Admins only.
    static let auditLog = Entry(section: "audit-log", label: "Audit Log", icon: "◷")

    /// Sections not built yet; they render a "coming soon" page.
    static let comingSoon: Set<String> = ["dashboard", "claims", "settings", "team"]

    static func render(_ chrome: PageChrome) -> HTML {
        var visible = entries.filter { chrome.role.canSeeEverything || $0.section == "developer-tools" }
        if chrome.role.canSeeAuditLog { visible.append(auditLog) }
        let links = visible.map { entry -> HTML in
            let current = entry.section == chrome.section
            return """
                <a class="nav-item\(if: current, " is-active")" href="\(chrome.basePath)/\(entry.section)"\
                \(if: current, " aria-current=\"page\"")><span class="nav-icon" aria-hidden="true">\(entry.icon)</span>\
                <span class="nav-label">\(entry.label)</span></a>
                """
        }
        return """
            <aside class="sidebar">
              <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">CS</span><span>ClaimScore</span></a>
              \(scopeSelector(chrome))
              <nav class="nav" aria-label="Main">\(links)</nav>
              <div class="sidebar-foot">
                <div class="who"><span class="who-name">\(chrome.user.name)</span>\
                <span class="who-meta">\(chrome.user.email) · \(chrome.role.label)</span></div>
                <form method="post" action="/logout">\(Components.csrfField(chrome.csrfToken))\
                <button class="button ghost small" type="submit">Sign out</button></form>
              </div>
            </aside>
            """
    }

    /// A GET form, so switching organization or case works without JavaScript (portal.js submits
    /// it on change); the choice is carried in the URL, not in the session.
    private static func scopeSelector(_ chrome: PageChrome) -> HTML {
        let groups = chrome.scopes.map { scope -> HTML in
            let options = scope.cases.map { record -> HTML in
                let selected = scope.orgID == chrome.orgID && record.id == chrome.caseRecord.id
                return """
                    <option value="\(scope.orgID)/\(record.id)"\(if: selected, " selected")>\(record.name)</option>
                    """
            }
            return "<optgroup label=\"\(scope.orgName)\">\(options)</optgroup>"
        }
        return """
            <form class="scope" method="get" action="/select" data-autosubmit>
              <label class="scope-label" for="scope-select">Organization · Case</label>
              <div class="scope-row">
                <select id="scope-select" name="target">\(groups)</select>
                <input type="hidden" name="section" value="\(chrome.section)">
                <button class="button small" type="submit" data-hide-with-js>Go</button>
              </div>
              <div class="scope-current">\(chrome.orgName)</div>
            </form>
            """
    }
}
