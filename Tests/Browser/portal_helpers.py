"""Helpers the portal's browser tests share: waiting for conditions, and `replaced`, the one way a
test clicks or submits something that replaces the page (a form post, a link) or the overlay (the
in-place loader in public/js/portal.js). A wait that follows such a click must never be satisfied by
the page being replaced, so every such click goes through `replaced`."""

import secrets

from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPLACE_SECONDS = 15

# Marks the current document and its overlay root (if it has one) with the token; says whether the
# overlay root was there to mark.
_STAMP = """
const token = arguments[0];
document.documentElement.setAttribute('data-replaced-token', token);
const overlay = document.getElementById('overlay-root');
if (overlay) { overlay.setAttribute('data-replaced-token', token); }
return overlay !== null;
"""

# True once a new, fully loaded document is shown (it has no token), or the same document's overlay
# root was swapped for a new node (portal.js's openInPlace: the new node has no token, and the swap,
# the body class and pushState happen in one task, so nothing of the replacement is still pending).
_REPLACED = """
const token = arguments[0], hadOverlay = arguments[1];
if (document.readyState !== 'complete') { return false; }
if (document.documentElement.getAttribute('data-replaced-token') !== token) { return true; }
const overlay = document.getElementById('overlay-root');
return hadOverlay && overlay !== null && overlay.getAttribute('data-replaced-token') !== token;
"""


def wait(driver, condition, seconds=15):
    return WebDriverWait(driver, seconds).until(condition)


def settled(driver, condition, seconds=15):
    """Waits for a condition that reads a page a refresh is replacing: each poll finds its elements
    afresh, and errors from nodes of the page being replaced are retried."""
    return WebDriverWait(driver, seconds, ignored_exceptions=(WebDriverException,)).until(condition)


def replaced(driver, action, seconds=REPLACE_SECONDS):
    """Runs `action` (a click or submit, e.g. `button.click`) and returns once the page or the
    overlay it replaces has been replaced and the document has finished loading. Before the action
    the current document and overlay root are stamped with a fresh token; the replacement is the
    first state without it, so no later wait can match the old page. Errors from the page being
    torn down are retried until the bound."""
    token = secrets.token_hex(8)
    had_overlay = driver.execute_script(_STAMP, token)
    action()
    try:
        WebDriverWait(driver, seconds, poll_frequency=0.1, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script(_REPLACED, token, had_overlay)
        )
    except TimeoutException:
        raise TimeoutException(
            f"the page (or its overlay) was not replaced within {seconds} s of the action; now at {driver.current_url}"
        ) from None


def sign_in(driver, base_url, user):
    driver.get(base_url + "/login")
    driver.find_element(By.ID, "f-email").send_keys(user["email"])
    driver.find_element(By.ID, "f-password").send_keys(user["password"])
    replaced(driver, driver.find_element(By.CSS_SELECTOR, "form.login-card button[type=submit]").click)
