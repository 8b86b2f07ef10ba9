"""Pages for agreements, coordination meetings and commitments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awasi.core import exports
from awasi.prevention import selectors
from awasi.prevention.access import access_action_item, access_agreement, access_meeting
from awasi.prevention.forms import (
    ActionItemForm,
    ActionItemUpdateForm,
    AgreementForm,
    MeetingForm,
    SignForm,
    TerminateForm,
)
from awasi.prevention.models import ActionItem, Agreement, Meeting, Patrol, Socialisation
from awasi.prevention.reminders import next_reminder_on
from awasi.prevention.scopes import (
    BAWASLU,
    BAWASLU_AND_POLICE,
    can_change_commitment,
    can_record_in,
    org_ids,
)
from awasi.prevention.services import cooperation as services
from awasi.prevention.services.reminders import configured_offsets
from awasi.prevention.views._helpers import form_page, picked, region_code_of, run_service


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    """Agreements the user may see."""
    agreements = Agreement.objects.visible_to(request.user).select_related("region")
    return render(
        request,
        "prevention/agreement_list.html",
        {
            "agreements": agreements.prefetch_related("parties__organisation"),
            "can_create": can_record_in(request.user, region_code_of(request), agencies=BAWASLU),
        },
    )


@login_required
def agreement_create(request: HttpRequest) -> HttpResponse:
    """Record a new agreement with each party's obligations."""
    form = AgreementForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        parties = [
            services.PartyInput(d[f"party_{i}"], d.get(f"obligations_{i}") or "")
            for i in (1, 2, 3)
            if d.get(f"party_{i}")
        ]
        agreement = run_service(
            request,
            form,
            lambda: services.create_agreement(
                actor=request.user,
                title=d["title"],
                scope=d["scope"],
                region=d["region"],
                starts_on=d["starts_on"],
                ends_on=d["ends_on"],
                parties=parties,
                number=d["number"],
            ),
            success=_("Agreement recorded."),
        )
        if agreement:
            return redirect("prevention:agreement", pk=agreement.pk)
    return form_page(
        request, form, title=_("New cooperation agreement"), back="prevention:agreements"
    )


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An agreement: parties and obligations, document, meetings and joint activities under it."""
    agreement = access_agreement(request.user, pk)
    form = SignForm(
        request.POST or None, request.FILES or None, initial={"version": agreement.version}
    )
    if request.method == "POST" and form.is_valid():
        done = run_service(
            request,
            form,
            lambda: services.sign_agreement(
                actor=request.user,
                agreement=agreement,
                signed_on=form.cleaned_data["signed_on"],
                document=form.cleaned_data["document"],
                expected_version=form.cleaned_data["version"],
            ),
            success=_("Signed document stored; the agreement is in force."),
        )
        if done:
            return redirect("prevention:agreement", pk=agreement.pk)
    user = request.user
    return render(
        request,
        "prevention/agreement_detail.html",
        {
            "agreement": agreement,
            "sign_form": form,
            "can_sign": agreement.status == "draft"
            and can_record_in(user, agreement.region_id, agencies=BAWASLU),
            "terminate_form": TerminateForm(initial={"version": agreement.version})
            if agreement.status == "in_force"
            and can_record_in(user, agreement.region_id, agencies=BAWASLU)
            else None,
            "meetings": Meeting.objects.visible_to(user).filter(agreement=agreement),
            "socialisations": Socialisation.objects.visible_to(user).filter(agreement=agreement),
            "patrols": Patrol.objects.visible_to(user).filter(agreement=agreement),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def agreement_terminate(request: HttpRequest, pk: int) -> HttpResponse:
    """End an agreement in force early, with the date and the reason."""
    agreement = access_agreement(request.user, pk)
    form = TerminateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the termination date and the reason."))
    else:
        run_service(
            request,
            form,
            lambda: services.terminate_agreement(
                actor=request.user,
                agreement=agreement,
                terminated_on=form.cleaned_data["terminated_on"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
            ),
            success=_("The agreement is terminated."),
        )
        for error in form.non_field_errors():
            messages.error(request, error)
    return redirect("prevention:agreement", pk=agreement.pk)


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Coordination meetings the user may see, with their open commitments counted."""
    meetings = picked(Meeting.objects.visible_to(request.user), request).select_related(
        "convened_by", "region"
    )
    return render(
        request,
        "prevention/meeting_list.html",
        {
            "meetings": meetings,
            "can_create": can_record_in(
                request.user, region_code_of(request), agencies=BAWASLU_AND_POLICE
            ),
        },
    )


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    """Record a coordination meeting convened by the user's organisation."""
    form = MeetingForm(request.POST or None, user=request.user)
    agreement_id = request.GET.get("agreement") or request.POST.get("agreement")
    agreement = access_agreement(request.user, agreement_id) if agreement_id else None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        meeting = run_service(
            request,
            form,
            lambda: services.record_meeting(
                actor=request.user,
                title=d["title"],
                kind=d["kind"],
                region=d["region"],
                stage=d["stage"],
                held_at=d["held_at"],
                place=d["place"],
                agenda=d["agenda"],
                minutes=d["minutes"],
                decisions=d["decisions"],
                invited=list(d["invited"]),
                attending=list(d["attending"]),
                agreement=agreement,
            ),
            success=_("Meeting recorded. Add its action items below."),
        )
        if meeting:
            return redirect("prevention:meeting", pk=meeting.pk)
    return form_page(request, form, title=_("New coordination meeting"), back="prevention:meetings")


def meeting_blocks(meeting: Meeting) -> list[tuple[Any, ...]]:
    """The minutes of a meeting with its commitments, as PDF blocks (for signing and filing)."""
    held = timezone.localtime(meeting.held_at).strftime("%d-%m-%Y %H:%M")
    names = ", ".join(o.name for o in meeting.attending.all()) or "—"
    items = [
        [i.description, i.owner.name, i.due_on, i.get_status_display(), i.evidence]
        for i in meeting.action_items.select_related("owner")
    ]
    return [
        ("p", f"{_('Held at')}: {held} — {meeting.place}"),
        ("p", f"{_('Convened by')}: {meeting.convened_by.name}"),
        ("p", f"{_('Attending')}: {names}"),
        ("h", _("Agenda")),
        ("p", meeting.agenda),
        ("h", _("Minutes")),
        ("p", meeting.minutes or "—"),
        ("h", _("Decisions")),
        ("p", meeting.decisions or "—"),
        ("h", _("Action items")),
        ("table", [_("Commitment"), _("Owner"), _("Due on"), _("Status"), _("Evidence")], items),
    ]


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting: agenda, attendance, minutes, decisions and its action items."""
    meeting = access_meeting(request.user, pk)
    user = request.user
    if request.GET.get("format") == "pdf":
        return exports.pdf_response(
            f"rapat-{meeting.pk}.pdf", meeting.title, meeting_blocks(meeting)
        )
    form = ActionItemForm(request.POST or None, user=user)
    can_add = user.is_superuser or meeting.convened_by_id in org_ids(user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        item = run_service(
            request,
            form,
            lambda: services.add_action_item(
                actor=user,
                meeting=meeting,
                description=d["description"],
                owner=d["owner"],
                due_on=d["due_on"],
            ),
            success=_("Action item added."),
        )
        if item:
            return redirect("prevention:meeting", pk=meeting.pk)
    items = meeting.action_items.select_related("owner")
    today = timezone.localdate()
    rows = [
        {
            "item": i,
            "can_change": can_change_commitment(user, i.owner_id),
            "overdue": i.is_open and i.due_on < today,
            "form": ActionItemUpdateForm(initial={"status": i.status, "version": i.version}),
        }
        for i in items
    ]
    return render(
        request,
        "prevention/meeting_detail.html",
        {
            "meeting": meeting,
            "rows": rows,
            "form": form,
            "can_add": can_add,
            "invited": meeting.invited.all(),
            "attending": meeting.attending.all(),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def action_item_update(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a commitment's status and evidence (owner organisation only)."""
    item = access_action_item(request.user, pk, for_change=True)
    form = ActionItemUpdateForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        done = run_service(
            request,
            form,
            lambda: services.update_action_item(
                actor=request.user,
                item=item,
                status=d["status"],
                evidence=d["evidence"],
                evidence_file=d["evidence_file"],
                expected_version=d["version"],
            ),
            success=_("Commitment updated."),
        )
        if done:
            return redirect(request.POST.get("next") or "prevention:my_commitments")
    return render(
        request, "prevention/action_item_update.html", {"item": item, "form": form}, status=400
    )


@login_required
def action_item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One commitment with its update form (for the owner) and its reminders."""
    item = access_action_item(request.user, pk)
    form = ActionItemUpdateForm(initial={"status": item.status, "version": item.version})
    return render(
        request,
        "prevention/action_item_update.html",
        {
            "item": item,
            "form": form,
            "can_change": can_change_commitment(request.user, item.owner_id),
            "next_reminder": next_reminder_on(
                item.due_on, timezone.localdate(), configured_offsets()
            )
            if item.is_open
            else None,
            "reminders": item.reminders.all(),
        },
    )


@login_required
def my_commitments(request: HttpRequest) -> HttpResponse:
    """The open commitments of the user's own organisation (the per-agency page)."""
    today = timezone.localdate()
    items = list(selectors.open_commitments_of(request.user))
    return render(
        request,
        "prevention/my_commitments.html",
        {
            "rows": [
                {
                    "item": i,
                    "overdue": i.due_on < today,
                    "form": ActionItemUpdateForm(
                        initial={"status": i.status, "version": i.version}
                    ),
                }
                for i in items
            ],
            "organisation": request.user.organisation,
        },
    )


@login_required
def commitments_overview(request: HttpRequest) -> HttpResponse:
    """Commitments across agencies by status; exportable."""
    today = timezone.localdate()
    rows = selectors.commitments_overview(request.user, today=today)
    status = request.GET.get("status", "")
    items = ActionItem.objects.visible_to(request.user).select_related("owner", "meeting")
    if status == "overdue":
        items = items.open().filter(due_on__lt=today)
    elif status:
        items = items.filter(status=status)
    header = [_("Owner"), _("Commitment"), _("Meeting"), _("Due on"), _("Status"), _("Evidence")]
    if request.GET.get("format") in ("csv", "xlsx"):
        data = [
            [
                i.owner.name,
                i.description,
                i.meeting.title,
                i.due_on,
                i.get_status_display(),
                i.evidence,
            ]
            for i in items
        ]
        if request.GET["format"] == "csv":
            return exports.csv_response("commitments.csv", header, data)
        return exports.xlsx_response("commitments.xlsx", {_("Commitments"): (header, data)})
    return render(
        request,
        "prevention/commitments_overview.html",
        {
            "rows": rows,
            "items": items[:200],
            "status": status,
            "today": today,
            "statuses": ActionItem._meta.get_field("status").choices,
        },
    )
