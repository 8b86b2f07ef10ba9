"""Home, region picker, audit log and the rate-limit answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awasi.accounts.scoping import can_see_region
from awasi.core import exports
from awasi.core.middleware import SESSION_KEY
from awasi.core.nav import home_cards
from awasi.core.selectors import AUDIT_HEADER, audit_events, audit_row


def home(request: HttpRequest) -> HttpResponse:
    """The public landing page, or the signed-in user's home with cards from every module."""
    cards = home_cards(request.user) if request.user.is_authenticated else []
    return render(request, "core/home.html", {"cards": cards})


@require_POST
def pick_region(request: HttpRequest) -> HttpResponse:
    """Remember the region the user wants to look at (only within their own area)."""
    code = request.POST.get("region", "").strip()
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if code and not can_see_region(request.user, code):
        messages.error(request, _("That region is outside your area."))
    elif code:
        request.session[SESSION_KEY] = code
    else:
        request.session.pop(SESSION_KEY, None)
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


@staff_member_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit log for administrators, filterable and exportable as CSV."""
    events = audit_events(
        action=request.GET.get("action", ""),
        target_type=request.GET.get("type", ""),
        actor=request.GET.get("actor", ""),
    )
    if request.GET.get("format") == "csv":
        return exports.csv_response(
            "awasi-audit.csv", AUDIT_HEADER, (audit_row(e) for e in events.iterator())
        )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page})


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Answer for requests over a rate limit (django-ratelimit), in the client's language."""
    message = _("Too many requests. Please wait a minute and try again.")
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"code": "rate_limited", "message": message}}, status=429)
    return render(request, "core/rate_limited.html", {"message": message}, status=429)


def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for load balancers."""
    return HttpResponse("ok", content_type="text/plain")
