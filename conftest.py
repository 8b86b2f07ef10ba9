"""Fixtures every app's tests share: Babel reference data, personas, clients, a real browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from awasi.accounts.choices import Role
from awasi.core.testing import (
    TEST_PASSWORD,
    ensure_app_reference_data,
    ensure_babel,
    make_user,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Seed the Babel reference data once per test database."""
    with django_db_blocker.unblock():
        ensure_babel()


@pytest.fixture(autouse=True)
def _app_reference_data(request: Any) -> None:
    """Every database test starts with the data apps load in migrations (deadline rules...).

    A transactional (browser) test's flush empties those tables for the tests after it in the
    same worker; restoring them here keeps test order irrelevant.
    """
    names = set(request.fixturenames)
    if request.node.get_closest_marker("django_db") or names & {
        "db",
        "transactional_db",
        "live_server",
    }:
        request.getfixturevalue("_django_db_helper")
        ensure_app_reference_data()


@pytest.fixture
def babel(db: Any) -> dict[str, Any]:
    """Babel regions, Pemilu/Pilkada 2024 with stages, police units, dapil, organisations."""
    return ensure_babel()


@pytest.fixture
def officer_babel(babel: dict) -> Any:
    return make_user("officer-babel", "bawaslu-babel", Role.COMMISSIONER)


@pytest.fixture
def officer_bangka(babel: dict) -> Any:
    return make_user("officer-bangka", "bawaslu-bangka", Role.OFFICER)


@pytest.fixture
def officer_belitung(babel: dict) -> Any:
    return make_user("officer-belitung", "bawaslu-belitung", Role.OFFICER)


@pytest.fixture
def police_bangka(babel: dict) -> Any:
    return make_user("police-bangka", "polres-bangka", Role.INVESTIGATOR)


@pytest.fixture
def police_belitung(babel: dict) -> Any:
    return make_user("police-belitung", "polres-belitung", Role.INVESTIGATOR)


@pytest.fixture
def polda_investigator(babel: dict) -> Any:
    return make_user("polda-investigator", "polda-babel", Role.INVESTIGATOR)


@pytest.fixture
def prosecutor(babel: dict) -> Any:
    return make_user("prosecutor", "kejati-babel", Role.PROSECUTOR)


@pytest.fixture
def no_role_user(babel: dict) -> Any:
    return make_user("no-role", None)


@pytest.fixture
def client_for() -> Callable[[Any], Any]:
    """A Django test client logged in as the given user."""
    from django.test import Client

    def make(user: Any) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def api_client_for() -> Callable[[Any], Any]:
    """A DRF API client authenticated with the user's token."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    def make(user: Any) -> APIClient:
        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


def _chromium_paths() -> tuple[str | None, str | None]:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return binary, driver


@pytest.fixture
def browser() -> Iterator[Any]:
    """Headless Chromium via selenium (Debian chromium + chromium-driver).

    Missing Chromium skips locally but fails when AWASI_REQUIRE_BROWSER=1 (CI).
    """
    binary, driver_path = _chromium_paths()
    if not (binary and driver_path):
        message = "chromium and chromedriver are needed (apt-get install chromium chromium-driver)"
        if os.environ.get("AWASI_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--lang=id",
    ]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.implicitly_wait(5)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def live_login(browser: Any, live_server: Any) -> Callable[[Any], Any]:
    """Sign the given user in through the real login page; returns the browser."""
    from selenium.webdriver.common.by import By

    def login(user: Any, password: str = TEST_PASSWORD) -> Any:
        # Start from a clean session: a sign-out click may still be in flight, and the login page
        # redirects a signed-in user away.
        browser.get(f"{live_server.url}/healthz")
        browser.delete_all_cookies()
        browser.get(f"{live_server.url}/accounts/login/")
        browser.find_element(By.ID, "id_username").send_keys(user.username)
        browser.find_element(By.ID, "id_password").send_keys(password)
        browser.find_element(By.ID, "login-submit").click()
        browser.find_element(By.ID, "logout")
        return browser

    return login
