/// The sign-in page.
enum LoginView {
    static func render(csrfToken: String, email: String, next: String, message: String?) -> HTML {
        Layout.document(
            title: "Sign in", bodyClass: "plain",
            body: """
                <main class="center-card">
                  <form class="card login-card" method="post" action="/login">
                    <div class="brand brand-large"><span class="brand-mark" aria-hidden="true">CS</span>\
                <span>ClaimScore</span></div>
                    <h1>Sign in</h1>
                    <p class="subtitle">Use the email address and password of your ClaimScore account.</p>
                    \(if: message != nil, "<div class=\"alert\" role=\"alert\">\(message ?? "")</div>")
                    \(Components.csrfField(csrfToken))
                    <input type="hidden" name="next" value="\(next)">
                    <div class="field"><label for="f-email">Email</label>
                    <input id="f-email" name="email" type="email" value="\(email)" autocomplete="username" required \
                autofocus maxlength="254"></div>
                    <div class="field"><label for="f-password">Password</label>
                    <input id="f-password" name="password" type="password" autocomplete="current-password" required \
                maxlength="1024"></div>
                    <button class="button primary block" type="submit">Sign in</button>
                  </form>
                </main>
                """)
    }
}
