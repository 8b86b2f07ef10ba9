"""A citizen files a report in a real browser and follows it with the tracking code."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from awasi.cases.models import Case


def fill(browser, field, value):
    element = browser.find_element(By.ID, f"id_{field}")
    if element.get_attribute("type") == "date":
        browser.execute_script("arguments[0].value = arguments[1]", element, value)
    else:
        element.send_keys(value)


@pytest.mark.browser
def test_file_a_report_and_follow_it(babel, browser, live_server):
    browser.get(f"{live_server.url}/cases/lapor/")
    Select(browser.find_element(By.ID, "id_election")).select_by_visible_text("Pemilu 2024")
    Select(browser.find_element(By.ID, "id_reporter_kind")).select_by_value("voter")
    Select(browser.find_element(By.ID, "id_region")).select_by_value("19.01.01")
    for field, value in {
        "reporter_name": "Budi Santoso", "reporter_address": "Jl. Melati 2, Sungailiat",
        "reporter_nik": "1901011708800001", "reporter_phone": "081234567890",
        "reported_party": "Tim kampanye caleg X", "place": "TPS 005 Sungailiat",
        "occurred_on": "2024-02-10", "known_on": "2024-02-10", "title": "Pembagian amplop",
        "description": "Amplop berisi uang dibagikan kepada pemilih di dekat TPS.",
    }.items():  # fmt: skip
        fill(browser, field, value)
    browser.find_element(By.ID, "submit-report").click()
    code = browser.find_element(By.ID, "tracking-code").text
    secret = browser.find_element(By.ID, "tracking-secret").text
    assert Case.objects.get().tracking_code == code

    browser.find_element(By.ID, "go-status").click()
    browser.find_element(By.ID, "id_tracking_code").send_keys(code.lower().replace("-", " "))
    browser.find_element(By.ID, "id_secret").send_keys(secret)
    browser.find_element(By.ID, "status-submit").click()
    status = browser.find_element(By.ID, "case-status").text
    assert status in ("Diterima", "Received")
    history = browser.find_element(By.ID, "status-history").text
    assert "1901011708800001" not in browser.page_source
    assert history
