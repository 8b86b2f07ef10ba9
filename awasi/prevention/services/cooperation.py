"""Use cases for agreements, coordination meetings and their commitments (action items)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.core.audit import record, snapshot
from awasi.core.concurrency import bump_version
from awasi.core.errors import DomainError
from awasi.prevention.choices import ActionStatus, AgreementStatus, MeetingKind
from awasi.prevention.models import ActionItem, Agreement, AgreementParty, Meeting
from awasi.prevention.scopes import (
    BAWASLU,
    BAWASLU_AND_POLICE,
    can_change_commitment,
    org_ids,
)
from awasi.prevention.services._common import checked_document, require_recorder, require_text

# Which status an action item may move to from each status. Done and cancelled are final: a
# commitment that turns out unfinished is recorded as a new action item, keeping the history honest.
ACTION_TRANSITIONS: dict[str, frozenset[str]] = {
    ActionStatus.OPEN: frozenset(
        {ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.CANCELLED}
    ),
    ActionStatus.IN_PROGRESS: frozenset(
        {ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.CANCELLED}
    ),
    ActionStatus.DONE: frozenset(),
    ActionStatus.CANCELLED: frozenset(),
}

ITEM_FIELDS = ("status", "evidence", "evidence_sha256", "completed_at", "due_on")


@dataclass(frozen=True)
class PartyInput:
    """One party of a new agreement."""

    organisation: Any
    obligations: str
    signatory: str = ""


def _check_parties(parties: Sequence[PartyInput]) -> None:
    if len(parties) < 2:
        raise DomainError(_("An agreement needs at least two parties."), code="parties")
    ids = [p.organisation.pk for p in parties]
    if len(set(ids)) != len(ids):
        raise DomainError(_("Each organisation can be a party only once."), code="parties")
    for party in parties:
        require_text(party.obligations, _("Obligations of %(org)s") % {"org": party.organisation})


@transaction.atomic
def create_agreement(
    *,
    actor: Any,
    title: str,
    scope: str,
    region: Any,
    starts_on: date,
    ends_on: date | None,
    parties: Sequence[PartyInput],
    number: str = "",
    is_synthetic: bool = False,
) -> Agreement:
    """Record a cooperation agreement (draft until signed) with each party's obligations."""
    require_recorder(actor, region.pk, BAWASLU)
    if ends_on is not None and ends_on < starts_on:
        raise DomainError(_("The agreement cannot end before it starts."), code="period")
    _check_parties(parties)
    agreement = Agreement.objects.create(
        title=require_text(title, _("Title")),
        scope=require_text(scope, _("Scope")),
        region=region,
        starts_on=starts_on,
        ends_on=ends_on,
        number=number.strip(),
        created_by=actor if actor.is_authenticated else None,
        is_synthetic=is_synthetic,
    )
    for p in parties:
        AgreementParty.objects.create(
            agreement=agreement,
            organisation=p.organisation,
            obligations=p.obligations.strip(),
            signatory=p.signatory.strip(),
        )
    record(
        actor=actor,
        action="prevention.agreement.create",
        target=agreement,
        after=snapshot(agreement, ("title", "region_id", "starts_on", "ends_on", "status")),
        data={"parties": [p.organisation.pk for p in parties]},
    )
    return agreement


@transaction.atomic
def sign_agreement(
    *,
    actor: Any,
    agreement: Agreement,
    signed_on: date,
    document: Any,
    expected_version: int | None,
) -> Agreement:
    """Store the signed document with its SHA-256 and put the agreement in force."""
    require_recorder(actor, agreement.region_id, BAWASLU)
    if agreement.status != AgreementStatus.DRAFT:
        raise DomainError(_("Only a draft agreement can be signed."), code="status")
    if signed_on > timezone.localdate():
        raise DomainError(_("The signing date cannot be in the future."), code="date")
    content, digest = checked_document(document)
    bump_version(agreement, expected_version)
    before = snapshot(agreement, ("status", "signed_on", "document_sha256"))
    agreement.document.save(content.name, content, save=False)
    agreement.document_sha256 = digest
    agreement.signed_on = signed_on
    agreement.status = AgreementStatus.IN_FORCE
    agreement.save(
        update_fields=["document", "document_sha256", "signed_on", "status", "updated_at"]
    )
    record(
        actor=actor,
        action="prevention.agreement.sign",
        target=agreement,
        before=before,
        after=snapshot(agreement, ("status", "signed_on", "document_sha256")),
    )
    return agreement


@transaction.atomic
def terminate_agreement(
    *,
    actor: Any,
    agreement: Agreement,
    terminated_on: date,
    reason: str,
    expected_version: int | None,
) -> Agreement:
    """End an agreement in force before its period is over (the parties agreed to, or a party
    withdrew), with the date and the reason; meetings and activities under it stay recorded."""
    require_recorder(actor, agreement.region_id, BAWASLU)
    if agreement.status != AgreementStatus.IN_FORCE:
        raise DomainError(_("Only an agreement in force can be terminated."), code="status")
    reason = require_text(reason, _("Reason"))
    if terminated_on > timezone.localdate():
        raise DomainError(_("The termination date cannot be in the future."), code="date")
    if agreement.signed_on and terminated_on < agreement.signed_on:
        raise DomainError(_("The termination date cannot be before the signing date."), code="date")
    bump_version(agreement, expected_version)
    fields = ("status", "terminated_on", "termination_reason")
    before = snapshot(agreement, fields)
    agreement.status = AgreementStatus.TERMINATED
    agreement.terminated_on, agreement.termination_reason = terminated_on, reason
    agreement.save(update_fields=[*fields, "updated_at"])
    record(
        actor=actor,
        action="prevention.agreement.terminate",
        target=agreement,
        before=before,
        after=snapshot(agreement, fields),
    )
    return agreement


def _can_run_meeting(actor: Any, meeting: Meeting) -> bool:
    return actor.is_superuser or meeting.convened_by_id in org_ids(actor)


@transaction.atomic
def record_meeting(
    *,
    actor: Any,
    title: str,
    region: Any,
    held_at: datetime,
    place: str,
    agenda: str,
    invited: Sequence[Any] = (),
    attending: Sequence[Any] = (),
    minutes: str = "",
    decisions: str = "",
    kind: str = MeetingKind.COORDINATION,
    stage: Any = None,
    agreement: Agreement | None = None,
    is_synthetic: bool = False,
) -> Meeting:
    """Record a coordination meeting convened by the actor's organisation."""
    require_recorder(actor, region.pk, BAWASLU_AND_POLICE)
    if actor.organisation_id is None:
        raise DomainError(_("Only a member of an organisation can convene a meeting."), code="org")
    if kind not in MeetingKind.values:
        raise DomainError(_("Unknown meeting kind."), code="kind")
    meeting = Meeting.objects.create(
        title=require_text(title, _("Title")),
        region=region,
        held_at=held_at,
        place=require_text(place, _("Place")),
        agenda=require_text(agenda, _("Agenda")),
        minutes=minutes.strip(),
        decisions=decisions.strip(),
        kind=kind,
        stage=stage,
        agreement=agreement,
        convened_by_id=actor.organisation_id,
        created_by=actor,
        is_synthetic=is_synthetic,
    )
    meeting.invited.set(invited)
    meeting.attending.set(attending)
    record(
        actor=actor,
        action="prevention.meeting.record",
        target=meeting,
        after=snapshot(meeting, ("title", "region_id", "held_at", "convened_by_id")),
        data={
            "invited": sorted(o.pk for o in invited),
            "attending": sorted(o.pk for o in attending),
        },
    )
    return meeting


@transaction.atomic
def add_action_item(
    *,
    actor: Any,
    meeting: Meeting,
    description: str,
    owner: Any,
    due_on: date,
    is_synthetic: bool = False,
) -> ActionItem:
    """Add a commitment to a meeting: what, which organisation owes it, by when."""
    if not _can_run_meeting(actor, meeting):
        raise DomainError(
            _("Only the organisation that convened the meeting adds its action items."),
            code="forbidden",
        )
    if due_on < timezone.localtime(meeting.held_at).date():
        raise DomainError(_("The due date cannot be before the meeting."), code="due_on")
    item = ActionItem.objects.create(
        meeting=meeting,
        description=require_text(description, _("Commitment")),
        owner=owner,
        due_on=due_on,
        is_synthetic=is_synthetic,
    )
    record(
        actor=actor,
        action="prevention.action_item.add",
        target=item,
        after=snapshot(item, ("meeting_id", "owner_id", "due_on", "status")),
    )
    return item


def _check_transition(item: ActionItem, status: str, evidence: str, has_file: bool) -> None:
    if status not in ActionStatus.values:
        raise DomainError(_("Unknown status."), code="status")
    if status != item.status and status not in ACTION_TRANSITIONS[item.status]:
        raise DomainError(
            _("A commitment that is %(status)s cannot be changed.")
            % {"status": item.get_status_display()},
            code="transition",
        )
    if status == ActionStatus.DONE and not (evidence.strip() or has_file or item.evidence):
        raise DomainError(
            _("Describe or attach the evidence that the commitment was done."), code="evidence"
        )
    if status == ActionStatus.CANCELLED and not evidence.strip():
        raise DomainError(_("Say why the commitment is cancelled."), code="evidence")


@transaction.atomic
def update_action_item(
    *,
    actor: Any,
    item: ActionItem,
    status: str,
    evidence: str = "",
    evidence_file: Any = None,
    expected_version: int | None,
) -> ActionItem:
    """Change a commitment's status and evidence; only the owner organisation may do it."""
    if not can_change_commitment(actor, item.owner_id):
        raise DomainError(
            _("Only the owner organisation can update this commitment."), code="forbidden"
        )
    _check_transition(item, status, evidence, evidence_file is not None)
    stored = checked_document(evidence_file) if evidence_file is not None else None
    bump_version(item, expected_version)
    before = snapshot(item, ITEM_FIELDS)
    if stored is not None:
        item.evidence_file.save(stored[0].name, stored[0], save=False)
        item.evidence_sha256 = stored[1]
    if evidence.strip():
        item.evidence = evidence.strip()
    if status == ActionStatus.DONE and item.status != ActionStatus.DONE:
        item.completed_at, item.completed_by = timezone.now(), actor
    item.status = status
    item.save()
    record(
        actor=actor,
        action="prevention.action_item.update",
        target=item,
        before=before,
        after=snapshot(item, ITEM_FIELDS),
    )
    return item
