/// The Developer Tools page frame: its heading and the two tabs of the source document.
enum DeveloperToolsView {
    enum Tab: String, Sendable {
        case apiCredentials = "api-credentials"
        case webhooks

        var label: String { self == .apiCredentials ? "API Credentials" : "Webhooks" }
    }

    static func frame(chrome: PageChrome, tab: Tab, actions: HTML, content: HTML) -> HTML {
        let tabs = [Tab.apiCredentials, .webhooks].map { item -> HTML in
            let current = item == tab
            return """
                <a class="tab\(if: current, " is-active")" href="\(chrome.basePath)/developer-tools/\(item.rawValue)"\
                \(if: current, " aria-current=\"page\"")>\(item.label)</a>
                """
        }
        return """
            \(Layout.header(
                title: "Developer Tools",
                subtitle: "Connect your claim form to ClaimScore: API keys authenticate it, webhooks receive scores.",
                actions: actions))
            <nav class="tabs" aria-label="Developer Tools">\(tabs)</nav>
            \(content)
            """
    }
}
