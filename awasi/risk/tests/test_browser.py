"""In a real browser: the map and a region profile; the observation draft survives a reload."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from awasi.risk import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_opens_the_map_and_a_region_profile(
    babel, stations, live_server, live_login, officer_babel
):
    services.compute_scores(actor=officer_babel, election=babel["pemilu"])
    browser = live_login(officer_babel)
    browser.get(f"{live_server.url}/risk/")
    WebDriverWait(browser, 15).until(
        lambda b: b.find_element(By.ID, "risk-map").get_attribute("data-loaded")
    )
    assert browser.find_element(By.ID, "risk-map").get_attribute("data-loaded") == "6"
    assert browser.find_elements(By.CSS_SELECTOR, "#risk-map path, #risk-map canvas")
    browser.find_element(By.CSS_SELECTOR, "#ranking-table a[href*='/risk/region/19.01/']").click()
    assert "19.01" in browser.find_element(By.ID, "region-title").text
    rows = browser.find_elements(By.CSS_SELECTOR, "#tps-table tbody tr")
    assert stations["bangka_prison"].code in rows[0].text


def test_observation_draft_survives_a_reload(
    babel, stations, live_server, live_login, officer_bangka
):
    browser = live_login(officer_bangka)
    url = f"{live_server.url}/risk/observe/?tps={stations['bangka1'].code}"
    browser.get(url)
    browser.find_element(By.CSS_SELECTOR, "input[name=i_kam_kekerasan][value='1']").click()
    key = browser.find_element(By.NAME, "key").get_attribute("value")
    browser.get(url)  # connection lost, page opened again
    radio = browser.find_element(By.CSS_SELECTOR, "input[name=i_kam_kekerasan][value='1']")
    assert radio.is_selected()
    assert browser.find_element(By.NAME, "key").get_attribute("value") == key
    browser.find_element(By.ID, "send-observations").click()
    WebDriverWait(browser, 10).until(lambda b: "sent=1" in b.current_url)
    assert browser.execute_script("return localStorage.length") == 0
