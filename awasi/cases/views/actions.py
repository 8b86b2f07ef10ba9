"""POST endpoints on one case: each parses a form, calls one service, and returns to the case."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awasi.accounts.models import Organisation
from awasi.cases import exports, forms, services
from awasi.cases.access import access_case, access_evidence, can_handle
from awasi.cases.models import Case, CaseAlias, Clarification, Evidence, Referral
from awasi.cases.numbering import normalise_tracking_code
from awasi.core.errors import DomainError


def _version(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


def _run(request: HttpRequest, case: Case, call: Callable[[], Any], done: str) -> HttpResponse:
    try:
        call()
    except DomainError as error:
        details = error.details if isinstance(error.details, dict) else {}
        extra = " ".join(str(v) for v in details.values())
        messages.error(request, f"{error.message} {extra}".strip())
    else:
        messages.success(request, done)
    return redirect("cases:detail", pk=case.pk)


TRANSITIONS: dict[str, Callable[..., Any]] = {
    "start_review": services.start_review,
    "start_clarification": services.start_clarification,
    "submit_to_plenary": services.submit_to_plenary,
    "close": services.close_case,
}
WITH_REASONS = {
    "reject": services.reject_case,
    "time_bar": services.time_bar_case,
    "extend": services.extend_case,
}


@login_required
@require_POST
def transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Move the case: the lifecycle service checks the state, the role and the version."""
    case = access_case(request.user, pk, for_change=True)
    common = {"case": case, "actor": request.user, "expected_version": _version(request)}
    post = request.POST
    if action in TRANSITIONS:
        call = partial(TRANSITIONS[action], **common)
    elif action in WITH_REASONS:
        call = partial(WITH_REASONS[action], **common, reasons=post.get("reasons", ""))
    elif action == "register":
        call = partial(
            services.register_case, **common, violation_type=post.get("violation_type", "")
        )
    elif action == "decide":
        call = partial(
            services.decide_case,
            **common,
            outcome=post.get("outcome", ""),
            summary=post.get("summary", ""),
            recipient_name=post.get("recipient_name", ""),
        )
    elif action == "decide_administrative":
        call = partial(
            services.decide_administrative,
            **common,
            summary=post.get("summary", ""),
            recipient_name=post.get("recipient_name", ""),
        )
    elif action == "merge":

        def call() -> Any:
            return services.merge_case(**common, into=_merge_target(request, post))

    else:
        raise Http404
    return _run(request, case, call, _("Saved."))


def _merge_target(request: HttpRequest, post: Any) -> Case:
    text = post.get("into", "").strip()
    visible = Case.objects.visible_to(request.user)
    target = (
        visible.filter(number=text).first()
        or visible.filter(tracking_code=normalise_tracking_code(text)).first()
    )
    if target is None:
        alias = CaseAlias.objects.filter(alias=text, case__in=visible).first()
        target = alias.case if alias else None
    if target is None:
        raise DomainError(_("No case with that number or code."), details={"into": "unknown"})
    return target


@login_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    case = access_case(request.user, pk, for_change=True)
    raw = request.POST.get("assignee", "")
    assignee = get_user_model().objects.filter(pk=raw).first() if raw.isdigit() else None
    if raw == "me":
        assignee = request.user
    call = partial(
        services.assign_case,
        case=case,
        assignee=assignee,
        actor=request.user,
        expected_version=_version(request),
    )
    return _run(request, case, call, _("Assignment saved."))


@login_required
@require_POST
def move(request: HttpRequest, pk: int) -> HttpResponse:
    """Delegate to a lower body or take over to a higher one."""
    case = access_case(request.user, pk, for_change=True)
    organisation = Organisation.objects.filter(code=request.POST.get("organisation", "")).first()
    call = partial(
        services.move_to_body,
        case=case,
        organisation=organisation,
        actor=request.user,
        expected_version=_version(request),
        reason=request.POST.get("reason", ""),
    )
    return _run(request, case, call, _("Handling body changed."))


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    case = access_case(request.user, pk, for_change=True)
    body = request.POST.get("body", "")
    call = partial(services.add_comment, case=case, actor=request.user, body=body)
    return _run(request, case, call, _("Comment added."))


@login_required
@require_POST
def add_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    case = access_case(request.user, pk, for_change=True)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file."))
        return redirect("cases:detail", pk=case.pk)
    call = partial(
        services.add_evidence,
        case=case,
        upload=upload,
        actor=request.user,
        description=request.POST.get("description", ""),
    )
    return _run(request, case, call, _("Evidence added."))


@login_required
@require_POST
def correct_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = access_evidence(request.user, pk)
    case = access_case(request.user, evidence.case_id, for_change=True)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file."))
        return redirect("cases:detail", pk=case.pk)
    call = partial(
        services.correct_evidence,
        evidence=evidence,
        upload=upload,
        reason=request.POST.get("reason", ""),
        actor=request.user,
    )
    return _run(request, case, call, _("Corrected version added."))


@login_required
def download_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve an evidence file; every download is logged (chain of custody)."""
    evidence = access_evidence(request.user, pk)
    services.log_access(evidence=evidence, user=request.user, action="download")
    response = FileResponse(
        evidence.file.open("rb"),
        content_type=evidence.content_type,
        as_attachment=True,
        filename=evidence.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def evidence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One file's record: hash, versions and its access log (the view itself is logged)."""
    evidence = access_evidence(request.user, pk)
    services.log_access(evidence=evidence, user=request.user, action="view")
    context = {
        "evidence": evidence,
        "versions": Evidence.objects.filter(
            case=evidence.case, original_name=evidence.original_name
        ),
        "accesses": evidence.accesses.select_related("user")[:100],
        "form": forms.CorrectionForm(),
        "handler": can_handle(request.user),
    }
    return render(request, "cases/evidence_detail.html", context)


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    case = access_case(request.user, pk, for_change=True)
    form = forms.ClarificationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below.") + f" {form.errors.as_text()}")
        return redirect("cases:detail", pk=case.pk)
    call = partial(
        services.invite_for_clarification, case=case, actor=request.user, **form.cleaned_data
    )
    return _run(request, case, call, _("Invitation recorded."))


@login_required
@require_POST
def minutes(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    case = access_case(request.user, pk, for_change=True)
    clarification = get_object_or_404(Clarification, pk=item, case=case)
    call = partial(
        services.record_minutes,
        clarification=clarification,
        actor=request.user,
        minutes=request.POST.get("minutes", ""),
    )
    return _run(request, case, call, _("Minutes recorded."))


@login_required
@require_POST
def follow_up(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    case = access_case(request.user, pk, for_change=True)
    referral = get_object_or_404(Referral, pk=item, case=case)
    call = partial(
        services.record_follow_up,
        referral=referral,
        actor=request.user,
        status=request.POST.get("status", ""),
        note=request.POST.get("note", ""),
    )
    return _run(request, case, call, _("Follow-up recorded."))


@login_required
def reporter_identity(request: HttpRequest, pk: int) -> HttpResponse:
    """The reporter's full identity: need-to-know, each view written to the audit log."""
    case = access_case(request.user, pk, for_change=True)
    if request.method != "POST":
        return render(request, "cases/reporter_confirm.html", {"case": case})
    try:
        reporter = services.view_reporter(
            case=case, actor=request.user, reason=request.POST.get("reason", "")
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/reporter_identity.html", {"case": case, "reporter": reporter})


@login_required
def case_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """A printable case summary (no reporter identity)."""
    case = access_case(request.user, pk)
    return exports.case_summary_pdf(case)
