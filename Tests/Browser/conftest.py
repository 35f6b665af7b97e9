"""Fixtures for the portal's browser test: the running test stack (.ci/test), an owner made with
the real `claimscore create-org` command, and headless Chromium driven through chromium-driver."""

import os
import pathlib
import secrets
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _required(name):
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run the browser test through .ci/test", pytrace=False)
    return value


def cli(command, **options):
    """Runs a `claimscore` command against the test stack and returns the `key: value` lines it
    prints. Options are passed as `--name=value` (`case_name` becomes `--case-name`): a separate
    argument that starts with "-", as a random password can, would be read as an option."""
    arguments = [f"--{name.replace('_', '-')}={value}" for name, value in options.items()]
    result = subprocess.run(
        [_required("CLAIMSCORE_TEST_BIN"), command, f"--config={_required('CLAIMSCORE_TEST_CONFIG')}", *arguments],
        capture_output=True, text=True, check=True, timeout=60,
    )
    return dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)


@pytest.fixture(scope="session")
def base_url():
    return _required("CLAIMSCORE_TEST_URL").rstrip("/")


@pytest.fixture(scope="session")
def screenshots():
    folder = pathlib.Path(os.environ.get("CLAIMSCORE_SCREENSHOTS", ROOT / "var" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def owner():
    """A fresh organization, case and owner, created through the CLI as an operator would."""
    email = f"owner-{secrets.token_hex(4)}@browser.claimscore.test"
    password = secrets.token_urlsafe(18)
    fields = cli("create-org", name="Browser Test Org", case_name="Widgets Settlement", claim_type="settlement",
                 owner_email=email, owner_name="Browser Owner", owner_password=password)
    return {"email": email, "password": password, "org_id": fields["org_id"], "case_id": fields["case_id"]}


def chromium(javascript=True):
    """Headless Debian Chromium through chromium-driver (no driver download: both paths are given)."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900",
                     "--disable-gpu", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_page_load_timeout(30)
    return browser


@pytest.fixture(scope="session")
def driver(base_url):
    browser = chromium()
    # Let the page use the async clipboard API the copy buttons call, and let the test read it back.
    browser.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": base_url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    yield browser
    browser.quit()


@pytest.fixture()
def driver_without_javascript():
    browser = chromium(javascript=False)
    yield browser
    browser.quit()
