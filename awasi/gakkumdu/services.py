"""Use cases that change joint files: open, record a step, discussions, requests for approval.

Every service validates first, then writes in one transaction with its audit event (naming the
agency). The chain rules themselves live in the pure ``awasi.gakkumdu.chain``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.core.audit import record
from awasi.core.concurrency import bump_version
from awasi.core.errors import DomainError
from awasi.gakkumdu import chain, clocks
from awasi.gakkumdu.choices import FileStage, RequestStatus, VerdictOutcome
from awasi.gakkumdu.models import (
    ClosureRequest,
    Discussion,
    DiscussionView,
    FileEvent,
    GakkumduUnit,
    JointFile,
)
from awasi.gakkumdu.parties import acting_party, check_bawaslu_of_file
from awasi.gakkumdu.placement import hard_date_for, police_for

FILE_FIELDS = (
    "stage",
    "court_case_number",
    "appeal_case_number",
    "first_verdict",
    "appeal_verdict",
    "closing_reason",
    "version",
)


def _domain(error: chain.ChainError) -> DomainError:
    messages = {
        "out_of_order": _("This step cannot be recorded at the file's current stage."),
        "wrong_party": _("This step is recorded by another agency."),
        "reason_required": _("This step needs a reason."),
        "future_event": _("A step cannot be recorded before it happens."),
        "before_previous": _("A step cannot happen before the previous step of the file."),
        "backdating_reason_required": _("A backdated step needs a reason for the backdating."),
        "naive_time": _("The time must include a time zone."),
    }
    return DomainError(messages.get(error.code, str(error)), code=error.code)


@transaction.atomic
def open_joint_file(
    *,
    unit: GakkumduUnit,
    election: Any,
    region: Any,
    title: str,
    actor: Any,
    case: Any = None,
    summary: str = "",
    alleged_articles: str = "",
    affects_results: bool = False,
    opened_at: datetime | None = None,
    counting_variant: str = "",
    is_synthetic: bool = False,
) -> JointFile:
    """Open a joint file in ``unit`` for an alleged election crime (Bawaslu of the unit's area)."""
    # second precision: the times people type back into forms have no microseconds
    opened_at = opened_at or timezone.now().replace(microsecond=0)
    if not title.strip():
        raise DomainError(_("A joint file needs a title."), code="title_required")
    check_bawaslu_of_file(actor, unit.region_id)
    if not (region.code == unit.region_id or region.code.startswith(unit.region_id + ".")):
        raise DomainError(_("The place lies outside the Gakkumdu unit's area."), code="region")
    if counting_variant not in ("", "working_days", "calendar_days"):
        raise DomainError(_("Unknown day counting."), code="counting_variant")
    if election.regime == "pilkada" and not counting_variant:
        raise DomainError(
            _("Pilkada sources conflict on day counting: choose working or calendar days."),
            code="counting_variant_required",
        )
    file = JointFile(
        number=_next_number(unit, opened_at),
        counting_variant=counting_variant,
        unit=unit,
        election=election,
        region=region,
        police=police_for(unit, region),
        prosecutor=unit.prosecutor,
        title=title.strip(),
        summary=summary,
        alleged_articles=alleged_articles,
        stage=FileStage.OPENED,
        stage_changed_at=opened_at,
        affects_results=affects_results,
        hard_date=hard_date_for(election) if affects_results else None,
        opened_by=actor,
        is_synthetic=is_synthetic,
    )
    clocks.attach_case(file, case)
    file.save()
    clocks.start(file, chain.OPENING_STARTS, started_at=opened_at, actor=actor)
    record(
        actor=actor,
        action="gakkumdu.file.open",
        target=file,
        after={"unit": unit.code, "police": file.police.code, "case": file.case_ref},
        data={"agency": "bawaslu"},
    )
    return file


def _next_number(unit: GakkumduUnit, at: datetime) -> str:
    year = timezone.localtime(at).year
    prefix = f"GKD/{unit.region_id}/{year}/"
    count = JointFile.objects.filter(number__startswith=prefix).count()
    return f"{prefix}{count + 1:04d}"


def _previous_at(file: JointFile) -> datetime:
    last = file.events.order_by("-occurred_at").values_list("occurred_at", flat=True).first()
    return last or file.stage_changed_at


def _plan(
    file: JointFile,
    event: chain.Event,
    party: chain.Party,
    *,
    occurred_at: datetime,
    note: str,
    backdating_reason: str,
) -> tuple[chain.Transition, bool]:
    moment = chain.Moment(
        occurred_at=occurred_at,
        recorded_at=timezone.now(),
        previous_at=_previous_at(file),
        backdating_reason=backdating_reason,
    )
    try:
        transition = chain.plan(
            chain.Stage(file.stage), event, party=party, moment=moment, reason=note
        )
        return transition, chain.check_moment(moment)
    except chain.ChainError as error:
        raise _domain(error) from error


def record_step(
    *,
    file: JointFile,
    event: str,
    actor: Any,
    occurred_at: datetime,
    expected_version: int | None,
    note: str = "",
    backdating_reason: str = "",
    details: dict[str, Any] | None = None,
) -> FileEvent:
    """Record one step of the chain by the agency that owns it; start and stop its clocks.

    Closing steps that Bawaslu must approve (SP3, stop of prosecution) go through
    ``request_closure`` instead. A stale ``expected_version`` is a conflict, never a lost update.
    """
    kind = chain.Event(event)
    if any(t.needs_approval for t in chain.ALL_TRANSITIONS if t.event is kind):
        raise DomainError(
            _("This step needs Bawaslu's approval: file a request."), code="needs_approval"
        )
    party = acting_party(actor, file)
    return _apply(
        file=file,
        event=kind,
        party=party,
        actor=actor,
        occurred_at=occurred_at,
        expected_version=expected_version,
        note=note,
        backdating_reason=backdating_reason,
        details=details or {},
    )


@transaction.atomic
def _apply(
    *,
    file: JointFile,
    event: chain.Event,
    party: chain.Party,
    actor: Any,
    occurred_at: datetime,
    expected_version: int | None,
    note: str,
    backdating_reason: str,
    details: dict[str, Any],
    approved_by: Any = None,
) -> FileEvent:
    file = JointFile.objects.select_for_update().select_related("unit").get(pk=file.pk)
    transition, backdated = _plan(
        file, event, party, occurred_at=occurred_at, note=note, backdating_reason=backdating_reason
    )
    before = {f: getattr(file, f) for f in FILE_FIELDS}
    _apply_details(file, transition, details, occurred_at)
    bump_version(file, expected_version)
    file.stage = transition.target.value
    file.stage_changed_at = occurred_at
    if transition.needs_reason and transition.target in chain.TERMINAL_STAGES:
        file.closing_reason = note
    file.save()
    step = FileEvent.objects.create(
        file=file,
        kind=event.value,
        from_stage=before["stage"],
        to_stage=file.stage,
        agency=party.value,
        organisation=getattr(actor, "organisation", None),
        actor=actor,
        occurred_at=occurred_at,
        recorded_at=timezone.now(),
        is_backdated=backdated,
        backdating_reason=backdating_reason if backdated else "",
        note=note,
    )
    clocks.stop(file, transition.stops, stopped_at=occurred_at, actor=actor)
    clocks.start(file, transition.starts, started_at=occurred_at, actor=actor)
    record(
        actor=actor,
        action=f"gakkumdu.step.{event.value}",
        target=file,
        before=before,
        after={f: getattr(file, f) for f in FILE_FIELDS},
        data={
            "agency": party.value,
            "occurred_at": occurred_at.isoformat(),
            "backdated": backdated,
            "backdating_reason": step.backdating_reason,
            "approved_by": getattr(approved_by, "username", None),
            "note": note,
        },
    )
    return step


def _apply_details(
    file: JointFile, transition: chain.Transition, details: dict[str, Any], at: datetime
) -> None:
    """Per-step data the chain needs: court numbers, outcomes; the appeal window for execution."""
    event = transition.event
    if event is chain.Event.TRANSFER_TO_COURT:
        file.court_case_number = _required(details, "court_case_number", _("court case number"))
    elif event is chain.Event.READ_VERDICT:
        file.first_verdict = _outcome(details)
    elif event is chain.Event.FORWARD_APPEAL:
        file.appeal_case_number = str(details.get("appeal_case_number", "")).strip()
    elif event is chain.Event.DECIDE_APPEAL:
        file.appeal_verdict = _outcome(details)
    elif event is chain.Event.EXECUTE_VERDICT and file.stage == FileStage.VERDICT_DELIVERED:
        if clocks.is_running_past(file, "appeal_filing", at):
            raise DomainError(
                _(
                    "The appeal period is still open; a first-instance verdict is executed only "
                    "once it is final."
                ),
                code="appeal_period_open",
            )


def _required(details: dict[str, Any], key: str, label: str) -> str:
    value = str(details.get(key, "")).strip()
    if not value:
        raise DomainError(
            _("%(field)s is required for this step.") % {"field": label}, code=f"{key}_required"
        )
    return value


def _outcome(details: dict[str, Any]) -> str:
    value = str(details.get("outcome", ""))
    if value not in VerdictOutcome.values or not value:
        raise DomainError(_("Choose the outcome of the verdict."), code="outcome_required")
    return value


def record_discussion(
    *,
    file: JointFile,
    number: int,
    held_at: datetime,
    conclusion: str,
    actor: Any,
    expected_version: int | None,
    place: str = "",
    minutes: str = "",
    views: dict[str, tuple[str, str]] | None = None,
    backdating_reason: str = "",
) -> Discussion:
    """Record pembahasan ``number`` (1-3) with each agency's view (Perbawaslu 3/2023).

    Each agency's attendance and view is given as ``views[agency] = (attendees, view)``.
    """
    event = {
        1: chain.Event.FIRST_DISCUSSION,
        2: chain.Event.SECOND_DISCUSSION,
        3: chain.Event.THIRD_DISCUSSION,
    }.get(number)
    if event is None:
        raise DomainError(_("A discussion is numbered 1, 2 or 3."), code="discussion_number")
    if not conclusion.strip():
        raise DomainError(_("A discussion needs its conclusion."), code="conclusion_required")
    with transaction.atomic():
        record_step(
            file=file,
            event=event.value,
            actor=actor,
            occurred_at=held_at,
            expected_version=expected_version,
            note=conclusion,
            backdating_reason=backdating_reason,
        )
        discussion = Discussion.objects.create(
            file=file,
            number=number,
            held_at=held_at,
            place=place,
            conclusion=conclusion,
            minutes=minutes,
        )
        for agency, (attendees, view) in (views or {}).items():
            DiscussionView.objects.create(
                discussion=discussion, agency=chain.Party(agency), attendees=attendees, view=view
            )
    file.refresh_from_db()
    return discussion


@transaction.atomic
def request_closure(
    *,
    file: JointFile,
    event: str,
    actor: Any,
    occurred_at: datetime,
    reason: str,
    backdating_reason: str = "",
) -> ClosureRequest:
    """File a police SP3 or prosecution stop for Bawaslu to approve; nothing changes yet."""
    kind = chain.Event(event)
    party = acting_party(actor, file)
    transition, _backdated = _plan(
        file, kind, party, occurred_at=occurred_at, note=reason, backdating_reason=backdating_reason
    )
    if not transition.needs_approval:
        raise DomainError(
            _("This step does not need approval; record it directly."), code="no_approval_needed"
        )
    try:
        with transaction.atomic():
            request = ClosureRequest.objects.create(
                file=file,
                kind=kind.value,
                agency=party.value,
                requested_by=actor,
                occurred_at=occurred_at,
                reason=reason,
                backdating_reason=backdating_reason,
            )
    except IntegrityError as error:
        raise DomainError(
            _("A request on this file is already waiting for Bawaslu."), code="request_pending"
        ) from error
    record(
        actor=actor,
        action="gakkumdu.request.file",
        target=file,
        data={"agency": party.value, "kind": kind.value, "reason": reason},
    )
    return request


@transaction.atomic
def decide_request(
    *,
    request: ClosureRequest,
    actor: Any,
    approve: bool,
    note: str = "",
    expected_version: int | None = None,
) -> ClosureRequest:
    """Bawaslu approves (the step is then recorded) or rejects a pending request."""
    request = (
        ClosureRequest.objects.select_for_update().select_related("file__unit").get(pk=request.pk)
    )
    if request.status != RequestStatus.PENDING:
        raise DomainError(_("This request was already decided."), code="request_decided")
    check_bawaslu_of_file(actor, request.file.region_id, unit_region=request.file.unit.region_id)
    if not approve and not note.strip():
        raise DomainError(_("A rejection needs a reason."), code="reason_required")
    if approve:
        _apply(
            file=request.file,
            event=chain.Event(request.kind),
            party=chain.Party(request.agency),
            actor=request.requested_by,
            occurred_at=request.occurred_at,
            expected_version=expected_version,
            note=request.reason,
            backdating_reason=request.backdating_reason,
            details={},
            approved_by=actor,
        )
    request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    request.decided_by, request.decided_at, request.decision_note = actor, timezone.now(), note
    request.save()
    record(
        actor=actor,
        action="gakkumdu.request.decide",
        target=request.file,
        data={"agency": "bawaslu", "request": request.pk, "status": request.status, "note": note},
    )
    return request
