"""Officers' pages: case list (filters, exports), case page, deadline queue, tips, staff entry."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.accounts.scoping import is_bawaslu
from awasi.cases import exports, forms, lifecycle
from awasi.cases.access import access_case, access_tip, can_handle, role_of
from awasi.cases.choices import Channel
from awasi.cases.models import DeadlineRule, Tip
from awasi.cases.selectors import deadline_queue, filtered_cases, result_hard_date
from awasi.cases.services import (
    CaseData,
    ReporterData,
    convert_tip,
    declare_finding,
    dismiss_tip,
    submit_report,
)
from awasi.core.errors import DomainError
from awasi.regions.timezones import abbreviation, zone_for

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """Cases in the user's area with filters; ``?format=csv|xlsx`` exports the filtered list."""
    form = forms.CaseFilterForm(request.GET or None)
    params = form.cleaned_data if form.is_valid() else {}
    cases = filtered_cases(request.user, params, area=getattr(request, "region_code", None))
    export = request.GET.get("format")
    if export in ("csv", "xlsx"):
        return exports.case_list_export(cases, export)
    size = request.GET.get("page_size", "")
    size = min(int(size), MAX_PAGE_SIZE) if size.isdigit() and int(size) > 0 else PAGE_SIZE
    page = Paginator(cases, size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "now": timezone.now()}
    return render(request, "cases/case_list.html", context)


def _clocks(case: Any) -> list[dict[str, Any]]:
    zone = zone_for(case.region_id)
    return [
        {"clock": clock, "due_local": clock.due_at.astimezone(zone), "tz": abbreviation(zone)}
        for clock in case.deadlines.select_related("rule", "owner_organisation").order_by("due_at")
    ]


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One case: facts, running deadlines, timeline, people, evidence and the allowed actions."""
    case = access_case(request.user, pk)
    handler = can_handle(request.user)
    facts = lifecycle.Facts(
        state=lifecycle.State(case.status), regime=lifecycle.Regime(case.election.regime),
        origin=lifecycle.Origin(case.origin), is_extended=case.is_extended,
    )  # fmt: skip
    actions = lifecycle.allowed_actions(facts, role_of(request.user)) if handler else []
    context = {
        "case": case,
        "handler": handler,
        "is_bawaslu": is_bawaslu(request.user),
        "actions": actions,
        "clocks": _clocks(case),
        "history": case.history.select_related("actor").order_by("at", "id"),
        "comments": case.comments.select_related("author") if handler else [],
        "evidence": case.evidence.order_by("uploaded_at") if is_bawaslu(request.user) else [],
        "clarifications": case.clarifications.all() if handler else [],
        "decisions": case.decisions.select_related("decided_by"),
        "referrals": case.referrals.all(),
        "witnesses": case.witnesses.all() if handler else [],
        "aliases": case.aliases.all(),
        "forms": _action_forms(case),
        "now": timezone.now(),
        "result_hard_date": result_hard_date(case),
    }
    return render(request, "cases/case_detail.html", context)


def _action_forms(case: Any) -> dict[str, Any]:
    initial = {"version": case.version}
    return {
        "register": forms.RegisterForm(initial={**initial, "violation_type": case.violation_type}),
        "reasons": forms.ReasonsForm(initial=initial),
        "decide": forms.DecideForm(initial=initial),
        "summary": forms.SummaryForm(initial=initial),
        "version": forms.VersionForm(initial=initial),
        "merge": forms.MergeForm(initial=initial),
        "comment": forms.CommentForm(),
        "evidence": forms.EvidenceForm(),
        "clarification": forms.ClarificationForm(),
        "follow_up": forms.FollowUpForm(),
    }


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Deadlines falling due today, tomorrow, this week; overdue on top."""
    groups = deadline_queue(request.user)
    return render(request, "cases/queue.html", {"groups": groups, "now": timezone.now()})


@login_required
def rule_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One rule row with its legal basis and how sure we are of it."""
    rule = get_object_or_404(DeadlineRule, pk=pk)
    return render(request, "cases/rule_detail.html", {"rule": rule})


@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    """The whole rule table, as legal officers and auditors check it."""
    return render(request, "cases/rule_list.html", {"rules": DeadlineRule.objects.all()})


def _require_handler(request: HttpRequest) -> None:
    if not can_handle(request.user):
        raise Http404


def _case_data(data: dict[str, Any], files: list[Any], witnesses: list[dict[str, str]]) -> CaseData:
    return CaseData(
        election=data["election"], region=data["region"], title=data["title"],
        description=data["description"], reported_party=data["reported_party"],
        place=data["place"], occurred_on=data["occurred_on"], known_on=data.get("known_on"),
        violation_type=data.get("violation_type") or "", files=files, witnesses=witnesses,
    )  # fmt: skip


@login_required
def desk_report(request: HttpRequest) -> HttpResponse:
    """Staff entry of a report received in person at the office."""
    _require_handler(request)
    form = forms.ReportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        reporter = ReporterData(
            kind=data["reporter_kind"], name=data["reporter_name"],
            address=data["reporter_address"], nik=data["reporter_nik"],
            phone=data["reporter_phone"], email=data["reporter_email"],
        )  # fmt: skip
        try:
            result = submit_report(
                data=_case_data(data, request.FILES.getlist("files"), form.witnesses()),
                reporter=reporter, intake_key=data["intake_key"], channel=Channel.DESK,
                actor=request.user,
            )  # fmt: skip
        except DomainError as error:
            forms.apply_domain_error(form, error)
        else:
            context = {"case": result.case, "secret": result.secret, "desk": True}
            return render(request, "cases/public/report_done.html", context)
    return render(
        request, "cases/entry_form.html", {"form": form, "title": _("Report received in person")}
    )


@login_required
def new_finding(request: HttpRequest) -> HttpResponse:
    """A supervisor declares a finding (*temuan*)."""
    _require_handler(request)
    form = forms.FindingForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = declare_finding(
                data=_case_data(data, request.FILES.getlist("files"), form.witnesses()),
                discovered_on=data["discovered_on"], actor=request.user,
                intake_key=data["intake_key"],
            )  # fmt: skip
        except DomainError as error:
            forms.apply_domain_error(form, error)
        else:
            messages.success(request, _("Finding declared."))
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/entry_form.html", {"form": form, "title": _("Declare a finding")})


@login_required
def tip_list(request: HttpRequest) -> HttpResponse:
    """Anonymous tips in the user's area."""
    if not is_bawaslu(request.user):
        raise Http404
    tips = Tip.objects.visible_to(request.user).select_related("region", "election", "case")
    page = Paginator(tips, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "cases/tip_list.html", {"page": page, "handler": can_handle(request.user)}
    )


@login_required
def tip_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Turn a tip into a finding, or dismiss it."""
    tip = access_tip(request.user, pk, for_change=True)
    if request.method != "POST":
        return redirect("cases:tips")
    try:
        if request.POST.get("action") == "convert":
            case = convert_tip(
                tip=tip, actor=request.user, title=request.POST.get("title", "").strip()
                or tip.description[:100], reported_party=request.POST.get("reported_party", "")
                or _("Unknown"),
            )  # fmt: skip
            return redirect("cases:detail", pk=case.pk)
        dismiss_tip(tip=tip, actor=request.user)
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("cases:tips")
