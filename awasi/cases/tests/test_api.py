"""API: idempotent intake, reporter status, scoped list/detail without personal data."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from awasi.cases.models import Case, Tip


def report_body(babel, **changes):
    body = {
        "election": "pemilu-2024", "region": "19.01.01", "title": "Politik uang",
        "description": "Amplop", "reported_party": "Caleg X", "place": "TPS 5",
        "occurred_on": "2024-02-10", "known_on": "2024-02-10",
        "reporter": {"kind": "voter", "name": "Budi", "address": "Jl. Melati 2",
                     "nik": "1901011708800001", "phone": "0812345678"},
        "witnesses": [{"name": "Siti"}],
    }  # fmt: skip
    body.update(changes)
    return body


def test_report_intake_is_idempotent(babel):
    client = APIClient()
    url = reverse("case-report-intake")
    first = client.post(url, report_body(babel), format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    assert first.status_code == 201, first.content
    again = client.post(url, report_body(babel), format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    assert again.status_code == 200
    assert again.json() == first.json()
    assert "id" not in first.json() and Case.objects.count() == 1
    status = client.post(
        reverse("case-reporter-status"),
        {"tracking_code": first.json()["tracking_code"], "secret": first.json()["secret"]},
        format="json",
    )
    assert status.json()["status"] == "received"
    assert "Budi" not in status.content.decode()


def test_missing_key_and_bad_body_use_the_error_shape(babel):
    client = APIClient()
    url = reverse("case-report-intake")
    no_key = client.post(url, report_body(babel), format="json")
    assert no_key.status_code == 400
    assert no_key.json()["error"]["code"] == "idempotency_key_required"
    bad = client.post(
        url, report_body(babel, region="99.99"), format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid"
    bad_nik = client.post(
        url, report_body(babel, reporter={**report_body(babel)["reporter"], "nik": "1"}),
        format="json", HTTP_IDEMPOTENCY_KEY="k2",
    )  # fmt: skip
    assert "reporter_nik" in bad_nik.json()["error"]["details"]
    assert Case.objects.count() == 0


def test_staff_desk_entry_and_finding(babel, officer_bangka, api_client_for):
    client = api_client_for(officer_bangka)
    report = client.post(
        reverse("case-report-intake"), report_body(babel), format="json",
        HTTP_IDEMPOTENCY_KEY="desk-1",
    )  # fmt: skip
    assert Case.objects.get(pk=report.json()["id"]).channel == "desk"
    body = {k: v for k, v in report_body(babel).items() if k not in ("reporter", "known_on")}
    finding = client.post(
        reverse("case-finding-intake"), {**body, "discovered_on": "2024-02-11"}, format="json",
        HTTP_IDEMPOTENCY_KEY="finding-1",
    )  # fmt: skip
    assert finding.status_code == 201 and finding.json()["origin"] == "finding"


def test_public_cannot_declare_findings(babel, police_bangka, api_client_for):
    response = api_client_for(police_bangka).post(
        reverse("case-finding-intake"), {}, format="json", HTTP_IDEMPOTENCY_KEY="x"
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == "forbidden"


def test_tip_intake(babel):
    client = APIClient()
    body = {"election": "pemilu-2024", "region": "19.02", "description": "Serangan fajar"}
    for _ in range(2):
        client.post(reverse("case-tip-intake"), body, format="json", HTTP_IDEMPOTENCY_KEY="t-1")
    assert Tip.objects.count() == 1


@pytest.mark.parametrize(
    ("persona", "count"),
    [("officer_bangka", 1), ("officer_belitung", 0), ("police_bangka", 0), ("officer_babel", 1)],
)
def test_case_list_is_scoped(request, make_report, api_client_for, persona, count):
    make_report()
    response = api_client_for(request.getfixturevalue(persona)).get("/api/v1/cases/")
    assert response.status_code == 200
    assert response.json()["count"] == count
    assert "1901011708800001" not in response.content.decode()


def test_anonymous_cannot_list(make_report):
    assert APIClient().get("/api/v1/cases/").status_code in (401, 403)


def test_detail_has_deadlines_and_query_count_is_constant(
    registered_case, make_report, officer_bangka, api_client_for, django_assert_max_num_queries
):
    client = api_client_for(officer_bangka)
    detail = client.get(f"/api/v1/cases/{registered_case.pk}/").json()
    assert {d["step"] for d in detail["deadlines"]} >= {"follow_up", "report_filing"}
    with django_assert_max_num_queries(8):
        client.get("/api/v1/cases/?page_size=5")
    for _ in range(8):
        make_report()
    with django_assert_max_num_queries(8):
        client.get("/api/v1/cases/?page_size=50")
