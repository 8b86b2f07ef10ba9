"""Screening pages: lists and imports, runs with progress, review queues, exports and letter.

Interfaces only — access, selectors and services do the work. Every page needs a Bawaslu
officer; everything else answers 404 (lists) or 403 (pages that show nothing of anyone).
"""

from __future__ import annotations

import collections
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awasi.accounts.scoping import is_bawaslu
from awasi.core.errors import DomainError

from . import exports, selectors
from .access import access_candidate, access_duplicate, access_list, access_match
from .choices import CandidateStatus
from .forms import CandidateImportForm, LegalRulingForm, ProofForm, RegistryImportForm, ReviewForm
from .services.imports import import_candidates, import_registry
from .services.review import (
    attach_proof,
    may_rule,
    record_legal_ruling,
    review_duplicate,
    review_match,
)
from .services.runs import start_run

LIST_PAGE_SIZE = 200


def bawaslu_required(view: Any) -> Any:
    """Signed-in Bawaslu officers only (police and prosecutors do not see screening)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_bawaslu(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _refused(request: HttpRequest, form: Any, err: DomainError) -> None:
    form.add_error(None, str(err.message))
    for detail in (err.details or [])[:50]:
        form.add_error(None, detail)


@bawaslu_required
def index(request: HttpRequest) -> HttpResponse:
    """Candidate lists of the user's area with status counts, and the import forms."""
    return render(
        request,
        "screening/index.html",
        {
            "lists": selectors.lists_with_counts(request.user),
            "registries": selectors.registries_visible_to(request.user).order_by("-created_at")[
                :20
            ],
            "candidate_form": CandidateImportForm(),
            "registry_form": RegistryImportForm(),
            "pending": selectors.review_queue(request.user).count(),
        },
    )


@bawaslu_required
def import_candidates_view(request: HttpRequest) -> HttpResponse:
    """Import a DCS/DCT file; a bad file is refused whole with its offending rows."""
    form = CandidateImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            clist = import_candidates(
                actor=request.user,
                election=form.cleaned_data["election"],
                region=form.cleaned_data["region"],
                level=form.cleaned_data["level"],
                stage=form.cleaned_data["stage"],
                name=form.cleaned_data["name"],
                filename=upload.name,
                data=upload.read(),
            )
        except DomainError as err:
            _refused(request, form, err)
        else:
            messages.success(
                request, _("%(n)d candidates imported.") % {"n": clist.candidates.count()}
            )
            return redirect("screening:list", pk=clist.pk)
    return render(
        request,
        "screening/import.html",
        {"form": form, "title": _("Import candidate list")},
        status=400 if form.is_bound else 200,
    )


@bawaslu_required
def import_registry_view(request: HttpRequest) -> HttpResponse:
    """Import a registry file; a bad file is refused whole with its offending rows."""
    form = RegistryImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            registry = import_registry(
                actor=request.user,
                name=form.cleaned_data["name"],
                filename=upload.name,
                data=upload.read(),
            )
        except DomainError as err:
            _refused(request, form, err)
        else:
            messages.success(
                request, _("%(n)d registry people imported.") % {"n": registry.people.count()}
            )
            return redirect("screening:index")
    return render(
        request,
        "screening/import.html",
        {"form": form, "title": _("Import registry")},
        status=400 if form.is_bound else 200,
    )


@bawaslu_required
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One list: candidates with status (NIK masked), the latest run, exports and the letter."""
    clist = access_list(request.user, pk)
    status = request.GET.get("status", "")
    candidates = clist.candidates.all()
    if status:
        candidates = candidates.filter(status=status)
    page = Paginator(candidates, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "screening/list.html",
        {
            "clist": clist,
            "candidates": page,
            "query": f"status={status}&" if status else "",
            "status": status,
            "statuses": CandidateStatus.choices,
            "run": clist.runs.first(),
            "deadline": selectors.scrutiny_deadline(clist),
            "without_proof": selectors.without_proof(clist).count(),
        },
    )


@bawaslu_required
@require_POST
def start_run_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue a screening run of the list (runs in the background worker)."""
    clist = access_list(request.user, pk)
    try:
        start_run(actor=request.user, candidate_list=clist)
        messages.success(request, _("Screening queued; the page shows its progress."))
    except DomainError as err:
        messages.error(request, str(err.message))
    return redirect("screening:list", pk=clist.pk)


@bawaslu_required
def run_progress(request: HttpRequest, pk: int) -> JsonResponse:
    """Progress of the latest run of a list (polled by the list page)."""
    run = access_list(request.user, pk).runs.first()
    if run is None:
        return JsonResponse({"status": None})
    return JsonResponse(
        {
            "status": run.status,
            "progress": run.progress,
            "stage": run.stage,
            "counts": run.counts,
            "error": run.error,
        }
    )


@bawaslu_required
def review_queue_view(request: HttpRequest) -> HttpResponse:
    """Pending ``review`` pairs of the user's area, strongest first."""
    pairs = list(selectors.review_queue(request.user)[:200])
    # Candidates with more than one registry person in doubt: confirm one, reject the others.
    per_candidate = collections.Counter(p.candidate_id for p in pairs)
    several = {cid for cid, n in per_candidate.items() if n > 1}
    return render(
        request,
        "screening/review_queue.html",
        {"pairs": pairs, "several": several, "form": ReviewForm()},
    )


def _review(request: HttpRequest, pk: int, access: Any, service: Any, back: str) -> HttpResponse:
    access(request.user, pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(
                actor=request.user,
                pair_id=pk,
                confirmed=form.cleaned_data["verdict"] == "confirm",
                note=form.cleaned_data["note"],
            )
        except DomainError as err:
            messages.error(request, str(err.message))
        else:
            messages.success(request, _("Review saved."))
    elif request.method == "POST":
        messages.error(request, _("Choose a verdict and write a note."))
    return redirect(back)


@bawaslu_required
@require_POST
def review_match_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or reject a candidate–registry pair."""
    return _review(request, pk, access_match, review_match, "screening:review_queue")


@bawaslu_required
def duplicates_view(request: HttpRequest) -> HttpResponse:
    """Pending double-candidacy pairs of the user's area."""
    return render(
        request,
        "screening/duplicates.html",
        {"pairs": selectors.duplicate_queue(request.user)[:200], "form": ReviewForm()},
    )


@bawaslu_required
@require_POST
def review_duplicate_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or reject a double-candidacy pair."""
    access_duplicate(request.user, pk)
    return _review(request, pk, access_duplicate, review_duplicate, "screening:duplicates")


@bawaslu_required
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One candidate: flagged pairs with reasons, proofs and the form to attach one."""
    candidate = access_candidate(request.user, pk)
    form = ProofForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attach_proof(
                actor=request.user,
                candidate_id=candidate.pk,
                kind=form.cleaned_data["kind"],
                document=form.cleaned_data["document"],
                reference=form.cleaned_data["reference"],
            )
        except DomainError as err:
            _refused(request, form, err)
        else:
            messages.success(request, _("Document attached."))
            return redirect("screening:candidate", pk=candidate.pk)
    return render(
        request,
        "screening/candidate.html",
        {
            "candidate": candidate,
            "form": form,
            "matches": candidate.matches.select_related("person__registry"),
            "proofs": candidate.proofs.all(),
            "deadline": selectors.scrutiny_deadline(candidate.candidate_list),
            "ruling_form": LegalRulingForm() if may_rule(request.user) else None,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@bawaslu_required
@require_POST
def legal_ruling_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a commissioner's legal ruling on a candidate held for legal review."""
    candidate = access_candidate(request.user, pk)
    form = LegalRulingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a ruling and write its basis."))
    else:
        try:
            record_legal_ruling(
                actor=request.user,
                candidate_id=candidate.pk,
                ruling=form.cleaned_data["ruling"],
                basis=form.cleaned_data["basis"],
            )
        except DomainError as err:
            messages.error(request, str(err.message))
        else:
            messages.success(request, _("Legal ruling recorded."))
    return redirect("screening:candidate", pk=candidate.pk)


@bawaslu_required
def export_list(request: HttpRequest, pk: int) -> HttpResponse:
    """XLSX of a list's candidates (NIK masked) and flagged pairs."""
    return exports.list_workbook(access_list(request.user, pk))


@bawaslu_required
def letter_to_kpu(request: HttpRequest, pk: int) -> HttpResponse:
    """PDF letter to KPU listing the list's candidates without proof of resignation."""
    return exports.letter(access_list(request.user, pk), request.user)
