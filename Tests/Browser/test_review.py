"""A level-1 reviewer audits a pile claim in headless Chromium: sign in, open Review, open the
claim, change an item's approved quantity, approve the claim at level 1; the history shows both
changes and the claim has left the level-1 queue. The pile and its claim are written straight
into the test database, as the pile worker leaves them (vetted, waiting at level 1 of 2)."""

import os
import secrets
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import _required, cli
from portal_helpers import replaced, sign_in, wait

ITEMS = (
    '[{"ref":"it-1","description":"Artemether/Lumefantrine 80/480","code":"DRG-0042","unit_price_billed":2500,'
    '"unit_price_approved":2000,"qty_billed":2,"qty_approved":2,"sub_total_billed":5000,"sub_total_approved":4000,'
    '"comments":["unit price reduced to tariff 2000"],"approval_status":1},'
    '{"ref":"it-2","description":"Malaria test","code":"LAB-0001","unit_price_billed":1500,'
    '"unit_price_approved":1500,"qty_billed":1,"qty_approved":1,"sub_total_billed":1500,"sub_total_approved":1500,'
    '"comments":[],"approval_status":null}]'
)


def sql(statements):
    """Runs SQL as the application's database user (values below are generated here, never typed in)."""
    subprocess.run(
        ["mariadb", "--no-defaults", "--socket", _required("CLAIMSCORE_TEST_DB_SOCKET"),
         "-u", os.environ.get("CLAIMSCORE_TEST_DB_USER", "claimscore"),
         "-p" + os.environ.get("CLAIMSCORE_TEST_DB_PASSWORD", ""), _required("CLAIMSCORE_TEST_DB_NAME")],
        input=statements, capture_output=True, text=True, check=True, timeout=60,
    )


@pytest.fixture(scope="module")
def reviewer(tmp_path_factory):
    """A health case with a pile in audit (two levels) and one claim, and a reviewer at level 1."""
    tag = secrets.token_hex(4)
    owner_password = secrets.token_urlsafe(18)
    org = cli("create-org", name=f"Review Org {tag}", case_name="Health Programme", claim_type="health",
              owner_email=f"owner-{tag}@browser.claimscore.test", owner_password=owner_password)
    settings = tmp_path_factory.mktemp("settings") / "health.json"
    settings.write_text('{"audit_levels": 2}')
    cli("import-settings", org=org["org_id"], case=org["case_id"], settings=str(settings))
    email = f"reviewer-{tag}@browser.claimscore.test"
    password = secrets.token_urlsafe(18)
    cli("create-user", email=email, name="Level One", password=password, org=org["org_id"], role="reviewer",
        review_level=1)
    ref = f"PILE-{tag}"
    request = ('{"ref":"' + ref + '-1","provider":{"id":17,"name":"St. Luke Clinic","code":"SLC-017"},'
               '"enrollee_id":99812,"encounter_date":"2026-11-01T00:00:00Z","billed_amount":6500,'
               '"diagnoses":[{"name":"Malaria","icd_code":"B54"}],"items":' + ITEMS + '}')
    result = ('{"deductions":[{"code":"ITEM_PRICE_ABOVE_TARIFF","points":25,'
              '"detail":"1 item priced above tariff: it-1"}],"items":' + ITEMS + '}')
    sql(f"""
        INSERT INTO piles (org_id, case_id, environment, ref, status, audit_levels, claims_received, claims_vetted,
          claims_awaiting_audit, created_at, submitted_at, vetted_at)
        VALUES ('{org["org_id"]}', '{org["case_id"]}', 'production', '{ref}', 'in_audit', 2, 1, 1, 1,
          NOW(6), NOW(6), NOW(6));
        SET @pile = LAST_INSERT_ID();
        INSERT INTO claims (org_id, case_id, environment, pile_id, ref, content_hash, received_at, scored_at, score,
          determination, approved_amount, approval_status, vetted_at, audit_stage, request_json, result_json)
        VALUES ('{org["org_id"]}', '{org["case_id"]}', 'production', @pile, '{ref}-1', UNHEX(SHA2('{ref}', 256)),
          NOW(6), NOW(6), 975, 'review', 5500, NULL, NOW(6), 1, '{request}', '{result}');
        SET @claim = LAST_INSERT_ID();
        INSERT INTO claim_items (claim_id, position, ref, description, code, unit_price_billed, unit_price_approved,
          qty_billed, qty_approved, approval_status, comments)
        VALUES (@claim, 0, 'it-1', 'Artemether/Lumefantrine 80/480', 'DRG-0042', 2500, 2000, 2, 2, 1,
                '["unit price reduced to tariff 2000"]'),
               (@claim, 1, 'it-2', 'Malaria test', 'LAB-0001', 1500, 1500, 1, 1, NULL, '[]');
    """)
    return {"email": email, "password": password, "org_id": org["org_id"], "case_id": org["case_id"], "ref": ref}


def test_level_one_reviewer_changes_a_quantity_and_approves(driver, base_url, reviewer, screenshots):
    driver.delete_all_cookies()
    sign_in(driver, base_url, reviewer)
    wait(driver, EC.url_contains(f"/orgs/{reviewer['org_id']}/cases/{reviewer['case_id']}/"))

    # Review: the level-1 queue holds the claim.
    replaced(driver, driver.find_element(By.XPATH, "//a[contains(@class,'nav-item')][.//span[text()='Review']]").click)
    wait(driver, EC.url_contains("/review"))
    assert "Level 1 (yours)" in driver.find_element(By.CSS_SELECTOR, ".tabs-secondary").text
    rows = driver.find_elements(By.CSS_SELECTOR, "[data-testid=claim-row]")
    assert [row.find_element(By.CSS_SELECTOR, "td:nth-child(2)").text for row in rows] == [reviewer["ref"] + "-1"]
    driver.save_screenshot(str(screenshots / "20-review-queue.png"))

    # The claim page: items, diagnoses, deductions, and the reviewer's forms.
    replaced(driver, rows[0].find_element(By.CSS_SELECTOR, "a.row-anchor").click)
    wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=sign-off]")))
    assert "Waiting at level 1 of 2" in driver.find_element(By.CSS_SELECTOR, "[data-testid=claim-stage]").text
    assert "B54" in driver.find_element(By.CSS_SELECTOR, "[data-testid=diagnoses-table]").text
    assert "ITEM_PRICE_ABOVE_TARIFF" in driver.find_element(By.CSS_SELECTOR, "[data-testid=deductions-table]").text
    assert driver.find_element(By.CSS_SELECTOR, "[data-testid=approved-amount]").text == "5,500.00"
    driver.save_screenshot(str(screenshots / "21-claim-before.png"))
    driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.CSS_SELECTOR, "[data-testid=items-table]"))
    driver.save_screenshot(str(screenshots / "21-claim-items.png"))

    # Change item 1's approved quantity from 2 to 1.
    form = driver.find_element(By.CSS_SELECTOR, "[data-testid=qty-form-0]")
    field = form.find_element(By.NAME, "qty_approved")
    field.clear()
    field.send_keys("1")
    replaced(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]").click)
    notice = wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice")))
    assert "Approved quantity of item #1 set to 1." in notice.text
    item = driver.find_element(By.CSS_SELECTOR, "[data-testid=item-row][data-position='0']")
    assert item.find_element(By.CSS_SELECTOR, "[data-testid=qty-approved]").text == "1"
    assert item.find_element(By.CSS_SELECTOR, "[data-testid=sub-total-approved]").text == "2,000"
    assert driver.find_element(By.CSS_SELECTOR, "[data-testid=approved-amount]").text == "3,500.00"

    # Approve the claim at level 1.
    replaced(driver, driver.find_element(By.CSS_SELECTOR, "[data-testid=sign-off-approve]").click)
    notice = wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, ".notice")))
    assert "Claim approved at level 1. It now waits for a level 2 reviewer." in notice.text
    assert "Waiting at level 2 of 2" in driver.find_element(By.CSS_SELECTOR, "[data-testid=claim-stage]").text
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid=sign-off]")
    history = driver.find_element(By.CSS_SELECTOR, "[data-testid=history-table]").text
    for line in ["Approved quantity changed", "2 → 1", "Claim approved", "pending → approved", reviewer["email"]]:
        assert line in history, line
    assert "Level 1" in driver.find_element(By.CSS_SELECTOR, "[data-testid=sign-offs-table]").text
    driver.save_screenshot(str(screenshots / "22-claim-approved.png"))
    driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.CSS_SELECTOR, "[data-testid=history-table]"))
    driver.save_screenshot(str(screenshots / "22-claim-history.png"))

    # The claim has left the level-1 queue and waits in level 2's.
    replaced(driver, driver.find_element(By.XPATH, "//a[contains(@class,'nav-item')][.//span[text()='Review']]").click)
    wait(driver, EC.url_contains("/review"))
    assert not driver.find_elements(By.CSS_SELECTOR, "[data-testid=claim-row]")
    replaced(driver, driver.find_element(By.CSS_SELECTOR, "[data-testid=level-2]").click)
    wait(driver, EC.url_contains("level=2"))
    assert len(driver.find_elements(By.CSS_SELECTOR, "[data-testid=claim-row]")) == 1
    driver.save_screenshot(str(screenshots / "23-review-level-2.png"))

    # The pile page shows the claim waiting at level 2.
    replaced(driver, driver.find_element(By.XPATH, "//a[contains(@class,'nav-item')][.//span[text()='Piles']]").click)
    row = wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=pile-row]")))
    assert "In audit" in row.text and reviewer["ref"] in row.text
    replaced(driver, row.find_element(By.CSS_SELECTOR, "a.row-anchor").click)
    claims = wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "[data-testid=claims-table]")))
    assert "Level 2" in claims.text
    driver.save_screenshot(str(screenshots / "24-pile.png"))
