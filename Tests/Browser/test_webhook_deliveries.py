"""The webhook drawer's delivery log in headless Chromium: an admin points a webhook at a receiver
on loopback (allow-listed in the test stack), presses "Send test event", watches the failed and
then delivered attempts appear with the receiver's answer, and resends the event."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import chromium
from portal_helpers import replaced, settled, sign_in, wait

FAILURE_ANSWER = '{"error": "<b>database down</b>", "hint": "retry in a moment"}'


class Receiver(BaseHTTPRequestHandler):
    """Answers the first delivery with a 500 and an HTML-looking body, every later one with 200."""

    calls = 0

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        Receiver.calls += 1
        status, body = (500, FAILURE_ANSWER) if Receiver.calls == 1 else (200, '{"ok": true}')
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def receiver():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def drawer_shows(driver, text):
    settled(driver, lambda d: text in d.find_element(By.ID, "drawer").text)
    return driver.find_element(By.ID, "drawer")


@pytest.fixture()
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def test_send_test_event_and_resend_from_the_drawer(browser, base_url, owner, receiver, screenshots):
    sign_in(browser, base_url, owner)
    wait(browser, EC.url_contains("/developer-tools/"))
    hooks = f"{base_url}/orgs/{owner['org_id']}/cases/{owner['case_id']}/developer-tools/webhooks"
    browser.get(hooks + "?create=1")
    form = wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=create-webhook-form]")))
    form.find_element(By.ID, "f-name").send_keys("Local receiver")
    form.find_element(By.ID, "f-url").send_keys(receiver)
    form.find_element(By.CSS_SELECTOR, "input[name=environment][value=sandbox]").click()
    replaced(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)

    drawer = drawer_shows(browser, "No deliveries yet")
    replaced(browser, drawer.find_element(By.CSS_SELECTOR, "[data-testid=send-test-event]").click)
    drawer = drawer_shows(browser, "Test event queued.")
    browser.save_screenshot(str(screenshots / "14-webhook-test-event-queued.png"))

    # The delivery thread sends it: 500 first, then (retries run 1000 times faster here) a 200.
    def delivered(driver):
        driver.refresh()
        text = driver.find_element(By.ID, "drawer").text
        return "Delivered" in text and "500" in text

    settled(browser, delivered, seconds=40)
    drawer = browser.find_element(By.ID, "drawer")
    assert "webhook.test" in drawer.text
    failed = drawer.find_element(
        By.XPATH, ".//li[contains(@class, 'attempt')][.//*[@data-testid='status-code' and text()='500']]")
    summary = failed.find_element(By.CSS_SELECTOR, ".answer summary")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", summary)
    summary.click()
    answer = failed.find_element(By.CSS_SELECTOR, "[data-testid=answer]")
    assert answer.text == FAILURE_ANSWER  # shown as text, not as markup
    assert not drawer.find_elements(By.CSS_SELECTOR, ".answer-body b")
    browser.save_screenshot(str(screenshots / "15-webhook-deliveries.png"))

    replaced(browser, drawer.find_element(By.CSS_SELECTOR, "[data-testid=resend]").click)
    drawer_shows(browser, "Event queued for resending.")
    settled(browser, lambda d: (d.refresh() or True) and "Resend" in d.find_element(By.CSS_SELECTOR, ".tag").text)
    browser.save_screenshot(str(screenshots / "16-webhook-resent.png"))
