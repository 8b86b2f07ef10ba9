"""Gakkumdu pages: file list, board, file page with the steps each agency may record."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from awasi.core.errors import DomainError
from awasi.gakkumdu import chain, services, services_parts
from awasi.gakkumdu.access import access_document, access_file
from awasi.gakkumdu.choices import FileStage, VerdictOutcome
from awasi.gakkumdu.forms import (
    ClosureRequestForm,
    DecisionForm,
    DiscussionForm,
    DocumentForm,
    EvidenceForm,
    SentenceForm,
    StepForm,
    SuspectForm,
    WitnessForm,
)
from awasi.gakkumdu.models import ClosureRequest, JointFile
from awasi.gakkumdu.parties import acting_party
from awasi.gakkumdu.reports import board_export
from awasi.gakkumdu.selectors import (
    board_for,
    cases_awaiting_referral,
    clock_lines,
    files_for,
    units_for,
)


@login_required
def file_list(request: HttpRequest) -> HttpResponse:
    """Joint files the user may see, filterable by unit and stage."""
    unit, stage = request.GET.get("unit", ""), request.GET.get("stage", "")
    files = files_for(request.user, unit=unit, stage=stage)[:200]
    context = {
        "files": files,
        "units": units_for(request.user),
        "stages": FileStage.choices,
        "unit": unit,
        "stage": stage,
        "awaiting": cases_awaiting_referral(request.user),
    }
    return render(request, "gakkumdu/file_list.html", context)


@login_required
def board(request: HttpRequest) -> HttpResponse:
    """The Gakkumdu board of a unit (or of every unit the user sees), exportable."""
    unit = request.GET.get("unit", "")
    summary = board_for(files_for(request.user, unit=unit))
    fmt = request.GET.get("format", "")
    if fmt in ("xlsx", "pdf"):
        return board_export(fmt, summary, unit=unit, user=request.user)
    return render(
        request,
        "gakkumdu/board.html",
        {
            "board": summary,
            "units": units_for(request.user),
            "unit": unit,
            "stages": [(FileStage(k).label, n) for k, n in summary.by_stage.items()],
            "outcomes": [(VerdictOutcome(k).label, n) for k, n in summary.outcomes.items()],
            "attention": _attention(summary),
            "max_stage": max(summary.by_stage.values(), default=1),
        },
    )


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    """The Gakkumdu units the user works in or sees, with each agency's members."""
    units = (
        units_for(request.user)
        .select_related("region", "bawaslu", "police", "prosecutor")
        .prefetch_related("members__user__organisation")
    )
    return render(request, "gakkumdu/unit_list.html", {"units": units.order_by("code")})


def _attention(summary: Any) -> list[tuple[Any, ...]]:
    """Late and nearly late clocks with their file numbers (one query)."""
    ids = {item[0] for item in summary.attention}
    numbers = dict(JointFile.objects.filter(pk__in=ids).values_list("pk", "number"))
    return [
        (fid, numbers.get(fid, fid), step, state.value, due)
        for fid, step, state, due in summary.attention
    ]


def _party(user: Any, file: Any) -> chain.Party | None:
    try:
        return acting_party(user, file)
    except DomainError:
        return None


@login_required
def file_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A file: stage, clocks of every agency, timeline, parts, and what the user may record."""
    file = access_file(request.user, pk)
    party = _party(request.user, file)
    stage = chain.Stage(file.stage)
    events = tuple(e.value for e in chain.allowed_events(stage, party)) if party else ()
    step_events = tuple(e for e in events if not _needs_approval(e))
    closing = tuple(e for e in events if _needs_approval(e))
    initial = {"version": file.version}
    context = {
        "file": file,
        "party": party,
        "clocks": clock_lines(file),
        "events": file.events.select_related("actor", "organisation"),
        "discussions": file.discussions.prefetch_related("views"),
        "requests": file.requests.select_related("requested_by", "decided_by"),
        "step_form": StepForm(events=step_events, initial=initial) if step_events else None,
        "discussion_form": DiscussionForm(initial=initial)
        if party is chain.Party.BAWASLU
        and set(step_events) & {"first_discussion", "second_discussion", "third_discussion"}
        else None,
        "request_form": ClosureRequestForm(events=closing) if closing else None,
        "decision_form": DecisionForm(initial=initial),
        "suspects": file.suspects.all(),
        "witnesses": file.witnesses.all(),
        "evidence": file.evidence_items.all(),
        "sentences": file.sentences.select_related("suspect"),
        "documents": file.documents.select_related("uploaded_by"),
        "part_forms": _part_forms(file, party),
        "holder": HOLDER_LABELS[chain.STAGE_HOLDER[stage]],
    }
    return render(request, "gakkumdu/file_detail.html", context)


HOLDER_LABELS = {
    chain.Party.BAWASLU: "Bawaslu",
    chain.Party.POLRI: "Polri",
    chain.Party.KEJAKSAAN: "Kejaksaan",
    chain.Party.COURT: _lazy("Court"),
}


def _needs_approval(event: str) -> bool:
    return any(t.needs_approval for t in chain.ALL_TRANSITIONS if t.event.value == event)


def _part_forms(file: Any, party: chain.Party | None) -> dict[str, Any]:
    if party is None:
        return {}
    forms = {
        "suspect": SuspectForm(),
        "witness": WitnessForm(),
        "evidence": EvidenceForm(),
        "document": DocumentForm(),
    }
    if party is chain.Party.KEJAKSAAN:
        forms["sentence"] = SentenceForm(suspects=[(s.pk, s.name) for s in file.suspects.all()])
    return forms


def _done(request: HttpRequest, pk: int, call: Any, success: str) -> HttpResponse:
    try:
        call()
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, success)
    return redirect("gakkumdu:file", pk=pk)


def _form_errors(request: HttpRequest, form: Any, pk: int) -> HttpResponse:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect("gakkumdu:file", pk=pk)


@login_required
@require_POST
def file_step(request: HttpRequest, pk: int) -> HttpResponse:
    """Record one step of the chain."""
    file = access_file(request.user, pk, for_change=True)
    form = StepForm(request.POST, events=tuple(e.value for e in chain.Event))
    if not form.is_valid():
        return _form_errors(request, form, pk)
    data = form.cleaned_data
    details = {k: data[k] for k in ("court_case_number", "appeal_case_number", "outcome")}
    return _done(
        request,
        pk,
        lambda: services.record_step(
            file=file,
            event=data["event"],
            actor=request.user,
            occurred_at=data["occurred_at"],
            expected_version=data["version"],
            note=data["note"],
            backdating_reason=data["backdating_reason"],
            details=details,
        ),
        _("Step recorded."),
    )


@login_required
@require_POST
def file_discussion(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a Gakkumdu discussion."""
    file = access_file(request.user, pk, for_change=True)
    form = DiscussionForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form, pk)
    data = form.cleaned_data
    return _done(
        request,
        pk,
        lambda: services.record_discussion(
            file=file,
            number=data["number"],
            held_at=data["held_at"],
            place=data["place"],
            conclusion=data["conclusion"],
            minutes=data["minutes"],
            views=form.views(),
            actor=request.user,
            expected_version=data["version"],
            backdating_reason=data["backdating_reason"],
        ),
        _("Discussion recorded."),
    )


@login_required
@require_POST
def file_request(request: HttpRequest, pk: int) -> HttpResponse:
    """File a request that Bawaslu must approve."""
    file = access_file(request.user, pk, for_change=True)
    form = ClosureRequestForm(request.POST, events=tuple(e.value for e in chain.Event))
    if not form.is_valid():
        return _form_errors(request, form, pk)
    data = form.cleaned_data
    return _done(
        request,
        pk,
        lambda: services.request_closure(
            file=file,
            event=data["event"],
            actor=request.user,
            occurred_at=data["occurred_at"],
            reason=data["reason"],
            backdating_reason=data["backdating_reason"],
        ),
        _("Request sent to Bawaslu."),
    )


@login_required
@require_POST
def request_decide(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    """Bawaslu approves or rejects a pending request."""
    file = access_file(request.user, pk, for_change=True)
    closure = get_object_or_404(ClosureRequest, pk=request_pk, file=file)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form, pk)
    data = form.cleaned_data
    return _done(
        request,
        pk,
        lambda: services.decide_request(
            request=closure,
            actor=request.user,
            approve=data["approve"],
            note=data["note"],
            expected_version=data["version"],
        ),
        _("Decision recorded."),
    )


PART_FORMS = {"suspect": SuspectForm, "witness": WitnessForm, "evidence": EvidenceForm}


@login_required
@require_POST
def file_part(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    """Add a suspect, witness, evidence item or sentence to a file."""
    file = access_file(request.user, pk, for_change=True)
    if part == "sentence":
        form: Any = SentenceForm(
            request.POST, suspects=[(s.pk, s.name) for s in file.suspects.all()]
        )
    elif part in PART_FORMS:
        form = PART_FORMS[part](request.POST)
    else:
        return redirect("gakkumdu:file", pk=pk)
    if not form.is_valid():
        return _form_errors(request, form, pk)
    data = dict(form.cleaned_data)
    if part == "sentence":
        data["suspect"] = file.suspects.get(pk=data["suspect"])
    call = {
        "suspect": services_parts.add_suspect,
        "witness": services_parts.add_witness,
        "evidence": services_parts.add_evidence_item,
        "sentence": services_parts.record_sentence,
    }[part]
    return _done(request, pk, lambda: call(file=file, actor=request.user, **data), _("Saved."))


@login_required
@require_POST
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a document exchanged between agencies."""
    file = access_file(request.user, pk, for_change=True)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_errors(request, form, pk)
    data = form.cleaned_data
    upload = data.pop("content")
    return _done(
        request,
        pk,
        lambda: services_parts.upload_document(
            file=file, actor=request.user, upload=upload, **data
        ),
        _("Document stored."),
    )


@login_required
def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Download a document; the download is logged (chain of custody)."""
    document = access_document(request.user, pk)
    services_parts.log_document_access(document=document, user=request.user)
    return FileResponse(
        document.content.open("rb"),
        as_attachment=True,
        filename=document.content.name.rsplit("/", 1)[-1],
        content_type=document.content_type,
    )
