/// The page shell: head, sidebar, main area, and an optional overlay (drawer or dialog).
///
/// Only `/static/` files are referenced, so the strict Content-Security-Policy holds: no inline
/// script, no inline style.
enum Layout {
    static func page(title: String, chrome: PageChrome, content: HTML, overlay: HTML = .empty) -> HTML {
        let notices = chrome.notices.map { "<div class=\"notice\" role=\"status\">\($0)</div>" as HTML }
        return document(
            title: title, bodyClass: overlay == .empty ? "" : "has-overlay",
            body: """
                <div class="shell">
                \(Sidebar.render(chrome))
                <main class="main" id="main">
                \(notices)
                \(content)
                </main>
                </div>
                <div id="overlay-root">\(overlay)</div>
                """)
    }

    /// A complete document; `bodyClass` lets CSS lock scrolling behind an open overlay.
    static func document(title: String, bodyClass: String = "", body: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · ClaimScore</title>
        <link rel="stylesheet" href="/static/css/portal.css">
        <script src="/static/js/portal.js" defer></script>
        </head>
        <body class="\(bodyClass)">
        \(body)
        </body>
        </html>
        """
    }

    /// The heading row of a page, with optional actions on the right.
    static func header(title: String, subtitle: String, actions: HTML = .empty) -> HTML {
        """
        <header class="page-header">
          <div><h1>\(title)</h1><p class="subtitle">\(subtitle)</p></div>
          <div class="page-actions">\(actions)</div>
        </header>
        """
    }
}
