"""``POST /api/v1/cases/intake/``: the high-volume intake path as a plain Django view.

It is an API endpoint with the API's contract — token authentication (``Authorization: Token
…``; without it the caller is the anonymous public), the API's throttles (DRF's own
``AnonRateThrottle``/``UserRateThrottle`` classes and rates), the one error shape
``{"error": {"code", "message", "details"}}`` — but without DRF's request machinery and the ORM
on the hot path: the token is checked with one SQL statement, the body with a pure function
(``intake_payload``), and the report is staged with one INSERT (``services.staging``). A DRF view
spent more time in the framework than in the database (see docs/benchmarks.md, "Cases").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from awasi.cases.services.staging import stage_report
from awasi.core.errors import DomainError

KEY_HEADER = "HTTP_IDEMPOTENCY_KEY"
CALLER_SQL = (
    "SELECT u.id, u.is_active FROM {tokens} t JOIN {users} u ON u.id = t.user_id WHERE t.key = %s"
)


@dataclass(frozen=True)
class Caller:
    """Who is calling, as much as throttling and staging need (no User row is loaded)."""

    pk: int | None

    @property
    def is_authenticated(self) -> bool:
        return self.pk is not None


@dataclass(frozen=True)
class _ThrottleRequest:
    user: Caller
    META: Any
    headers: Any


def _error(status: int, code: str, message: Any, details: Any = None) -> JsonResponse:
    body = {"error": {"code": code, "message": str(message), "details": details}}
    response = JsonResponse(body, status=status)
    if status == 401:
        response["WWW-Authenticate"] = "Token"
    return response


def _caller(request: HttpRequest) -> Caller | JsonResponse:
    """DRF's TokenAuthentication rules, with one statement and no model instances."""
    words = request.META.get("HTTP_AUTHORIZATION", "").split()
    if not words or words[0].lower() != "token":
        return Caller(None)
    if len(words) != 2:
        return _error(
            401, "authentication_failed", _("Invalid token header. No credentials provided.")
        )
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    quote = connection.ops.quote_name
    sql = CALLER_SQL.format(
        tokens=quote(Token._meta.db_table), users=quote(get_user_model()._meta.db_table)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [words[1]])
        row = cursor.fetchone()
    if row is None:
        return _error(401, "authentication_failed", _("Invalid token."))
    if not row[1]:
        return _error(401, "authentication_failed", _("User inactive or deleted."))
    return Caller(row[0])


def _throttled(request: HttpRequest, caller: Caller) -> JsonResponse | None:
    shim = _ThrottleRequest(caller, request.META, request.headers)
    for throttle_class in (AnonRateThrottle, UserRateThrottle):
        if throttle_class not in api_settings.DEFAULT_THROTTLE_CLASSES:
            continue
        throttle = throttle_class()
        if not throttle.allow_request(shim, None):  # type: ignore[arg-type]
            wait = throttle.wait()
            message = _("Request was throttled.")
            if wait is not None:
                message = _("Request was throttled. Expected available in %(wait)d seconds.") % {
                    "wait": int(wait) + 1
                }
            response = _error(429, "throttled", message)
            if wait is not None:
                response["Retry-After"] = str(int(wait) + 1)
            return response
    return None


@csrf_exempt
@require_POST
def staged_report_intake(request: HttpRequest) -> JsonResponse:
    """Stage a report; 202 with the tracking code and secret (see ``services.staging``)."""
    caller = _caller(request)
    if isinstance(caller, JsonResponse):
        return caller
    limited = _throttled(request, caller)
    if limited is not None:
        return limited
    key = request.META.get(KEY_HEADER, "").strip()
    if not key or len(key) > 100:
        message = _("Send an Idempotency-Key header (1-100 characters) with every submission.")
        return _error(400, "idempotency_key_required", message)
    if request.content_type != "application/json":
        message = _('Unsupported media type "{media_type}" in request.').format(
            media_type=request.content_type
        )
        return _error(415, "unsupported_media_type", message)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError) as exc:
        return _error(400, "parse_error", _("JSON parse error - %s") % exc)
    try:
        staged = stage_report(payload=payload, key=key, user=caller)
    except DomainError as exc:
        return _error(exc.status_code, exc.code, exc.message, exc.details)
    return JsonResponse(
        {"tracking_code": staged.tracking_code, "secret": staged.secret, "status": "received",
         "received_at": staged.received_at, "repeated": not staged.created},
        status=202,
    )  # fmt: skip
