"""Public pages: report form, anonymous tip, reporter's status page, statistics. No login, rate
limited, and never any personal data beyond what the reporter typed into their own form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from awasi.cases.choices import CaseStatus, Channel, ViolationType
from awasi.cases.forms import ReportForm, StatusLookupForm, TipForm, apply_domain_error
from awasi.cases.selectors import find_by_code, public_statistics
from awasi.cases.services import CaseData, ReporterData, submit_report, submit_tip
from awasi.cases.services.intake import check_status_secret
from awasi.cases.services.staging import find_staged, staged_status
from awasi.core.errors import DomainError
from awasi.core.views import rate_limited
from awasi.elections.models import Election
from awasi.regions.models import Region

SUBMIT_RATE = "20/h"
LOOKUP_RATE = "30/h"


def _case_data(data: dict, files: list) -> CaseData:
    return CaseData(
        election=data["election"],
        region=data["region"],
        title=data["title"],
        description=data["description"],
        reported_party=data["reported_party"],
        place=data["place"],
        occurred_on=data["occurred_on"],
        known_on=data.get("known_on"),
        files=files,
    )


@ratelimit(key="ip", rate=SUBMIT_RATE, method="POST", block=False)
def public_report(request: HttpRequest) -> HttpResponse:
    """The formal report form (UU 7/2017 Pasal 454 ayat (4)); answers with code and secret."""
    if getattr(request, "limited", False):
        return rate_limited(request, None)  # type: ignore[arg-type]
    form = ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case_data = _case_data(data, request.FILES.getlist("files"))
        case_data.witnesses = form.witnesses()
        reporter = ReporterData(
            kind=data["reporter_kind"], name=data["reporter_name"],
            address=data["reporter_address"], nik=data["reporter_nik"],
            phone=data["reporter_phone"], email=data["reporter_email"],
        )  # fmt: skip
        try:
            result = submit_report(
                data=case_data, reporter=reporter, intake_key=data["intake_key"],
                channel=Channel.WEB,
            )  # fmt: skip
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            context = {"case": result.case, "secret": result.secret}
            return render(request, "cases/public/report_done.html", context)
    return render(request, "cases/public/report_form.html", {"form": form})


@ratelimit(key="ip", rate=SUBMIT_RATE, method="POST", block=False)
def public_tip(request: HttpRequest) -> HttpResponse:
    """Anonymous information; never treated as a formal report."""
    if getattr(request, "limited", False):
        return rate_limited(request, None)  # type: ignore[arg-type]
    form = TipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submit_tip(
                election=data["election"], region=data["region"], place=data["place"],
                occurred_on=data["occurred_on"], description=data["description"],
                contact=data["contact"], intake_key=data["intake_key"],
            )  # fmt: skip
        except DomainError as error:
            apply_domain_error(form, error)
        else:
            return render(request, "cases/public/tip_done.html")
    return render(request, "cases/public/tip_form.html", {"form": form})


@ratelimit(key="ip", rate=LOOKUP_RATE, method="POST", block=False)
def public_status(request: HttpRequest) -> HttpResponse:
    """The reporter's status page, reached with tracking code + secret (POST, never in a URL)."""
    if getattr(request, "limited", False):
        return rate_limited(request, None)  # type: ignore[arg-type]
    form = StatusLookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code, secret = form.cleaned_data["tracking_code"], form.cleaned_data["secret"]
        case = find_by_code(code)
        own = case if case and check_status_secret(case, secret) else None
        staged = find_staged(code, secret) if own is None else None
        if staged is not None and staged.case is None:
            context = {"pending": staged_status(staged)}
            return render(request, "cases/public/status_staged.html", context)
        if staged is not None:
            own = staged.case
        if own is None:
            form.add_error(None, _("No report matches this tracking code and secret."))
        else:
            history = own.history.exclude(public_note="").order_by("at", "id")
            context = {"case": own, "history": history, "merged_into": own.merged_into}
            return render(request, "cases/public/status.html", context)
    return render(request, "cases/public/status_form.html", {"form": form})


def public_statistics_page(request: HttpRequest) -> HttpResponse:
    """Cases by type, status and regency (the way SIGAPLapor publishes handling data)."""
    election_id = request.GET.get("election") or None
    stats = public_statistics(election_id=int(election_id) if str(election_id).isdigit() else None)
    regencies = Region.objects.filter(level__in=["province", "regency"])
    names = dict(regencies.values_list("code", "name"))
    labels = {
        "type": dict(ViolationType.choices),
        "status": dict(CaseStatus.choices),
    }
    context = {
        "elections": Election.objects.all(),
        "by_type": _bars(stats["type"], "violation_type", labels["type"], _("Not yet classified")),
        "by_status": _bars(stats["status"], "status", labels["status"], ""),
        "by_region": _bars(stats["region"], "code", names, ""),
        "total": sum(row["n"] for row in stats["status"]),
        "synthetic": stats["synthetic"][0]["n"],
    }
    return render(request, "cases/public/statistics.html", context)


def _bars(rows: list[dict], key: str, labels: dict, empty: str) -> list[dict]:
    top = max((row["n"] for row in rows), default=0) or 1
    return [
        {"label": labels.get(row[key], row[key]) or empty, "n": row["n"],
         "pct": round(100 * row["n"] / top)}
        for row in rows
    ]  # fmt: skip
