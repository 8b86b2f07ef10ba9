"""``POST /api/v1/cases/intake/`` served in front of Django's request cycle.

``IntakeFront(django_app)`` is the WSGI application of ``config/wsgi.py``: it answers exactly
``POST`` on ``INTAKE_PATH`` itself and hands every other request to Django. The Django view
(``views.intake_api``) calls the same ``answer_submission``, so the test client, runserver and the
front answer alike. The contract is the API's: DRF's token table (``Authorization: Token …``;
without it the caller is the anonymous public), the API's throttle rates, the one error shape
``{"error": {"code", "message", "details"}}`` with messages through gettext (Bahasa Indonesia
unless the language cookie says otherwise), the pure payload check, idempotency by key.

What skipping Django costs, on purpose (see docs/cases.md): no middleware (sessions, CSRF — the
endpoint is token-or-anonymous and CSRF-exempt anyway — security headers other than nosniff), no
request signals, so the thread's database connection stays open (no ``CONN_HEALTH_CHECKS`` query
per request; a statement that fails because the connection is gone closes it and runs once more
on a new one), and a token → user look-up is cached per process for ``TOKEN_TTL`` seconds (a
revoked token or deactivated user keeps working that long). Throttling counts per fixed window in
the cache (one ``incr``), not DRF's per-request history list, so intake requests have their own
counter at the API's rates.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.cookies import SimpleCookie
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http.request import split_domain_port, validate_host
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, BaseThrottle, UserRateThrottle

from awasi.cases.intake_batch import GroupCommit
from awasi.cases.services.staging import StagedAnswer, Submission, check_submission, stage_many
from awasi.core.errors import DomainError

INTAKE_PATH = "/api/v1/cases/intake/"
TOKEN_TTL = 30.0  # seconds a token → user look-up is reused (revocation delay)
TOKEN_CACHE_SIZE = 10_000
CALLER_SQL = (
    "SELECT u.id, u.is_active FROM {tokens} t JOIN {users} u ON u.id = t.user_id WHERE t.key = %s"
)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answer:
    """Status, JSON body and extra headers of one answer."""

    status: int
    body: dict[str, Any]
    headers: tuple[tuple[str, str], ...] = ()

    def content(self) -> bytes:
        return json.dumps(self.body, cls=DjangoJSONEncoder).encode()


def error(status: int, code: str, message: Any, details: Any = None, **headers: str) -> Answer:
    body = {"error": {"code": code, "message": str(message), "details": details}}
    extra = tuple((name.replace("_", "-"), value) for name, value in headers.items())
    if status == 401:
        extra += (("WWW-Authenticate", "Token"),)
    return Answer(status, body, extra)


class _Tokens:
    """token → (user id, is active), looked up with one statement and kept ``TOKEN_TTL`` s."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[float, int, bool]] = {}
        self.lock = threading.Lock()

    def caller(self, token: str) -> tuple[int, bool] | None:
        hit = self.known.get(token)
        now = time.monotonic()
        if hit is not None and hit[0] > now:
            return hit[1], hit[2]
        row = _with_reconnect(lambda: _token_row(token))
        if row is None:
            return None
        with self.lock:
            if len(self.known) >= TOKEN_CACHE_SIZE:
                self.known.clear()
            self.known[token] = (now + TOKEN_TTL, row[0], bool(row[1]))
        return row[0], bool(row[1])

    def clear(self) -> None:
        with self.lock:
            self.known.clear()


TOKENS = _Tokens()


def _token_row(token: str) -> tuple[int, bool] | None:
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    quote = connection.ops.quote_name
    sql = CALLER_SQL.format(
        tokens=quote(Token._meta.db_table), users=quote(get_user_model()._meta.db_table)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [token])
        return cursor.fetchone()


def _with_reconnect(work: Callable[[], Any]) -> Any:
    """Run ``work``; if the connection failed, close it and try once more on a new one. Safe for
    the staging INSERT too: a retried statement finds its own row by key (ON CONFLICT)."""
    try:
        return work()
    except (OperationalError, InterfaceError):
        if connection.in_atomic_block:
            raise
        connection.close()
        return work()


def authenticate(environ: Mapping[str, Any]) -> int | None | Answer:
    """DRF's TokenAuthentication rules: the user's id, None for anonymous, or a 401 answer."""
    words = environ.get("HTTP_AUTHORIZATION", "").split()
    if not words or words[0].lower() != "token":
        return None
    if len(words) != 2:
        message = _("Invalid token header. No credentials provided.")
        return error(401, "authentication_failed", message)
    caller = TOKENS.caller(words[1])
    if caller is None:
        return error(401, "authentication_failed", _("Invalid token."))
    if not caller[1]:
        return error(401, "authentication_failed", _("User inactive or deleted."))
    return caller[0]


class _IdentRequest:
    """As much of a request as DRF's ``get_ident`` reads (address and X-Forwarded-For)."""

    def __init__(self, environ: Mapping[str, Any]) -> None:
        self.META = environ
        self.headers = {"x-forwarded-for": environ.get("HTTP_X_FORWARDED_FOR")}


def throttle(environ: Mapping[str, Any], user_id: int | None) -> Answer | None:
    """The API's anonymous (per address) and user (per account) rates, in fixed windows."""
    for scope_class in (AnonRateThrottle, UserRateThrottle):
        if scope_class not in api_settings.DEFAULT_THROTTLE_CLASSES:
            continue
        if scope_class is AnonRateThrottle and user_id is not None:
            continue
        rate = _rate(scope_class)
        if rate is None:
            continue
        limit, seconds = rate
        ident = user_id if user_id is not None else _ident(environ)
        wait = _count(f"intake-throttle:{scope_class.scope}:{ident}", limit, seconds)
        if wait is not None:
            message = _("Request was throttled. Expected available in %(wait)d seconds.") % {
                "wait": wait
            }
            return error(429, "throttled", message, Retry_After=str(wait))
    return None


def _rate(scope_class: type[AnonRateThrottle] | type[UserRateThrottle]) -> tuple[int, int] | None:
    """(requests, seconds) of the scope's configured rate (DRF's format, e.g. "120/min")."""
    rate = scope_class.THROTTLE_RATES.get(scope_class.scope or "")
    if not rate:
        return None
    limit, seconds = scope_class.parse_rate(None, rate)  # type: ignore[arg-type]
    return (limit, seconds) if limit is not None and seconds is not None else None


def _ident(environ: Mapping[str, Any]) -> str:
    return BaseThrottle().get_ident(_IdentRequest(environ))  # type: ignore[arg-type]


def _count(prefix: str, limit: int, seconds: int) -> int | None:
    """Count one request in the current window; seconds to wait if over ``limit``."""
    now = time.time()
    window = int(now // seconds)
    key = f"{prefix}:{window}"
    try:
        count = cache.incr(key)
    except ValueError:
        count = 1 if cache.add(key, 1, seconds + 1) else cache.incr(key)
    if count <= limit:
        return None
    return max(1, int((window + 1) * seconds - now + 0.999))


def _language(environ: Mapping[str, Any]) -> str:
    """Bahasa Indonesia unless the language cookie chose another (as DefaultLanguageMiddleware)."""
    cookies = environ.get("HTTP_COOKIE", "")
    name = settings.LANGUAGE_COOKIE_NAME
    if name in cookies:
        morsel = SimpleCookie(cookies).get(name)
        if morsel is not None and morsel.value in dict(settings.LANGUAGES):
            return morsel.value
    return settings.LANGUAGE_CODE


def _flush(batch: list[Submission]) -> list[StagedAnswer | DomainError]:
    return _with_reconnect(lambda: stage_many(batch))


WRITER: GroupCommit[Submission, StagedAnswer | DomainError] = GroupCommit(_flush)


def answer_submission(environ: Mapping[str, Any], body: bytes) -> Answer:
    """The whole endpoint: authenticate, throttle, check, stage (group commit), answer."""
    translation.activate(_language(environ))
    user_id = authenticate(environ)
    if isinstance(user_id, Answer):
        return user_id
    refused = throttle(environ, user_id) or _refused_request(environ)
    if refused is not None:
        return refused
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        return error(400, "parse_error", _("JSON parse error - %s") % exc)
    key = environ["HTTP_IDEMPOTENCY_KEY"].strip()
    try:
        submission = check_submission(payload=payload, key=key, staff_id=user_id)
        staged = WRITER.submit(submission)
    except DomainError as exc:
        return error(exc.status_code, exc.code, exc.message, exc.details)
    except DatabaseError:
        log.exception("staging a submission failed")
        message = _("The service is busy; please try again.")
        return error(503, "unavailable", message, Retry_After="1")
    if isinstance(staged, DomainError):
        return error(staged.status_code, staged.code, staged.message, staged.details)
    return Answer(202, {
        "tracking_code": staged.tracking_code, "secret": staged.secret, "status": "received",
        "received_at": staged.received_at, "repeated": not staged.created,
    })  # fmt: skip


def _refused_request(environ: Mapping[str, Any]) -> Answer | None:
    key = environ.get("HTTP_IDEMPOTENCY_KEY", "").strip()
    if not key or len(key) > 100 or not key.isprintable():  # NUL would fail the batch's INSERT
        message = _("Send an Idempotency-Key header (1-100 characters) with every submission.")
        return error(400, "idempotency_key_required", message)
    media_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        message = _('Unsupported media type "{media_type}" in request.')
        return error(415, "unsupported_media_type", message.format(media_type=media_type))
    return None


StartResponse = Callable[..., Any]


def host_allowed(environ: Mapping[str, Any]) -> bool:
    """Django's ALLOWED_HOSTS rule (with its DEBUG defaults) for the request's Host."""
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    domain, _port = split_domain_port(host)
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return bool(domain) and validate_host(domain, allowed)


class IntakeFront:
    """WSGI app: ``POST INTAKE_PATH`` answered here, everything else by ``django_app``."""

    def __init__(self, django_app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]]):
        self.django_app = django_app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if (
            environ.get("PATH_INFO") != INTAKE_PATH
            or environ.get("REQUEST_METHOD") != "POST"
            or not host_allowed(environ)  # Django answers a foreign Host with its 400
        ):
            return self.django_app(environ, start_response)
        try:
            answer = self._answer(environ)
        except Exception:
            log.exception("intake front failed")
            answer = error(500, "server_error", _("A server error occurred."))
        content = answer.content()
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(content))),
                   ("X-Content-Type-Options", "nosniff"),
                   ("Content-Language", translation.get_language() or settings.LANGUAGE_CODE),
                   *answer.headers]  # fmt: skip
        start_response(f"{answer.status} {HTTPStatus(answer.status).phrase}", headers)
        return [content]

    def _answer(self, environ: dict[str, Any]) -> Answer:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            translation.activate(_language(environ))
            return error(413, "too_large", _("The request body is too large."))
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        return answer_submission(environ, body)
