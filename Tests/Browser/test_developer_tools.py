"""A new admin walks through Developer Tools in headless Chromium, as the source document does:
sign in, create a Production key and read it from the dialog, dismiss it, toggle and delete a
key, create a webhook and copy its token. Each tab is saved as a screenshot (a test artifact)."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from portal_helpers import replaced, settled, sign_in, wait

KEY_PATTERN = re.compile(r"^cs_live_[0-9A-Za-z]{38}$")


def clipboard(driver):
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, (e) => done('ERROR: ' + e));"
    )


def test_admin_walks_through_developer_tools(driver, base_url, owner, screenshots):
    # Sign in (the landing page sends a stranger to the sign-in form).
    driver.get(base_url + "/")
    wait(driver, EC.presence_of_element_located((By.ID, "f-email")))
    driver.save_screenshot(str(screenshots / "01-sign-in.png"))
    sign_in(driver, base_url, owner)

    # Developer Tools opens on the API Credentials tab of the new case.
    wait(driver, EC.url_contains("/developer-tools/api-credentials"))
    assert f"/orgs/{owner['org_id']}/cases/{owner['case_id']}/" in driver.current_url
    assert driver.find_element(By.CSS_SELECTOR, ".tab.is-active").text == "API Credentials"
    headers = [th.text.lower() for th in driver.find_elements(By.CSS_SELECTOR, "[data-testid=keys-table] th")]
    assert headers == ["status", "api key name", "environment"]
    nav = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".nav-item .nav-label")]
    for label in ["Dashboard", "Claims", "Piles", "Review", "Developer Tools", "Settings", "Team"]:
        assert label in nav
    driver.save_screenshot(str(screenshots / "02-api-credentials-empty.png"))

    # Create a Production key.
    replaced(driver, driver.find_element(By.CSS_SELECTOR, "[data-testid=create-key]").click)
    form = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=create-key-form]")))
    form.find_element(By.ID, "f-name").send_keys("Production Claim Form")
    form.find_element(By.ID, "f-description").send_keys("The live claim form on claims.example.com")
    form.find_element(By.CSS_SELECTOR, "input[name=environment][value=production]").click()
    driver.save_screenshot(str(screenshots / "03-create-api-key.png"))
    replaced(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)

    # The dialog shows the key once, in orange, with a copy button.
    dialog = wait(driver, EC.visibility_of_element_located((By.ID, "created-dialog")))
    assert "Your API credential has been created successfully." in dialog.text
    key = dialog.find_element(By.CSS_SELECTOR, "[data-testid=new-key]").text.strip()
    assert KEY_PATTERN.match(key), key
    color = dialog.find_element(By.CSS_SELECTOR, ".secret-key").value_of_css_property("color")
    assert color in ("rgba(232, 89, 12, 1)", "rgb(232, 89, 12)"), color
    copy = dialog.find_element(By.CSS_SELECTOR, "[data-testid=copy-new-key]")
    copy.click()
    wait(driver, lambda d: "Copied" in copy.text or "Ctrl" in copy.text)
    assert clipboard(driver) == key
    driver.save_screenshot(str(screenshots / "04-api-key-created.png"))
    replaced(driver, dialog.find_element(By.LINK_TEXT, "I've Saved The Key").click)
    wait(driver, EC.invisibility_of_element_located((By.ID, "created-dialog")))
    assert key not in driver.page_source  # shown once, never again

    # Open the row's drawer, deactivate and reactivate the key.
    replaced(driver, driver.find_element(By.CSS_SELECTOR, "[data-testid=key-row]").click)
    drawer = wait(driver, EC.visibility_of_element_located((By.ID, "drawer")))
    for label in ["Key Name", "Description", "Environment", "Date created", "Status", "Last used"]:
        assert label in drawer.text
    assert "Production Claim Form" in drawer.text
    driver.save_screenshot(str(screenshots / "05-api-key-drawer.png"))
    replaced(driver, drawer.find_element(By.CSS_SELECTOR, "[data-testid=status-toggle]").click)
    settled(driver, lambda d: "Inactive" in d.find_element(By.ID, "drawer").text)
    assert "Inactive" in driver.find_element(By.CSS_SELECTOR, "[data-testid=key-row]").text
    replaced(driver, driver.find_element(By.CSS_SELECTOR, "#drawer [data-testid=status-toggle]").click)
    settled(driver, lambda d: "Inactive" not in d.find_element(By.CSS_SELECTOR, "[data-testid=key-row]").text)

    # Delete it, through the confirmation step.
    replaced(driver, driver.find_element(By.CSS_SELECTOR, "#drawer [data-testid=delete-key]").click)
    confirm = wait(driver, EC.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid=confirm-delete]")))
    driver.save_screenshot(str(screenshots / "06-delete-api-key.png"))
    replaced(driver, confirm.click)
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice")))
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid=key-row]")

    # Webhooks tab: Copy OrgID / Copy CaseID, then create a webhook.
    replaced(driver, driver.find_element(By.LINK_TEXT, "Webhooks").click)
    wait(driver, EC.url_contains("/developer-tools/webhooks"))
    headers = [th.text.lower() for th in driver.find_elements(By.CSS_SELECTOR, "[data-testid=webhooks-table] th")]
    assert headers == ["status", "webhook name", "created", "url", "token", "id"]
    org_button = driver.find_element(By.XPATH, "//button[normalize-space()='Copy OrgID']")
    org_button.click()
    wait(driver, lambda d: clipboard(d) == owner["org_id"])
    driver.find_element(By.XPATH, "//button[normalize-space()='Copy CaseID']").click()
    wait(driver, lambda d: clipboard(d) == owner["case_id"])
    driver.save_screenshot(str(screenshots / "07-webhooks-empty.png"))

    replaced(driver, driver.find_element(By.CSS_SELECTOR, "[data-testid=create-webhook]").click)
    form = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=create-webhook-form]")))
    form.find_element(By.ID, "f-name").send_keys("Scores to CRM")
    form.find_element(By.ID, "f-description").send_keys("Posts every score to our CRM")
    form.find_element(By.ID, "f-url").send_keys("http://10.0.0.5:9000/hook")
    form.find_element(By.CSS_SELECTOR, "input[name=environment][value=production]").click()
    replaced(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)

    # A private-network URL is refused by the SSRF rule: a message under the field, nothing created.
    form = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=create-webhook-form]")))
    assert "URL must point to a public address" in form.text
    assert form.find_element(By.ID, "f-name").get_attribute("value") == "Scores to CRM"
    driver.save_screenshot(str(screenshots / "08-create-webhook-refused-url.png"))
    url = form.find_element(By.ID, "f-url")
    url.clear()
    url.send_keys("https://hooks.example.com/claimscore")
    driver.save_screenshot(str(screenshots / "09-create-webhook.png"))
    replaced(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)

    # The drawer opens on the new webhook, with the token and the ids to copy.
    drawer = wait(driver, EC.visibility_of_element_located((By.ID, "drawer")))
    for label in ["Date created", "Status", "URL", "Token", "Webhook ID", "Organization ID", "Case ID"]:
        assert label in drawer.text
    token = drawer.find_element(By.CSS_SELECTOR, "[data-testid=webhook-token]").text.strip()
    assert re.match(r"^whsec_[A-Za-z0-9+/]{43}=$", token), token
    assert owner["org_id"] in drawer.text and owner["case_id"] in drawer.text
    drawer.find_element(By.CSS_SELECTOR, "[data-testid=copy-token]").click()
    wait(driver, lambda d: clipboard(d) == token)
    driver.save_screenshot(str(screenshots / "10-webhook-drawer.png"))

    # Back on the table the token is masked.
    replaced(driver, drawer.find_element(By.CSS_SELECTOR, ".close").click)
    row = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=webhook-row]")))
    assert token not in row.text and token[-4:] in row.text and "https://hooks.example.com/claimscore" in row.text
    driver.save_screenshot(str(screenshots / "11-webhooks.png"))

    # The audit log shows every change, by whom.
    replaced(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Audit Log").click)
    table = wait(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, "[data-testid=audit-table]")))
    for action in ["API key created", "API key deactivated", "API key activated", "API key deleted",
                   "Webhook created"]:
        assert action in table.text
    assert owner["email"] in table.text
    driver.save_screenshot(str(screenshots / "12-audit-log.png"))


def test_pages_work_without_javascript(driver_without_javascript, base_url, owner, screenshots):
    """The drawer is a URL and the dialog follows a redirect: with JavaScript off it all still works."""
    browser = driver_without_javascript
    sign_in(browser, base_url, owner)
    wait(browser, EC.url_contains("/developer-tools/api-credentials"))
    replaced(browser, browser.find_element(By.LINK_TEXT, "Create API Key").click)
    browser.find_element(By.ID, "f-name").send_keys("Sandbox Testing")
    browser.find_element(By.CSS_SELECTOR, "input[name=environment][value=sandbox]").click()
    replaced(browser, browser.find_element(By.CSS_SELECTOR, "[data-testid=create-key-form] button[type=submit]").click)
    key = wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=new-key]"))).text
    assert key.startswith("cs_test_")
    replaced(browser, browser.find_element(By.LINK_TEXT, "I've Saved The Key").click)
    replaced(browser, browser.find_element(By.LINK_TEXT, "Sandbox Testing").click)
    wait(browser, EC.url_contains("?key="))
    assert "Sandbox" in browser.find_element(By.ID, "drawer").text
    browser.save_screenshot(str(screenshots / "13-no-javascript-drawer.png"))
