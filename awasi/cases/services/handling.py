"""Moving a case through its lifecycle: registration, clarification, plenary, routing, merge."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.cases import lifecycle, numbering
from awasi.cases.access import can_handle, role_of
from awasi.cases.choices import (
    ROUTE_OF_OUTCOME,
    CaseStatus,
    FollowUpStatus,
    Recipient,
    ViolationType,
)
from awasi.cases.lifecycle import Action
from awasi.cases.models import Case, CaseAlias, Decision, NumberSequence, Referral, StatusChange
from awasi.cases.services.clocks import start_deadline, start_if_ruled, stop_if_running
from awasi.cases.services.notices import schedule_reporter_notice
from awasi.core import audit
from awasi.core.audit import snapshot
from awasi.core.concurrency import bump_version
from awasi.core.errors import DomainError
from awasi.regions.timezones import zone_for

TRACKED = ["status", "outcome", "violation_type", "number", "is_extended", "merged_into_id"]
HANDLING_STEPS = ("follow_up", "follow_up_extended")


def _facts(case: Case) -> lifecycle.Facts:
    return lifecycle.Facts(
        state=lifecycle.State(case.status),
        regime=lifecycle.Regime(case.election.regime),
        origin=lifecycle.Origin(case.origin),
        is_extended=case.is_extended,
    )


def _move(
    case: Case,
    action: Action,
    *,
    actor: Any,
    expected_version: int | None,
    outcome: str | None = None,
    public_note: str = "",
    internal_note: str = "",
    at: datetime | None = None,
    **changes: Any,
) -> Case:
    """Check the move, lock the version, apply it, write history and audit (caller is atomic)."""
    facts = _facts(case)
    try:
        target = lifecycle.check(
            facts, action, outcome=lifecycle.Outcome(outcome) if outcome else None
        )
    except lifecycle.TransitionRefused as refused:
        message = _("This action is not possible now: %s") % refused
        raise DomainError(message, code=refused.code) from refused
    if not can_handle(actor) or not lifecycle.may_take(facts, action, role_of(actor)):
        raise DomainError(_("Your role may not take this action."), code="forbidden")
    bump_version(case, expected_version)
    before = snapshot(case, TRACKED)
    previous = case.status
    case.status = target
    for name, value in changes.items():
        setattr(case, name, value)
    case.save()
    change = StatusChange.objects.create(
        case=case,
        from_status=previous,
        to_status=target,
        at=at or timezone.now(),
        actor=actor,
        public_note=public_note,
        internal_note=internal_note,
    )
    if public_note:
        schedule_reporter_notice(change)
    audit.record(
        actor=actor, action=f"cases.{action}", target=case, before=before,
        after=snapshot(case, TRACKED),
    )  # fmt: skip
    return case


@transaction.atomic
def start_review(*, case: Case, actor: Any, expected_version: int | None) -> Case:
    """Begin the initial review (*kajian awal*, Perbawaslu 7/2022 Pasal 15 ayat (1))."""
    return _move(
        case, Action.START_REVIEW, actor=actor, expected_version=expected_version,
        public_note=_("Your report is under initial review (kajian awal)."),
    )  # fmt: skip


def _next_number(case: Case, at: datetime) -> str:
    issuer = case.organisation.code if case.organisation_id else case.region_id
    level = case.organisation.level if case.organisation_id else "regency"
    region_code = case.organisation.region_id if case.organisation_id else case.region_id
    local = at.astimezone(zone_for(case.region_id)).date()
    sequence, _ = NumberSequence.objects.select_for_update().get_or_create(
        issuer=issuer, origin=case.origin, year=local.year
    )
    sequence.last += 1
    sequence.save(update_fields=["last"])
    parts = numbering.NumberParts(
        sequence.last, case.origin, case.election.regime, level, region_code or "", local
    )
    template = getattr(settings, "CASES_NUMBER_TEMPLATE", numbering.DEFAULT_TEMPLATE)
    return numbering.format_number(parts, template)


@transaction.atomic
def register_case(
    *,
    case: Case,
    actor: Any,
    expected_version: int | None,
    violation_type: str,
    at: datetime | None = None,
) -> Case:
    """Register a case that meets the formal and material requirements: it gets its number and
    the follow-up clock starts (UU 7/2017 Pasal 454 ayat (7)); an administrative case also
    starts the 14-working-day decision clock (Pasal 461)."""
    if violation_type not in ViolationType.values or violation_type == ViolationType.NOT_VIOLATION:
        raise DomainError(
            _("Choose the suspected type of violation."),
            details={"violation_type": _("This field is required.")},
        )
    at = at or timezone.now()
    _move(
        case, Action.REGISTER, actor=actor, expected_version=expected_version, at=at,
        public_note=_("Your report was registered."), number=_next_number(case, at),
        registered_at=at, violation_type=violation_type,
    )  # fmt: skip
    stop_if_running(case=case, step="initial_review", stopped_at=at, actor=actor)
    start_deadline(case=case, step="follow_up", started_at=at, actor=actor)
    if violation_type == ViolationType.ADMINISTRATIVE:
        start_if_ruled(case=case, step="administrative_decision", started_at=at, actor=actor)
    return case


def _need(text: str, field: str) -> str:
    if not text.strip():
        raise DomainError(
            _("Please correct the errors below."), details={field: _("This field is required.")}
        )
    return text.strip()


@transaction.atomic
def reject_case(*, case: Case, actor: Any, expected_version: int | None, reasons: str) -> Case:
    """Not registered: formal or material requirements not met (Perbawaslu 7/2022 Pasal 15)."""
    reasons = _need(reasons, "reasons")
    at = timezone.now()
    _move(
        case, Action.REJECT, actor=actor, expected_version=expected_version, at=at,
        public_note=_("Your report does not meet the requirements: %s") % reasons,
        rejection_reasons=reasons,
    )  # fmt: skip
    stop_if_running(case=case, step="initial_review", stopped_at=at, actor=actor)
    return case


@transaction.atomic
def time_bar_case(*, case: Case, actor: Any, expected_version: int | None, reasons: str) -> Case:
    """Time-barred (*daluwarsa*): filed after the limit of UU 7/2017 Pasal 454 ayat (6)."""
    reasons = _need(reasons, "reasons")
    at = timezone.now()
    _move(
        case, Action.TIME_BAR, actor=actor, expected_version=expected_version, at=at,
        public_note=_("Your report was filed after the legal time limit: %s") % reasons,
        rejection_reasons=reasons,
    )  # fmt: skip
    stop_if_running(case=case, step="initial_review", stopped_at=at, actor=actor)
    return case


@transaction.atomic
def start_clarification(*, case: Case, actor: Any, expected_version: int | None) -> Case:
    """Clarify the reporter, witnesses, experts and reported party."""
    return _move(
        case, Action.START_CLARIFICATION, actor=actor, expected_version=expected_version,
        public_note=_("Bawaslu is clarifying the report with the parties."),
    )  # fmt: skip


@transaction.atomic
def extend_case(*, case: Case, actor: Any, expected_version: int | None, reasons: str) -> Case:
    """More information needed: the period becomes 14 working days from registration
    (UU 7/2017 Pasal 454 ayat (8)); the 7-day clock is closed as superseded."""
    reasons = _need(reasons, "reasons")
    at = timezone.now()
    _move(
        case, Action.EXTEND, actor=actor, expected_version=expected_version, at=at,
        internal_note=reasons, is_extended=True,
        public_note=_("Bawaslu needs more information; the handling period was extended."),
    )  # fmt: skip
    stop_if_running(case=case, step="follow_up", stopped_at=at, actor=actor)
    start_deadline(
        case=case, step="follow_up_extended", started_at=case.registered_at or at, actor=actor,
        note=reasons[:300],
    )  # fmt: skip
    return case


@transaction.atomic
def submit_to_plenary(*, case: Case, actor: Any, expected_version: int | None) -> Case:
    """Put the case before the commissioners' plenary meeting."""
    return _move(
        case, Action.SUBMIT_TO_PLENARY, actor=actor, expected_version=expected_version,
        public_note=_("Your report will be decided in a plenary meeting."),
    )  # fmt: skip


@transaction.atomic
def decide_case(
    *,
    case: Case,
    actor: Any,
    expected_version: int | None,
    outcome: str,
    summary: str,
    recipient_name: str = "",
) -> Case:
    """The plenary decision (UU 7/2017 Pasal 455): route by outcome; an election crime is
    forwarded to Sentra Gakkumdu (Pasal 476), which opens its joint file from here."""
    if outcome not in ViolationType.values:
        raise DomainError(
            _("Choose an outcome."), details={"outcome": _("This field is required.")}
        )
    summary = _need(summary, "summary")
    at = timezone.now()
    _move(
        case, Action.DECIDE, actor=actor, expected_version=expected_version, at=at,
        outcome=outcome, public_note=_public_outcome(outcome),
        decided_at=at, is_forwarded_to_gakkumdu=outcome == ViolationType.CRIME,
    )  # fmt: skip
    case.outcome = outcome
    case.save(update_fields=["outcome"])
    Decision.objects.create(
        case=case, outcome=outcome, decided_at=at, summary=summary, decided_by=actor
    )
    for step in HANDLING_STEPS:
        stop_if_running(case=case, step=step, stopped_at=at, actor=actor)
    if case.status == CaseStatus.FORWARDED:
        _refer(case, ROUTE_OF_OUTCOME[ViolationType(outcome)], recipient_name, at, actor)
    return case


def _public_outcome(outcome: str) -> str:
    return {
        ViolationType.ADMINISTRATIVE: _("Decided: administrative violation."),
        ViolationType.ETHICS: _("Decided: code-of-ethics violation, forwarded to DKPP."),
        ViolationType.ETHICS_AD_HOC: _("Decided: ethics violation by ad hoc supervisors."),
        ViolationType.CRIME: _("Decided: alleged election crime, forwarded to Sentra Gakkumdu."),
        ViolationType.OTHER_LAW: _("Decided: violation of other laws, forwarded to the agency."),
        ViolationType.NOT_VIOLATION: _("Decided: not a violation. The case is closed."),
    }[ViolationType(outcome)]


def _refer(case: Case, recipient: str, name: str, at: datetime, actor: Any) -> Referral:
    referral = Referral.objects.create(
        case=case, recipient=recipient, recipient_name=name.strip(), sent_at=at
    )
    audit.record(
        actor=actor, action="cases.referral.send", target=case,
        data={"recipient": recipient, "name": name},
    )  # fmt: skip
    return referral


@transaction.atomic
def decide_administrative(
    *, case: Case, actor: Any, expected_version: int | None, summary: str, recipient_name: str = ""
) -> Case:
    """Bawaslu's decision after the administrative examination (UU 7/2017 Pasal 461); KPU must
    follow it up within the kpu_follow_up rule (Pasal 462), which starts now."""
    summary = _need(summary, "summary")
    at = timezone.now()
    _move(
        case, Action.DECIDE_ADMINISTRATIVE, actor=actor, expected_version=expected_version,
        at=at, public_note=_("Bawaslu decided the administrative violation; sent to KPU."),
    )  # fmt: skip
    Decision.objects.create(
        case=case, outcome=ViolationType.ADMINISTRATIVE, is_administrative=True, decided_at=at,
        summary=summary, decided_by=actor,
    )  # fmt: skip
    stop_if_running(case=case, step="administrative_decision", stopped_at=at, actor=actor)
    _refer(case, Recipient.KPU, recipient_name or "KPU", at, actor)
    start_if_ruled(case=case, step="kpu_follow_up", started_at=at, actor=actor)
    return case


@transaction.atomic
def record_follow_up(
    *, referral: Referral, actor: Any, status: str, note: str, at: datetime | None = None
) -> Referral:
    """What the recipient did with a referral (KPU, BKN/PPK follow-up is tracked: DEEP 2023
    found many KASN recommendations never followed up)."""
    if status not in (FollowUpStatus.FOLLOWED_UP, FollowUpStatus.NOT_FOLLOWED_UP):
        raise DomainError(_("Choose what the recipient did."), details={"status": "required"})
    if not can_handle(actor):
        raise DomainError(_("Your role may not take this action."), code="forbidden")
    at = at or timezone.now()
    referral.follow_up_status, referral.followed_up_at = status, at
    referral.follow_up_note = note.strip()
    referral.save(update_fields=["follow_up_status", "followed_up_at", "follow_up_note"])
    if referral.recipient == Recipient.KPU:
        stop_if_running(case=referral.case, step="kpu_follow_up", stopped_at=at, actor=actor)
    audit.record(
        actor=actor, action="cases.referral.follow_up", target=referral.case,
        data={"referral": referral.pk, "status": status, "note": note},
    )  # fmt: skip
    return referral


@transaction.atomic
def close_case(*, case: Case, actor: Any, expected_version: int | None) -> Case:
    """Close a forwarded case once its routing is done."""
    return _move(
        case, Action.CLOSE, actor=actor, expected_version=expected_version,
        public_note=_("Handling of your report is complete."),
    )  # fmt: skip


@transaction.atomic
def merge_case(*, case: Case, into: Case, actor: Any, expected_version: int | None) -> Case:
    """Merge a duplicate into another case; its number and tracking code stay as aliases."""
    if into.pk == case.pk or into.status == CaseStatus.MERGED:
        raise DomainError(_("Choose another, open case to merge into."), code="bad_merge")
    if into.election_id != case.election_id:
        raise DomainError(_("Cases of different elections cannot be merged."), code="bad_merge")
    at = timezone.now()
    _move(
        case, Action.MERGE, actor=actor, expected_version=expected_version, at=at,
        merged_into=into,
        public_note=_("Your report was merged with case %s, which covers the same event.")
        % into.label,
    )  # fmt: skip
    for alias in {case.number, case.tracking_code} - {""}:
        CaseAlias.objects.create(case=into, alias=alias)
    for clock in case.deadlines.filter(stopped_at__isnull=True):
        stop_if_running(case=case, step=clock.step, stopped_at=at, actor=actor)
    return case
