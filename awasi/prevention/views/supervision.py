"""Pages for supervision reports (LHP), the ASN-neutrality register and honorary candidates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awasi.accounts.scoping import is_bawaslu
from awasi.core.errors import DomainError
from awasi.prevention import selectors
from awasi.prevention.access import (
    access_honorary_candidate,
    access_neutrality_case,
    access_supervision_report,
)
from awasi.prevention.findings import finding_service, report_pdf
from awasi.prevention.forms import (
    DeclareForm,
    FollowUpForm,
    HonoraryCandidateForm,
    NeutralityCaseForm,
    RecommendationForm,
    ReviewForm,
    SupervisionReportForm,
)
from awasi.prevention.models import HonoraryCandidate, SupervisionReport
from awasi.prevention.neutrality import follow_up
from awasi.prevention.scopes import BAWASLU, can_record_in
from awasi.prevention.services import supervision as services
from awasi.prevention.views._helpers import form_page, picked, region_code_of, run_service
from awasi.regions.models import PollingStation


def _bawaslu_only(request: HttpRequest) -> None:
    # Internal Bawaslu records: other agencies get the same 404 as for a missing page.
    if not is_bawaslu(request.user):
        raise Http404


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    """LHPs of the user's area, newest first; filter by status."""
    _bawaslu_only(request)
    reports = picked(SupervisionReport.objects.visible_to(request.user), request).select_related(
        "region", "stage", "author"
    )
    status = request.GET.get("status", "")
    if status:
        reports = reports.filter(status=status)
    return render(
        request,
        "prevention/report_list.html",
        {
            "page": Paginator(reports, 50).get_page(request.GET.get("page")),
            "status": status,
            "statuses": SupervisionReport._meta.get_field("status").choices,
            "can_create": can_record_in(request.user, region_code_of(request), agencies=BAWASLU),
        },
    )


def _polling_station(form: SupervisionReportForm) -> PollingStation | None:
    number, region = form.cleaned_data.get("tps_number"), form.cleaned_data["region"]
    if not number:
        return None
    stage = form.cleaned_data["stage"]
    tps = PollingStation.objects.filter(
        election_id=stage.election_id, village=region, number=number
    ).first()
    if tps is None:
        form.add_error("tps_number", _("No such TPS in that village for this election."))
    return tps


@login_required
def report_create(request: HttpRequest) -> HttpResponse:
    """The phone-friendly LHP form (camera capture for photos)."""
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = SupervisionReportForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial={"supervised_at": now},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        tps = _polling_station(form)
        if not form.errors:
            report = run_service(
                request,
                form,
                lambda: services.submit_supervision_report(
                    actor=request.user,
                    stage=d["stage"],
                    region=d["region"],
                    polling_station=tps,
                    supervised_at=d["supervised_at"],
                    activity=d["activity"],
                    place=d["place"],
                    result=d["result"],
                    suspected_violation=d["suspected_violation"],
                    photos=request.FILES.getlist("photos"),
                ),
                success=_("Supervision report filed."),
            )
            if report:
                return redirect("prevention:report", pk=report.pk)
    return form_page(
        request,
        form,
        title=_("New supervision report (LHP)"),
        back="prevention:reports",
        multipart=True,
    )


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One LHP with its photos and the action that turns it into a finding."""
    report = access_supervision_report(request.user, pk)
    if request.GET.get("format") == "pdf":
        return HttpResponse(
            report_pdf(report),
            content_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="lhp-{report.pk}.pdf"'},
        )
    return render(
        request,
        "prevention/report_detail.html",
        {
            "report": report,
            "photos": report.photos.all(),
            "can_act": can_record_in(request.user, report.region_id, agencies=BAWASLU),
            "form": DeclareForm(initial={"version": report.version, "title": report.activity}),
            "finding_service": finding_service() is not None,
        },
    )


@login_required
@require_POST
def report_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Declare the LHP a finding, or close it as showing no violation."""
    report = access_supervision_report(request.user, pk)
    form = DeclareForm(request.POST)
    if action not in ("declare", "no-violation") or not form.is_valid():
        raise Http404
    d = form.cleaned_data
    try:
        if action == "declare":
            services.declare_finding_from_report(
                actor=request.user,
                report=report,
                expected_version=d["version"],
                title=d["title"],
                reported_party=d["reported_party"],
            )
        else:
            services.close_report_without_violation(
                actor=request.user, report=report, expected_version=d["version"]
            )
    except DomainError as err:
        messages.error(request, str(err.message))
    else:
        messages.success(request, _("Supervision report updated."))
    return redirect("prevention:report", pk=report.pk)


@login_required
def neutrality_list(request: HttpRequest) -> HttpResponse:
    """The ASN-neutrality register: missing follow-up by BKN/PPK on top."""
    _bawaslu_only(request)
    rows = selectors.neutrality_register(request.user, today=timezone.localdate())
    return render(
        request,
        "prevention/neutrality_list.html",
        {
            "rows": rows,
            "missing": sum(r.is_missing for r in rows),
            "expected_days": selectors.asn_follow_up_days(),
            "can_create": can_record_in(request.user, region_code_of(request), agencies=BAWASLU),
        },
    )


@login_required
def neutrality_create(request: HttpRequest) -> HttpResponse:
    """Enter a neutrality case in the register (``?lhp=<id>``: from a supervision report)."""
    lhp_id = request.GET.get("lhp")
    report = access_supervision_report(request.user, lhp_id) if lhp_id else None
    initial = {}
    if report is not None:
        initial = {
            "region": report.region_id,
            "source": "supervision",
            "occurred_on": timezone.localtime(report.supervised_at).date(),
            "description": report.result,
            "source_reference": f"LHP #{report.pk}",
        }
    form = NeutralityCaseForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        case = run_service(
            request,
            form,
            lambda: services.record_neutrality_case(
                actor=request.user, supervision_report=report, **form.cleaned_data
            ),
            success=_("Case entered in the register."),
        )
        if case:
            return redirect("prevention:neutrality", pk=case.pk)
    return form_page(
        request, form, title=_("New ASN neutrality case"), back="prevention:neutrality_list"
    )


@login_required
def neutrality_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A register entry, the recommendation sent and the follow-up (or its absence)."""
    case = access_neutrality_case(request.user, pk)
    rec = RecommendationForm(
        request.POST if "to" in request.POST else None, initial={"version": case.version}
    )
    fol = FollowUpForm(
        request.POST if "acted_on" in request.POST else None, initial={"version": case.version}
    )
    if rec.is_bound and rec.is_valid():
        d = rec.cleaned_data
        if run_service(
            request,
            rec,
            lambda: services.send_neutrality_recommendation(
                actor=request.user,
                case=case,
                to=d["to"],
                number=d["number"],
                sent_on=d["sent_on"],
                expected_version=d["version"],
            ),
            success=_("Recommendation recorded."),
        ):
            return redirect("prevention:neutrality", pk=case.pk)
    if fol.is_bound and fol.is_valid():
        d = fol.cleaned_data
        if run_service(
            request,
            fol,
            lambda: services.record_neutrality_follow_up(
                actor=request.user,
                case=case,
                acted_on=d["acted_on"],
                action_taken=d["action_taken"],
                expected_version=d["version"],
            ),
            success=_("Follow-up recorded."),
        ):
            return redirect("prevention:neutrality", pk=case.pk)
    state = follow_up(
        sent_on=case.recommendation_sent_on,
        acted_on=case.acted_on,
        today=timezone.localdate(),
        expected_days=selectors.asn_follow_up_days(),
    )
    return render(
        request,
        "prevention/neutrality_detail.html",
        {
            "case": case,
            "rec_form": rec,
            "follow_form": fol,
            "follow_up": state,
            "can_act": can_record_in(request.user, case.region_id, agencies=BAWASLU),
        },
        status=400 if rec.errors or fol.errors else 200,
    )


@login_required
def honorary_list(request: HttpRequest) -> HttpResponse:
    """Honorary/contract staff running as candidates, pending legal review first."""
    _bawaslu_only(request)
    return render(
        request,
        "prevention/honorary_list.html",
        {
            "candidates": HonoraryCandidate.objects.visible_to(request.user).select_related(
                "region", "election"
            ),
            "can_create": can_record_in(request.user, region_code_of(request), agencies=BAWASLU),
        },
    )


@login_required
def honorary_create(request: HttpRequest) -> HttpResponse:
    """Flag an honorary-staff candidate for legal review."""
    form = HonoraryCandidateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        if run_service(
            request,
            form,
            lambda: services.flag_honorary_candidate(actor=request.user, **form.cleaned_data),
            success=_("Flagged for legal review."),
        ):
            return redirect("prevention:honorary_list")
    return form_page(
        request,
        form,
        title=_("Honorary staff running as candidate"),
        back="prevention:honorary_list",
    )


@login_required
def honorary_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the legal review's conclusion for one candidate."""
    candidate = access_honorary_candidate(request.user, pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if run_service(
            request,
            form,
            lambda: services.review_honorary_candidate(
                actor=request.user,
                candidate=candidate,
                review=form.cleaned_data["review"],
                note=form.cleaned_data["note"],
            ),
            success=_("Review recorded."),
        ):
            return redirect("prevention:honorary_list")
    return form_page(
        request,
        form,
        title=_("Legal review: %(name)s") % {"name": candidate.name},
        back="prevention:honorary_list",
    )
