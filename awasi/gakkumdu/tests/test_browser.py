"""In a real browser: Bawaslu refers a case, Polres Bangka records the investigation, the Kejari
prosecutor declares the file complete, and Bawaslu sees the new stage."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from awasi.gakkumdu.tests.conftest import make_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _step(browser, event, **fields):
    Select(browser.find_element(By.ID, "id_event")).select_by_value(event)
    for name, value in fields.items():
        browser.find_element(By.ID, f"id_{name}").send_keys(value)
    browser.find_element(By.ID, "step-submit").click()
    _no_errors(browser)


def _discussion(browser, number, conclusion):
    Select(browser.find_element(By.ID, "id_disc-number")).select_by_value(str(number))
    browser.find_element(By.ID, "id_disc-conclusion").send_keys(conclusion)
    browser.find_element(By.ID, "id_disc-polri_attendees").send_keys("Penyidik Polres Bangka")
    browser.find_element(By.ID, "discussion-submit").click()
    _no_errors(browser)


def _no_errors(browser):
    errors = browser.find_elements(By.CSS_SELECTOR, ".msg-error")
    assert not errors, [e.text for e in errors]


def _stage(browser):
    return browser.find_element(By.ID, "file-stage").get_attribute("data-stage")


def _sign_out(browser):
    browser.find_element(By.ID, "logout").click()


def test_refer_investigate_complete_and_bawaslu_sees_it(
    babel, units, live_server, live_login, officer_bangka, police_bangka, prosecutor_bangka
):
    case = make_case(babel["pemilu"], "19.01.01.1001")
    browser = live_login(officer_bangka)
    browser.get(f"{live_server.url}/gakkumdu/open/{case.pk}/")
    browser.find_element(By.ID, "id_alleged_articles").send_keys("UU 7/2017 Pasal 523")
    browser.find_element(By.ID, "open-file-submit").click()
    assert _stage(browser) == "opened"
    file_url = browser.current_url
    _discussion(browser, 1, "Memenuhi unsur, lanjut klarifikasi")
    _discussion(browser, 2, "Diteruskan ke penyidik")
    _step(browser, "decide_forward")
    _step(browser, "forward_to_police")
    assert _stage(browser) == "inquiry"
    _sign_out(browser)

    browser = live_login(police_bangka)
    browser.get(f"{live_server.url}/gakkumdu/")
    browser.find_element(By.CSS_SELECTOR, "#file-list a").click()
    assert browser.current_url == file_url
    _step(browser, "find_sufficient_evidence")
    _step(browser, "start_investigation")
    assert _stage(browser) == "investigation"
    _step(browser, "submit_file")
    assert _stage(browser) == "with_prosecutor"
    _sign_out(browser)

    browser = live_login(prosecutor_bangka)
    browser.get(file_url)
    _step(browser, "declare_complete")
    assert _stage(browser) == "file_complete"
    _sign_out(browser)

    browser = live_login(officer_bangka)
    browser.get(file_url)
    assert _stage(browser) == "file_complete"
    clocks = browser.find_element(By.ID, "clocks").text
    assert "prosecutor_to_court" in clocks and "police_investigation" in clocks
    timeline = browser.find_element(By.ID, "timeline").text
    assert "Polres Bangka" in timeline
