import Foundation

/// Small pieces shared by the pages: form fields, badges, copy buttons, overlays.
enum Components {
    static func csrfField(_ token: String) -> HTML {
        "<input type=\"hidden\" name=\"\(CSRFToken.fieldName)\" value=\"\(token)\">"
    }

    /// A button portal.js turns into copy-to-clipboard; without JavaScript the value is shown beside it.
    static func copyButton(_ value: String, label: String = "Copy", testID: String = "") -> HTML {
        """
        <button class="button copy small" type="button" data-copy="\(value)"\
        \(if: !testID.isEmpty, " data-testid=\"\(testID)\"")>\(label)</button>
        """
    }

    static func statusBadge(active: Bool, activeLabel: String = "Active", inactiveLabel: String = "Inactive") -> HTML {
        active
            ? "<span class=\"badge badge-on\">\(activeLabel)</span>"
            : "<span class=\"badge badge-off\">\(inactiveLabel)</span>"
    }

    static func environmentBadge(_ label: String) -> HTML {
        "<span class=\"env env-\(label.lowercased())\">\(label)</span>"
    }

    /// A one-line text field with its label and, after a failed post, the message under it.
    static func textField(
        name: String, label: String, value: String, error: String?, required: Bool = true, maxLength: Int = 100,
        type: String = "text", hint: String = ""
    ) -> HTML {
        """
        <div class="field\(if: error != nil, " has-error")">
          <label for="f-\(name)">\(label)\(if: !required, " <span class=\"optional\">(optional)</span>")</label>
          <input id="f-\(name)" name="\(name)" type="\(type)" value="\(value)" maxlength="\(maxLength)"\
        \(if: required, " required")\(if: error != nil, " aria-invalid=\"true\"")>
          \(if: !hint.isEmpty, "<p class=\"hint\">\(hint)</p>")
          \(if: error != nil, "<p class=\"error\" role=\"alert\">\(error ?? "")</p>")
        </div>
        """
    }

    static func textArea(name: String, label: String, value: String, error: String?, maxLength: Int = 500) -> HTML {
        """
        <div class="field\(if: error != nil, " has-error")">
          <label for="f-\(name)">\(label) <span class="optional">(optional)</span></label>
          <textarea id="f-\(name)" name="\(name)" rows="3" maxlength="\(maxLength)">\(value)</textarea>
          \(if: error != nil, "<p class=\"error\" role=\"alert\">\(error ?? "")</p>")
        </div>
        """
    }

    /// Production or Sandbox as two radio cards.
    static func environmentChoice(selected: String, error: String?) -> HTML {
        let options = [("production", "Production", "Live claim submissions"), ("sandbox", "Sandbox", "Testing")]
        let cards = options.map { value, label, hint -> HTML in
            """
            <label class="choice"><input type="radio" name="environment" value="\(value)"\
            \(if: selected == value, " checked") required><span class="choice-body"><strong>\(label)</strong>\
            <span class="hint">\(hint)</span></span></label>
            """
        }
        return """
            <fieldset class="field\(if: error != nil, " has-error")"><legend>Environment</legend>
            <div class="choices">\(cards)</div>
            \(if: error != nil, "<p class=\"error\" role=\"alert\">\(error ?? "")</p>")
            </fieldset>
            """
    }

    /// A switch that works as a plain form post; `active` is the current state.
    static func statusToggle(action: String, active: Bool, csrfToken: String, onLabel: String, offLabel: String)
        -> HTML
    {
        """
        <form class="toggle-form" method="post" action="\(action)">\(csrfField(csrfToken))
        <input type="hidden" name="active" value="\(active ? "0" : "1")">
        <button class="toggle\(if: active, " is-on")" type="submit" role="switch" aria-checked="\(active ? "true" : "false")"\
         data-testid="status-toggle"><span class="toggle-track"><span class="toggle-thumb"></span></span>\
        <span class="toggle-label">\(active ? onLabel : offLabel)</span></button>
        </form>
        """
    }

    /// A centred modal dialog; `closeURL` is where "close" goes without JavaScript.
    static func dialog(title: String, body: HTML, closeURL: String, id: String = "dialog") -> HTML {
        overlay(kind: "dialog", element: "section", id: id, title: title, body: body, closeURL: closeURL)
    }

    /// The details drawer on the right; the page behind stays as it was.
    static func drawer(title: String, body: HTML, closeURL: String) -> HTML {
        overlay(kind: "drawer", element: "aside", id: "drawer", title: title, body: body, closeURL: closeURL)
    }

    private static func overlay(kind: String, element: String, id: String, title: String, body: HTML, closeURL: String)
        -> HTML
    {
        let tag = HTML(text: element)
        return """
            <div class="overlay overlay-\(kind)" data-overlay>
              <a class="overlay-backdrop" href="\(closeURL)" aria-label="Close" tabindex="-1"></a>
              <\(tag) class="\(kind)" role="dialog" aria-modal="true" aria-labelledby="\(id)-title" id="\(id)">
                <header class="\(kind)-head"><h2 id="\(id)-title">\(title)</h2>\
            <a class="close" href="\(closeURL)" aria-label="Close">×</a></header>
                \(body)
              </\(tag)>
            </div>
            """
    }

    /// `2026-11-22 10:04:10.120000` → `2026-11-22 10:04 UTC` (the connection's time zone is UTC).
    static func date(_ stored: String?) -> String {
        guard let stored, stored.count >= 16 else { return "Never" }
        return String(stored.prefix(16)) + " UTC"
    }

    /// A moment to the second, `2026-11-22 10:04:10 UTC`: delivery attempts can be seconds apart.
    static func time(_ date: Date) -> String {
        let iso = date.ISO8601Format()  // 2026-11-22T10:04:10Z, always UTC
        return iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }
}
