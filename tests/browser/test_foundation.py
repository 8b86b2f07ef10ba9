"""Browser: a demo user signs in and opens the map (real headless Chromium)."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from awasi.core.testing import page_replaced
from awasi.regions.demo_tps import generate_babel_tps

pytestmark = pytest.mark.browser


def test_officer_signs_in_and_opens_the_map(live_server, live_login, babel, officer_bangka):
    generate_babel_tps(babel["pemilu"])
    browser = live_login(officer_bangka)
    browser.get(f"{live_server.url}/regions/map/")
    assert browser.find_element(By.ID, "tps-total").text == "911"
    WebDriverWait(browser, 20).until(
        lambda b: b.find_element(By.ID, "awasi-map").get_attribute("data-loaded") == "911"
    )
    assert int(browser.find_element(By.ID, "awasi-map").get_attribute("data-markers")) > 911
    assert browser.find_elements(By.CSS_SELECTOR, "#awasi-map canvas")  # drawn without tiles
    browser.set_window_size(390, 844)  # phone
    map_link = browser.find_element(By.CSS_SELECTOR, '#main-nav a[data-app="regions"]')
    assert not map_link.is_displayed()  # the menu is folded on a phone
    browser.find_element(By.CSS_SELECTOR, ".menu-toggle").click()
    WebDriverWait(browser, 5).until(ec.visibility_of(map_link))
    assert map_link.text == "Peta"


def test_bad_password_is_refused_in_indonesian(live_server, browser, babel, officer_bangka):
    browser.get(f"{live_server.url}/accounts/login/")
    browser.find_element(By.ID, "id_username").send_keys(officer_bangka.username)
    browser.find_element(By.ID, "id_password").send_keys("salah-sandi-123")
    old_form = browser.find_element(By.ID, "login-form")
    browser.find_element(By.ID, "login-submit").click()
    WebDriverWait(browser, 10).until(page_replaced(old_form))  # the answer is a new page
    assert "benar" in browser.find_element(By.ID, "login-form").text.lower()
