"""The intake front (``IntakeFront``) called as a WSGI application, as the server calls it."""

from __future__ import annotations

import json
from datetime import datetime
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import OperationalError
from rest_framework.authtoken.models import Token

from awasi.cases import intake_wsgi
from awasi.cases.intake_wsgi import INTAKE_PATH, TOKENS, IntakeFront
from awasi.cases.models import IntakeSubmission
from awasi.cases.services.staging import REFERENCES
from awasi.cases.tests.test_api import report_body

DOWNSTREAM = (b"from django",)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Token look-ups, throttle counters and references must not outlive a test's data."""
    for clear in (REFERENCES.clear, TOKENS.clear, cache.clear):
        clear()
    yield
    for clear in (REFERENCES.clear, TOKENS.clear, cache.clear):
        clear()


class Downstream:
    """Stands in for Django's WSGI handler and records what was handed to it."""

    def __init__(self) -> None:
        self.paths: list[tuple[str, str]] = []

    def __call__(self, environ: dict, start_response: Any) -> tuple[bytes, ...]:
        self.paths.append((environ["REQUEST_METHOD"], environ["PATH_INFO"]))
        start_response("200 OK", [("Content-Type", "text/plain")])
        return DOWNSTREAM


@pytest.fixture
def front() -> IntakeFront:
    return IntakeFront(Downstream())


def call(app, body: Any = None, *, key: str | None = "k-1", token: str | None = None,
         raw: bytes | None = None, **environ: str) -> tuple[int, dict, Any]:  # fmt: skip
    data = raw if raw is not None else json.dumps(body).encode()
    env = {"REQUEST_METHOD": "POST", "PATH_INFO": INTAKE_PATH, "REMOTE_ADDR": "10.1.2.3",
           "HTTP_HOST": "testserver",
           "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(data)),
           "wsgi.input": BytesIO(data), **environ}  # fmt: skip
    if key is not None:
        env["HTTP_IDEMPOTENCY_KEY"] = key
    if token is not None:
        env["HTTP_AUTHORIZATION"] = f"Token {token}"
    seen: dict = {}

    def start_response(status: str, headers: list) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    content = b"".join(app(env, start_response))
    if content == b"".join(DOWNSTREAM):
        return seen["status"], seen["headers"], content
    return seen["status"], seen["headers"], json.loads(content)


def test_accepted_and_a_retried_key_answered_without_a_second_row(babel, front):
    status, headers, first = call(front, report_body(babel))
    assert status == 202 and headers["Content-Type"] == "application/json"
    assert headers["X-Content-Type-Options"] == "nosniff"  # as SecurityMiddleware would add
    assert first["status"] == "received" and first["repeated"] is False
    status, _, again = call(front, report_body(babel))
    assert status == 202 and again["repeated"] is True
    assert (again["tracking_code"], again["secret"]) == (first["tracking_code"], first["secret"])
    row = IntakeSubmission.objects.get()
    assert row.tracking_code == first["tracking_code"] and row.submitted_by is None
    assert row.payload["title"] == "Politik uang"
    assert front.django_app.paths == []


def test_staff_token_stages_a_desk_entry(babel, front, officer_bangka):
    token = Token.objects.create(user=officer_bangka).key
    status, _, _ = call(front, report_body(babel), token=token)
    assert status == 202
    assert IntakeSubmission.objects.get().submitted_by == officer_bangka


def test_bad_token_and_inactive_user_are_refused_in_indonesian(babel, front, officer_bangka):
    status, headers, bad = call(front, report_body(babel), token="not-a-token")
    assert status == 401 and headers["WWW-Authenticate"] == "Token"
    assert bad["error"] == {"code": "authentication_failed", "message": "Token tidak valid.",
                            "details": None}  # fmt: skip
    token = Token.objects.create(user=officer_bangka).key
    officer_bangka.is_active = False
    officer_bangka.save(update_fields=["is_active"])
    status, _, inactive = call(front, report_body(babel), token=token)
    assert status == 401
    assert inactive["error"]["message"].startswith("Pengguna tidak")  # DRF's own catalogue
    status, _, _ = call(front, report_body(babel), HTTP_AUTHORIZATION="Token a b")
    assert status == 401
    assert IntakeSubmission.objects.count() == 0


def test_a_revoked_token_works_until_its_cached_look_up_expires(
    babel, front, officer_bangka, monkeypatch
):
    key = Token.objects.create(user=officer_bangka).key
    assert call(front, report_body(babel), key="r-1", token=key)[0] == 202
    Token.objects.filter(key=key).delete()
    assert call(front, report_body(babel), key="r-2", token=key)[0] == 202  # within the TTL
    assert IntakeSubmission.objects.get(key="r-2").submitted_by == officer_bangka
    monkeypatch.setattr(intake_wsgi, "TOKEN_TTL", 0.0)
    TOKENS.clear()
    assert call(front, report_body(babel), key="r-3", token=key)[0] == 401


def test_bad_json_and_missing_fields_answer_400_in_indonesian(babel, front):
    status, _, broken = call(front, raw=b"{not json")
    assert status == 400 and broken["error"]["code"] == "parse_error"
    assert broken["error"]["message"].startswith("Kesalahan penguraian JSON")
    body = report_body(babel)
    del body["title"]
    status, _, missing = call(front, body)
    assert status == 400 and missing["error"]["code"] == "invalid"
    assert missing["error"]["details"]["title"] == ["Bidang ini harus diisi."]
    status, _, no_key = call(front, report_body(babel), key=None)
    assert status == 400 and no_key["error"]["code"] == "idempotency_key_required"
    assert no_key["error"]["message"].startswith("Kirim header Idempotency-Key")
    for bad_key in ("k" * 101, "k\x00", " "):
        assert call(front, report_body(babel), key=bad_key)[0] == 400
    assert IntakeSubmission.objects.count() == 0


def test_the_language_cookie_gives_english_messages(babel, front):
    status, headers, answer = call(front, raw=b"[", HTTP_COOKIE="django_language=en")
    assert status == 400 and answer["error"]["message"].startswith("JSON parse error")
    assert headers["Content-Language"] == "en"


def test_other_media_types_and_oversized_bodies_are_refused(babel, front, settings):
    status, _, form = call(front, raw=b"title=x", CONTENT_TYPE="application/x-www-form-urlencoded")
    assert status == 415 and form["error"]["code"] == "unsupported_media_type"
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    status, _, large = call(front, report_body(babel))
    assert status == 413 and large["error"]["message"] == "Isi permintaan terlalu besar."
    assert IntakeSubmission.objects.count() == 0


def test_public_submissions_are_throttled_per_address(babel, front, monkeypatch):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": None})
    with time_machine.travel(datetime(2024, 2, 12, 10, 0, 15, tzinfo=ZoneInfo("UTC")), tick=False):
        answers = [call(front, report_body(babel, title=f"T{n}"), key=f"th-{n}") for n in range(3)]
        other = call(front, report_body(babel, title="X"), key="th-x", REMOTE_ADDR="10.9.9.9")
    assert [a[0] for a in answers] == [202, 202, 429]
    status, headers, limited = answers[2]
    assert limited["error"]["code"] == "throttled" and headers["Retry-After"] == "45"
    assert limited["error"]["message"] == "Permintaan dibatasi. Coba lagi dalam 45 detik."
    assert other[0] == 202
    assert IntakeSubmission.objects.count() == 3


def test_other_paths_and_methods_pass_through_to_django(babel, front):
    assert call(front, raw=b"", PATH_INFO="/api/v1/cases/reports/")[2] == b"from django"
    assert call(front, raw=b"", REQUEST_METHOD="GET")[2] == b"from django"
    assert front.django_app.paths == [("POST", "/api/v1/cases/reports/"), ("GET", INTAKE_PATH)]


def test_a_foreign_host_is_left_to_django_and_stages_nothing(babel, front, settings):
    settings.ALLOWED_HOSTS = ["awasi.example"]
    assert call(front, report_body(babel), HTTP_HOST="evil.example")[2] == b"from django"
    assert IntakeSubmission.objects.count() == 0
    status, _, answer = call(front, report_body(babel), HTTP_HOST="awasi.example:443")
    assert status == 202 and IntakeSubmission.objects.count() == 1


def test_a_database_failure_answers_503_and_stages_nothing(babel, front, monkeypatch):
    def failing(batch):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(intake_wsgi, "stage_many", failing)
    status, headers, answer = call(front, report_body(babel))
    assert status == 503 and headers["Retry-After"] == "1"
    assert answer["error"]["code"] == "unavailable"
    assert answer["error"]["message"] == "Layanan sedang sibuk; silakan coba lagi."
    assert IntakeSubmission.objects.count() == 0


def test_the_django_view_gives_the_same_answer(babel, front):
    from django.urls import reverse
    from rest_framework.test import APIClient

    direct = call(front, report_body(babel), key="same")[2]
    via_django = APIClient().post(
        reverse("case-staged-intake"), report_body(babel), format="json",
        HTTP_IDEMPOTENCY_KEY="same",
    )  # fmt: skip
    assert via_django.status_code == 202
    assert via_django.json() == {**direct, "repeated": True}


def test_the_endpoint_is_in_the_openapi_schema():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"][INTAKE_PATH]["post"]
    assert set(operation["responses"]) == {"202"}
    assert list(operation["requestBody"]["content"]) == ["application/json"]
    assert [p["name"] for p in operation["parameters"]] == ["Idempotency-Key"]


def test_a_lone_surrogate_is_refused_as_on_the_full_endpoint(babel, front):
    """PostgreSQL cannot store it; in a group-committed INSERT it would fail the others too."""
    from django.urls import reverse
    from rest_framework.test import APIClient

    raw = json.dumps(report_body(babel, place="TPS \ud800"))  # ASCII: the escape stays "\ud800"
    status, _, staged = call(front, raw=raw.encode())
    full = APIClient().post(reverse("case-report-intake"), raw, content_type="application/json",
                            HTTP_IDEMPOTENCY_KEY="k-1")  # fmt: skip
    assert status == full.status_code == 400 and staged == full.json()
    assert "U+D800" in staged["error"]["details"]["place"][0]
    assert IntakeSubmission.objects.count() == 0


def test_config_wsgi_puts_the_front_before_django():
    from django.core.handlers.wsgi import WSGIHandler

    from config.wsgi import application

    assert isinstance(application, IntakeFront)
    assert isinstance(application.django_app, WSGIHandler)
