"""The high-volume intake path: staged with one INSERT, made into a case by the processor."""

from __future__ import annotations

from datetime import datetime
from io import StringIO
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from awasi.cases.models import Case, CaseDeadline, IntakeSubmission, Reporter, Witness
from awasi.cases.services import intake as intake_service
from awasi.cases.services.intake import check_status_secret
from awasi.cases.services.staging import REFERENCES, process_intake
from awasi.cases.tests.test_api import report_body
from awasi.core.audit import verify_chain
from awasi.regions.models import Region

WIB = ZoneInfo("Asia/Jakarta")
STAGED_AT = datetime(2024, 2, 12, 10, tzinfo=WIB)  # Monday
PROCESSED_AT = datetime(2024, 2, 16, 9, tzinfo=WIB)  # Friday


@pytest.fixture(autouse=True)
def fresh_references():
    """The per-process election/region cache must not outlive a test's rolled-back data."""
    REFERENCES.clear()
    yield
    REFERENCES.clear()


def stage(client, body, key):
    return client.post(reverse("case-staged-intake"), body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_retry_with_the_same_key_answers_the_same_and_stages_one_row(babel):
    client = APIClient()
    first = stage(client, report_body(babel), "k-1")
    assert first.status_code == 202, first.content
    again = stage(client, report_body(babel), "k-1")
    assert again.status_code == 202
    assert again.json()["tracking_code"] == first.json()["tracking_code"]
    assert again.json()["secret"] == first.json()["secret"]
    assert (first.json()["repeated"], again.json()["repeated"]) == (False, True)
    assert IntakeSubmission.objects.count() == 1 and Case.objects.count() == 0
    row = IntakeSubmission.objects.get()
    assert check_status_secret(row, first.json()["secret"])  # type: ignore[arg-type]
    assert row.submitted_by is None


def test_same_key_with_other_data_is_a_conflict(babel):
    client = APIClient()
    stage(client, report_body(babel), "k-2")
    other = stage(client, report_body(babel, title="Lain"), "k-2")
    assert other.status_code == 409
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert "secret" not in other.content.decode()
    assert IntakeSubmission.objects.count() == 1


BAD_BODIES = [
    {"title": ""},
    {"title": "x" * 201},
    {"occurred_on": "10-02-2024"},
    {"known_on": "2024-02-30"},
    {"region": "99.99"},
    {"region": ""},
    {"election": "no-such"},
    {"witnesses": [{"phone": "1"}]},
    {"witnesses": "Siti"},
    {"reporter": "Budi"},
    {"reporter": {"kind": "alien", "name": "", "address": "x", "email": "no"}},
    {"occurred_on": "2099-01-01", "known_on": "2099-01-02"},
    {"known_on": "2024-01-01"},
    {"title": "Politik\x00uang"},
    {"reporter": {"kind": "voter", "name": "B\x00", "address": "x", "phone": "1"}},
]


@pytest.mark.parametrize("changes", BAD_BODIES)
def test_bad_payloads_get_the_same_errors_as_the_full_endpoint(babel, changes):
    client = APIClient()
    staged = stage(client, report_body(babel, **changes), "bad")
    full = client.post(
        reverse("case-report-intake"), report_body(babel, **changes), format="json",
        HTTP_IDEMPOTENCY_KEY="bad",
    )  # fmt: skip
    assert staged.status_code == full.status_code == 400
    assert staged.json() == full.json()
    assert set(staged.json()["error"]) == {"code", "message", "details"}
    assert IntakeSubmission.objects.count() == 0 and Case.objects.count() == 0


@pytest.mark.parametrize(
    "reporter_changes",
    [{"nik": "1"}, {"phone": "", "email": ""}],
)
def test_bad_reporter_gets_the_services_errors(babel, reporter_changes):
    client = APIClient()
    reporter = {**report_body(babel)["reporter"], **reporter_changes}
    staged = stage(client, report_body(babel, reporter=reporter), "bad-r")
    full = client.post(
        reverse("case-report-intake"), report_body(babel, reporter=reporter), format="json",
        HTTP_IDEMPOTENCY_KEY="bad-r",
    )  # fmt: skip
    assert staged.status_code == 400 and staged.json() == full.json()
    assert IntakeSubmission.objects.count() == 0


def test_missing_key_and_broken_json_use_the_error_shape(babel):
    client = APIClient()
    no_key = client.post(reverse("case-staged-intake"), report_body(babel), format="json")
    assert no_key.json()["error"]["code"] == "idempotency_key_required"
    broken = client.post(
        reverse("case-staged-intake"), "{not json", content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="x",
    )  # fmt: skip
    assert broken.status_code == 400 and set(broken.json()["error"]) == {
        "code", "message", "details"}  # fmt: skip


def test_processing_makes_one_case_per_key_with_clocks_from_the_staged_time(babel):
    client = APIClient()
    with time_machine.travel(STAGED_AT, tick=False):
        answers = [stage(client, report_body(babel, title=f"Laporan {n}"), f"p-{n}").json()
                   for n in range(3)]  # fmt: skip
        stage(client, report_body(babel, title="Laporan 0"), "p-0")  # a retry
    with time_machine.travel(PROCESSED_AT, tick=False):
        result = process_intake(batch_size=2)
        assert (result.processed, result.failed, result.batches) == (3, 0, 2)
        assert process_intake().processed == 0  # idempotent: nothing left
    assert Case.objects.count() == 3
    for n, answer in enumerate(answers):
        row = IntakeSubmission.objects.get(key=f"p-{n}")
        case = Case.objects.get(intake_key=f"p-{n}")
        assert row.case == case and row.processed_at == PROCESSED_AT and row.error is None
        assert case.tracking_code == answer["tracking_code"] and case.title == f"Laporan {n}"
        assert check_status_secret(case, answer["secret"])
        assert case.received_at == STAGED_AT and case.channel == "api"
        review = CaseDeadline.objects.get(case=case, step="initial_review")
        assert review.started_at == STAGED_AT
        # Received Mon 12 Feb; 14 Feb is voting day: Tue 13 (1), Thu 15 (2).
        assert review.due_at == datetime(2024, 2, 15, 23, 59, 59, tzinfo=WIB)
        assert Reporter.objects.get(case=case).nik == "1901011708800001"
        assert Witness.objects.filter(case=case).count() == 1
    assert verify_chain()[1] == []


def test_staff_entry_is_processed_as_a_desk_report(babel, officer_bangka, api_client_for):
    answer = stage(api_client_for(officer_bangka), report_body(babel), "desk-1")
    assert answer.status_code == 202
    process_intake()
    case = Case.objects.get(intake_key="desk-1")
    assert case.channel == "desk"
    assert IntakeSubmission.objects.get().submitted_by == officer_bangka


def test_processing_links_a_case_already_made_with_the_same_key(babel):
    """A client that used both endpoints with one key still gets one case."""
    client = APIClient()
    full = client.post(
        reverse("case-report-intake"), report_body(babel), format="json",
        HTTP_IDEMPOTENCY_KEY="both",
    )  # fmt: skip
    staged = stage(client, report_body(babel), "both").json()
    process_intake()
    assert Case.objects.count() == 1
    assert IntakeSubmission.objects.get().case == Case.objects.get(intake_key="both")
    status = client.post(
        reverse("case-reporter-status"),
        {"tracking_code": staged["tracking_code"], "secret": staged["secret"]}, format="json",
    )  # fmt: skip
    assert status.json()["tracking_code"] == full.json()["tracking_code"]


def test_concurrent_processor_race_takes_the_integrity_error_path(babel):
    """Another processor committed the case between our check and our insert: the unique
    intake key refuses the second case and the row is linked to the winner's."""
    client = APIClient()
    stage(client, report_body(babel), "race")
    row = IntakeSubmission.objects.get()
    winner = intake_service.submit_report(
        data=intake_service.CaseData(
            election=babel["pemilu"], region=Region.objects.get(pk="19.01.01"),
            title="x", description="x", reported_party="x", place="x",
            occurred_on=datetime(2024, 2, 10).date(), known_on=datetime(2024, 2, 10).date(),
        ),
        reporter=intake_service.ReporterData(kind="voter", name="B", address="A", phone="1"),
        intake_key="race",
    ).case  # fmt: skip
    real_existing = intake_service._existing
    calls = {"n": 0}

    def late_existing(key):
        calls["n"] += 1
        return None if calls["n"] == 1 else real_existing(key)

    with mock.patch.object(intake_service, "_existing", late_existing):
        assert process_intake().processed == 1
    row.refresh_from_db()
    assert calls["n"] == 2 and row.case == winner and row.error is None
    assert Case.objects.count() == 1


def test_a_row_the_service_refuses_records_its_error_and_the_batch_goes_on(babel):
    client = APIClient()
    stage(client, report_body(babel, title="A"), "ok-1")
    stage(client, report_body(babel, title="B"), "bad-2")
    IntakeSubmission.objects.filter(key="bad-2").update(
        payload={**IntakeSubmission.objects.get(key="bad-2").payload, "place": " "}
    )
    result = process_intake()
    assert (result.processed, result.failed) == (2, 1)
    assert Case.objects.count() == 1
    bad = IntakeSubmission.objects.get(key="bad-2")
    assert bad.case is None and set(bad.error["details"]) == {"place"}


def test_status_api_before_and_after_processing(babel):
    client = APIClient()
    answer = stage(client, report_body(babel), "st-1").json()
    lookup = {"tracking_code": answer["tracking_code"], "secret": answer["secret"]}
    before = client.post(reverse("case-reporter-status"), lookup, format="json")
    assert before.status_code == 200 and before.json()["status"] == "received"
    assert len(before.json()["history"]) == 1 and "Budi" not in before.content.decode()
    wrong = client.post(
        reverse("case-reporter-status"), {**lookup, "secret": "nope"}, format="json"
    )
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "not_found"
    process_intake()
    after = client.post(reverse("case-reporter-status"), lookup, format="json")
    assert after.json()["status"] == "received" and after.json()["number"] in ("", None)
    assert after.json()["tracking_code"] == answer["tracking_code"]


def test_status_page_before_and_after_processing(babel, client):
    answer = stage(APIClient(), report_body(babel, title="Politik uang staged"), "pg-1").json()
    form = {"tracking_code": answer["tracking_code"].lower(), "secret": answer["secret"]}
    before = client.post(reverse("cases:public_status"), form)
    body = before.content.decode()
    assert before.status_code == 200 and answer["tracking_code"] in body
    assert "Politik uang staged" in body and 'id="case-status"' in body
    assert "Budi" not in body and "1901011708800001" not in body
    process_intake()
    after = client.post(reverse("cases:public_status"), form).content.decode()
    assert answer["tracking_code"] in after and "Politik uang staged" in after
    wrong = client.post(reverse("cases:public_status"), {**form, "secret": "x"}).content.decode()
    assert "Politik uang staged" not in wrong


def test_process_intake_command_and_sweep(babel):
    stage(APIClient(), report_body(babel), "cmd-1")
    out = StringIO()
    call_command("cases", "process-intake", stdout=out, stderr=StringIO())
    assert "processed 1 staged submissions (0 refused)" in out.getvalue()
    stage(APIClient(), report_body(babel, title="2"), "cmd-2")
    call_command("deadlines", "sweep", stdout=out, stderr=StringIO())
    assert Case.objects.count() == 2 and "processed 1 staged" in out.getvalue()


def test_a_submission_costs_one_insert_once_references_are_cached(babel):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = APIClient()
    stage(client, report_body(babel), "warm")  # loads the election/region cache
    with CaptureQueriesContext(connection) as ctx:
        assert stage(client, report_body(babel, title="2"), "q-2").status_code == 202
    statements = [q["sql"] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1 and statements[0].startswith("INSERT")


def test_bad_token_wrong_method_and_media_type_use_the_error_shape(babel):
    client = APIClient()
    url = reverse("case-staged-intake")
    client.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    bad_token = client.post(url, report_body(babel), format="json", HTTP_IDEMPOTENCY_KEY="t")
    assert bad_token.status_code == 401
    assert bad_token.json()["error"]["code"] == "authentication_failed"
    assert APIClient().get(url).status_code == 405
    form = APIClient().post(url, {"title": "x"}, HTTP_IDEMPOTENCY_KEY="t")
    assert form.status_code == 415 and form.json()["error"]["code"] == "unsupported_media_type"
    assert IntakeSubmission.objects.count() == 0


def test_public_submissions_are_throttled_like_the_rest_of_the_api(babel, monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    cache.clear()
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": None})
    client = APIClient()
    answers = [stage(client, report_body(babel, title=f"T{n}"), f"th-{n}") for n in range(3)]
    assert [a.status_code for a in answers] == [202, 202, 429]
    assert answers[2].json()["error"]["code"] == "throttled" and "Retry-After" in answers[2]
    assert IntakeSubmission.objects.count() == 2
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_concurrent_processors_make_each_case_once(request):
    """Two processors at once (SKIP LOCKED hands them different rows): every staged key ends
    with exactly one case. PostgreSQL only: the SQLite test database is in memory with a shared
    cache, which refuses concurrent writers outright ("table is locked")."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (the SQLite test database is in memory)")
    babel = request.getfixturevalue("babel")
    client = APIClient()
    for n in range(12):
        assert stage(client, report_body(babel, title=f"C{n}"), f"cc-{n}").status_code == 202
    results, errors = [], []

    def worker():
        try:
            results.append(process_intake(batch_size=3))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(r.processed for r in results) == 12
    assert Case.objects.count() == 12
    assert not IntakeSubmission.objects.filter(case=None).exists()
