"""Pages, exports and API: list, board (one set of numbers), XLSX/PDF, steps through the API."""

import io

import pytest
import time_machine
from openpyxl import load_workbook

from awasi.gakkumdu.tests.conftest import open_file, step, wib

pytestmark = pytest.mark.django_db

NOW = wib(2024, 2, 17, 9)


def _files(babel, units, officer_bangka, officer_babel, police_bangka, prosecutor_bangka):
    a = open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01",
        at=wib(2024, 2, 5, 9),
    )
    for event, who, at, kw in [
        ("first_discussion", officer_bangka, wib(2024, 2, 5, 10), {}),
        ("second_discussion", officer_bangka, wib(2024, 2, 5, 11), {}),
        ("decide_forward", officer_bangka, wib(2024, 2, 5, 12), {}),
        ("forward_to_police", officer_bangka, wib(2024, 2, 5, 13), {}),
    ]:
        a = step(a, event, who, at, **kw)
    # second file in another regency; its police investigation clock is overdue on 20 Feb
    b = open_file(
        units["gakkumdu-19.04"],
        officer_babel,
        election=babel["pemilu"],
        region_code="19.04.02",
        at=wib(2024, 2, 1, 9),
    )
    for event, at in [
        ("first_discussion", wib(2024, 2, 1, 10)),
        ("second_discussion", wib(2024, 2, 1, 11)),
        ("decide_forward", wib(2024, 2, 1, 12)),
        ("forward_to_police", wib(2024, 2, 1, 13)),
    ]:
        b = step(b, event, officer_babel, at)
    return a, b


@pytest.fixture
def files(babel, units, officer_bangka, officer_babel, police_bangka, prosecutor_bangka):
    return _files(babel, units, officer_bangka, officer_babel, police_bangka, prosecutor_bangka)


def test_list_shows_only_visible_files_with_constant_queries(
    client_for, files, officer_bangka, officer_babel, django_assert_max_num_queries
):
    a, b = files
    web = client_for(officer_bangka)
    with django_assert_max_num_queries(12):
        page = web.get("/gakkumdu/").content.decode()
    assert a.number in page and b.number not in page
    province = client_for(officer_babel).get("/gakkumdu/").content.decode()
    assert a.number in province and b.number in province


def test_list_query_count_does_not_grow_with_files(
    client_for, files, babel, units, officer_bangka, django_assert_num_queries
):
    web = client_for(officer_bangka)
    web.get("/gakkumdu/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        web.get("/gakkumdu/")
    for hour in (10, 11, 12):
        open_file(
            units["gakkumdu-19.01"],
            officer_bangka,
            election=babel["pemilu"],
            region_code="19.01.01",
            at=wib(2024, 2, 6, hour),
        )
    with django_assert_num_queries(len(one.captured_queries)):
        web.get("/gakkumdu/")


def test_board_counts_overdue_per_polres_and_exports(client_for, files, officer_babel):
    web = client_for(officer_babel)
    with time_machine.travel(NOW, tick=False):
        page = web.get("/gakkumdu/board/").content.decode()
        xlsx = web.get("/gakkumdu/board/?format=xlsx")
        pdf = web.get("/gakkumdu/board/?format=pdf")
    assert 'id="board-files">2<' in page
    assert 'id="board-overdue">1<' in page  # Pangkalan Baru's 14 days ran out on 15 Feb
    book = load_workbook(io.BytesIO(xlsx.content))
    assert {"Ringkasan", "Per Polres"} <= set(book.sheetnames) or {"Summary", "Per Polres"} <= set(
        book.sheetnames
    )
    polres = {row[0].value: row[3].value for row in list(book.worksheets[2].rows)[1:]}
    assert polres == {"Polres Bangka": 0, "Polresta Pangkalpinang": 1}
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_board_api_is_the_same_set_of_numbers_for_every_agency(
    api_client_for, files, officer_bangka, police_bangka, prosecutor_bangka
):
    with time_machine.travel(NOW, tick=False):
        answers = [
            api_client_for(u).get("/api/v1/gakkumdu/board/").json()
            for u in (officer_bangka, police_bangka, prosecutor_bangka)
        ]
    assert answers[0] == answers[1] == answers[2]
    assert answers[0]["files"] == 1 and answers[0]["by_stage"] == {"inquiry": 1}


def test_api_step_with_stale_version_is_a_409(api_client_for, files, police_bangka):
    a, _ = files
    api = api_client_for(police_bangka)
    with time_machine.travel(wib(2024, 2, 6, 9), tick=False):
        ok = api.post(
            f"/api/v1/gakkumdu/files/{a.pk}/steps/",
            {
                "event": "find_sufficient_evidence",
                "occurred_at": "2024-02-06T09:00:00+07:00",
                "version": a.version,
            },
            format="json",
        )
        stale = api.post(
            f"/api/v1/gakkumdu/files/{a.pk}/steps/",
            {
                "event": "start_investigation",
                "occurred_at": "2024-02-06T09:00:00+07:00",
                "version": a.version,
            },
            format="json",
        )
        wrong = api.post(
            f"/api/v1/gakkumdu/files/{a.pk}/steps/",
            {
                "event": "declare_complete",
                "occurred_at": "2024-02-06T09:00:00+07:00",
                "version": a.version + 1,
            },
            format="json",
        )
    assert ok.status_code == 201 and ok.json()["stage"] == "inquiry_complete"
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "out_of_order"
    detail = api.get(f"/api/v1/gakkumdu/files/{a.pk}/").json()
    assert [e["kind"] for e in detail["events"]][-1] == "find_sufficient_evidence"
    assert {c["step"] for c in detail["clocks"]} >= {"forward_to_police", "police_investigation"}


def test_page_step_form_records_and_reports_errors(client_for, files, police_bangka):
    a, _ = files
    web = client_for(police_bangka)
    with time_machine.travel(wib(2024, 2, 6, 9, 5), tick=False):
        page = web.get(f"/gakkumdu/{a.pk}/").content.decode()
        assert 'value="find_sufficient_evidence"' in page
        assert 'value="decide_forward"' not in page  # Bawaslu's step is not offered
        response = web.post(
            f"/gakkumdu/{a.pk}/step/",
            {
                "event": "find_sufficient_evidence",
                "occurred_at": "2024-02-06T09:00",
                "version": a.version,
            },
            follow=True,
        )
        again = web.post(
            f"/gakkumdu/{a.pk}/step/",
            {
                "event": "start_investigation",
                "occurred_at": "2024-02-06T09:00",
                "version": a.version,
            },
            follow=True,
        )
    assert response.status_code == 200
    a.refresh_from_db()
    assert a.stage == "inquiry_complete"
    # the second post carried the version read before the first: a conflict, shown as an error
    assert 'class="msg-error"' in again.content.decode()
    assert a.events.count() == 5


def test_home_cards(files, officer_bangka, no_role_user):
    from awasi.gakkumdu.home import cards

    assert cards(no_role_user) == []
    assert cards(officer_bangka)[0]["value"] == 1


def test_sweep_notifies_the_agency_that_owns_the_late_step(files, police_bangka, officer_bangka):
    """Notifications of the case-handling sweep reach the Polres for its overdue investigation."""
    from awasi.cases.models import DeadlineNotice
    from awasi.cases.services.notices import sweep

    a, _ = files
    sweep(now=wib(2024, 2, 20, 9))
    notices = DeadlineNotice.objects.filter(
        deadline__case=a.case, deadline__step="police_investigation"
    )
    assert {n.user for n in notices} == {police_bangka}
    assert {n.state for n in notices} == {"overdue"}


def test_crime_cases_awaiting_referral_are_listed_for_bawaslu(
    client_for, babel, units, officer_bangka, police_bangka
):
    from awasi.cases.models import Case
    from awasi.gakkumdu.tests.conftest import make_case

    case = make_case(babel["pemilu"], "19.01.01")
    Case.objects.filter(pk=case.pk).update(is_forwarded_to_gakkumdu=True)
    page = client_for(officer_bangka).get("/gakkumdu/").content.decode()
    assert f"/gakkumdu/open/{case.pk}/" in page
    assert (
        f"/gakkumdu/open/{case.pk}/"
        not in client_for(police_bangka).get("/gakkumdu/").content.decode()
    )


def test_api_sp3_request_and_bawaslu_approval(
    api_client_for, files, police_bangka, officer_bangka, officer_belitung
):
    a, _ = files
    with time_machine.travel(wib(2024, 2, 6, 9), tick=False):
        made = api_client_for(police_bangka).post(
            f"/api/v1/gakkumdu/files/{a.pk}/requests/",
            {
                "event": "terminate_investigation",
                "occurred_at": "2024-02-06T09:00:00+07:00",
                "reason": "Tidak cukup bukti",
            },
            format="json",
        )
        assert made.status_code == 201 and made.json()["status"] == "pending"
        url = f"/api/v1/gakkumdu/files/{a.pk}/requests/{made.json()['id']}/decision/"
        body = {"approve": True, "version": a.version}
        assert api_client_for(police_bangka).post(url, body, format="json").status_code == 403
        assert api_client_for(officer_belitung).post(url, body, format="json").status_code == 404
        done = api_client_for(officer_bangka).post(url, body, format="json")
    assert done.status_code == 200 and done.json()["status"] == "approved"
    a.refresh_from_db()
    assert a.stage == "terminated"


def test_board_flags_pasal_484_date_while_no_verdict(babel, units, officer_bangka):
    from awasi.gakkumdu.models import JointFile
    from awasi.gakkumdu.selectors import board_for
    from awasi.gakkumdu.tests.conftest import open_file

    open_file(
        units["gakkumdu-19.01"],
        officer_bangka,
        election=babel["pemilu"],
        region_code="19.01.01",
        at=wib(2024, 3, 1, 9),
        affects_results=True,
    )
    board = board_for(JointFile.objects.all(), now=wib(2024, 3, 16, 0, 0, 1))
    assert [(item[1], item[2].value) for item in board.attention] == [("pasal_484", "overdue")]
    assert board.attention[0][3] == wib(2024, 3, 15, 23, 59, 59)


def test_board_query_count_does_not_grow_with_files(
    client_for, files, babel, units, officer_babel, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    web = client_for(officer_babel)
    web.get("/gakkumdu/board/")
    with CaptureQueriesContext(connection) as before:
        web.get("/gakkumdu/board/")
    for day in (6, 7, 8):
        f = open_file(
            units["gakkumdu-19.01"],
            officer_babel,
            election=babel["pemilu"],
            region_code="19.01.01",
            at=wib(2024, 2, day, 9),
        )
        step(f, "first_discussion", officer_babel, wib(2024, 2, day, 10))
    with django_assert_num_queries(len(before.captured_queries)):
        web.get("/gakkumdu/board/")


def test_unit_page_lists_members_of_each_agency(
    client_for, units, police_bangka, officer_bangka, django_assert_max_num_queries
):
    from awasi.gakkumdu.models import GakkumduMember

    GakkumduMember.objects.create(
        unit=units["gakkumdu-19.01"], user=police_bangka, position="Penyidik Gakkumdu"
    )
    web = client_for(officer_bangka)
    with django_assert_max_num_queries(12):
        page = web.get("/gakkumdu/units/").content.decode()
    assert "Sentra Gakkumdu Kabupaten Bangka" in page and "Penyidik Gakkumdu" in page
    assert "Sentra Gakkumdu Kabupaten Belitung" not in page
