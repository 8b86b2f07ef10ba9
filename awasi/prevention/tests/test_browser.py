"""In a real browser: record a meeting with an action item; the owner agency marks it done."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from awasi.core.testing import page_replaced
from awasi.prevention.models import ActionItem, Meeting
from awasi.prevention.tests.conftest import org


def set_value(browser, element_id, value):
    # date/datetime inputs take typed text in the browser's locale; set the ISO value directly
    element = browser.find_element(By.ID, element_id)
    browser.execute_script("arguments[0].value = arguments[1];", element, value)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_meeting_action_item_done_by_owner(
    live_server, live_login, officer_babel, polda_investigator
):
    polda = org("polda-babel")
    browser = live_login(officer_babel)
    browser.get(f"{live_server.url}/prevention/meetings/new/")
    browser.find_element(By.ID, "id_title").send_keys("Rakor pencegahan masa tenang")
    Select(browser.find_element(By.ID, "id_region")).select_by_value("19")
    set_value(browser, "id_held_at", "2024-01-10T09:00")
    browser.find_element(By.ID, "id_place").send_keys("Mapolda Babel, Pangkalpinang")
    browser.find_element(By.ID, "id_agenda").send_keys("Patroli bersama masa tenang")
    Select(browser.find_element(By.ID, "id_invited")).select_by_value(str(polda.pk))
    old_form = browser.find_element(By.ID, "submit")
    old_form.click()
    WebDriverWait(browser, 15).until(page_replaced(old_form))
    browser.find_element(By.ID, "add-item")
    meeting = Meeting.objects.get()
    assert browser.current_url.endswith(f"/prevention/meetings/{meeting.pk}/")
    browser.find_element(By.ID, "id_description").send_keys("Menyiapkan 120 personel patroli")
    Select(browser.find_element(By.ID, "id_owner")).select_by_value(str(polda.pk))
    set_value(browser, "id_due_on", "2024-02-08")
    old_table = browser.find_element(By.ID, "action-items")
    browser.find_element(By.CSS_SELECTOR, "#add-item button[type=submit]").click()
    WebDriverWait(browser, 15).until(page_replaced(old_table))  # the page was reloaded
    row = browser.find_element(By.CSS_SELECTOR, "#action-items tbody tr")
    assert "Menyiapkan 120 personel patroli" in row.text
    assert not row.find_elements(By.CSS_SELECTOR, "form.item-form")  # Bawaslu cannot edit it

    browser.find_element(By.ID, "logout").click()
    browser.delete_all_cookies()
    browser = live_login(polda_investigator)
    browser.get(f"{live_server.url}/prevention/commitments/mine/")
    item = ActionItem.objects.get()
    form = browser.find_element(By.CSS_SELECTOR, f"form[data-item='{item.pk}']")
    Select(form.find_element(By.NAME, "status")).select_by_value("done")
    form.find_element(By.NAME, "evidence").send_keys("Sprin patroli No. 45/II/2024")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 15).until(page_replaced(form))
    browser.find_element(By.CSS_SELECTOR, ".messages")
    item.refresh_from_db()
    assert item.status == "done" and item.completed_by == polda_investigator
    browser.get(f"{live_server.url}/prevention/meetings/{meeting.pk}/")
    badge = browser.find_element(By.CSS_SELECTOR, "#action-items [data-status]")
    assert badge.get_attribute("data-status") == "done"
    assert "Sprin patroli No. 45/II/2024" in browser.page_source
