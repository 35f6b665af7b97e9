/// A standalone page for the portal's errors (400, 403, 404, 413, 500, 503) and for people without
/// any organization.
enum ErrorView {
    static func render(status: Int, title: String, message: String) -> HTML {
        Layout.document(
            title: title, bodyClass: "plain",
            body: """
                <main class="center-card">
                  <div class="card error-card">
                    <p class="error-code">\(status)</p>
                    <h1>\(title)</h1>
                    <p>\(message)</p>
                    <p><a class="button primary" href="/">Back to the portal</a></p>
                  </div>
                </main>
                """)
    }
}
