// ClaimScore portal enhancements. Every page works without this file; it only adds
// copy-to-clipboard, clickable table rows, in-place drawers and auto-submitting selectors.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "copy-buffer";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function flash(button, label) {
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    button.textContent = label;
    button.classList.add("is-copied");
    window.setTimeout(function () {
      button.textContent = original;
      button.classList.remove("is-copied");
    }, 1600);
  }

  // Replaces the overlay with the one of `url` (a drawer or dialog page) without a full reload.
  function openInPlace(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok || response.redirected) { throw new Error("fallback"); }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var incoming = doc.getElementById("overlay-root");
        var current = document.getElementById("overlay-root");
        if (!incoming || !current) { throw new Error("fallback"); }
        current.replaceWith(document.importNode(incoming, true));
        document.body.className = doc.body.className;
        history.pushState({ overlay: true }, "", url);
        var focus = document.querySelector("#overlay-root input, #overlay-root .close");
        if (focus) { focus.focus(); }
      })
      .catch(function () { window.location.href = url; });
  }

  document.addEventListener("click", function (event) {
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      event.preventDefault();
      copyText(copy.getAttribute("data-copy")).then(
        function () { flash(copy, "Copied"); },
        function () { flash(copy, "Press Ctrl+C"); }
      );
      return;
    }
    var link = event.target.closest("a[data-drawer-link]");
    if (link && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
      event.preventDefault();
      openInPlace(link.href);
      return;
    }
    var row = event.target.closest("tr[data-href]");
    if (row && !event.target.closest("a, button, form")) {
      openInPlace(row.getAttribute("data-href"));
    }
  });

  document.addEventListener("change", function (event) {
    var form = event.target.closest("form[data-autosubmit]");
    if (form) { form.submit(); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var close = document.querySelector("#overlay-root .close");
    if (close) { window.location.href = close.href; }
  });

  window.addEventListener("popstate", function () { window.location.reload(); });
})();
