"""A Polres officer opens the Polres plan in a real browser."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_polres_officer_opens_the_polres_plan(
    babel_tps, profile, personnel, live_server, live_login, police_belitung
):
    from awasi.deployment.services import create_plan

    plan = create_plan(actor=None, election=babel_tps["pemilu"], region_code="19")
    browser = live_login(police_belitung)
    browser.get(f"{live_server.url}/deployment/")
    browser.find_element(By.LINK_TEXT, plan.title).click()
    browser.find_element(By.LINK_TEXT, "Polres Belitung").click()
    assert browser.find_element(By.ID, "unit-title").text == "Polres Belitung"
    row = plan.units.get(unit__code="POLRES-19.02")
    assert browser.find_element(By.ID, "unit-required").text == str(row.required)
    groups = browser.find_elements(By.CSS_SELECTOR, "#group-table tbody tr")
    assert len(groups) == row.groups
    loaded = WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.ID, "awasi-map").get_attribute("data-loaded")
    )
    assert int(loaded) == plan.groups.filter(polres__code="POLRES-19.02").count()
