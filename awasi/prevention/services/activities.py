"""Use cases for prevention activities: socialisation, joint patrols, appeals and their delivery."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.core.audit import record, snapshot
from awasi.core.errors import DomainError
from awasi.prevention.choices import (
    AddresseeKind,
    AppealKind,
    Audience,
    DeliveryStatus,
    Topic,
)
from awasi.prevention.models import Appeal, Patrol, PatrolTeamMember, Socialisation
from awasi.prevention.scopes import BAWASLU, BAWASLU_AND_POLICE
from awasi.prevention.services._common import require_recorder, require_text


def _check_choice(value: str, choices: Any, label: str) -> str:
    if value not in choices.values:
        raise DomainError(_("Choose a valid %(field)s.") % {"field": label}, code="choice")
    return value


def _common(actor: Any, region: Any, stage: Any, agencies: tuple[str, ...]) -> dict[str, Any]:
    require_recorder(actor, region.pk, agencies)
    if stage is None:
        raise DomainError(_("Choose the election stage."), code="stage")
    return {
        "region": region,
        "stage": stage,
        "organiser_id": actor.organisation_id,
        "created_by": actor,
    }


@transaction.atomic
def record_socialisation(
    *,
    actor: Any,
    region: Any,
    stage: Any,
    held_on: date,
    topic: str,
    title: str,
    audience: str,
    participants: int,
    place: str = "",
    notes: str = "",
    agreement: Any = None,
    is_synthetic: bool = False,
) -> Socialisation:
    """Record a socialisation session (e.g. on ASN neutrality) with its audience and attendance."""
    common = _common(actor, region, stage, BAWASLU)
    if participants < 0:
        raise DomainError(_("Participants cannot be negative."), code="participants")
    item = Socialisation.objects.create(
        **common,
        held_on=held_on,
        topic=_check_choice(topic, Topic, _("topic")),
        title=require_text(title, _("Title")),
        audience=_check_choice(audience, Audience, _("audience")),
        participants=participants,
        place=place.strip(),
        notes=notes.strip(),
        agreement=agreement,
        is_synthetic=is_synthetic,
    )
    record(
        actor=actor,
        action="prevention.socialisation.record",
        target=item,
        after=snapshot(item, ("region_id", "stage_id", "topic", "participants")),
    )
    return item


@transaction.atomic
def record_patrol(
    *,
    actor: Any,
    region: Any,
    stage: Any,
    area: str,
    starts_at: datetime,
    ends_at: datetime,
    team: Sequence[tuple[Any, int]],
    findings: str = "",
    agreement: Any = None,
    is_synthetic: bool = False,
) -> Patrol:
    """Record a joint patrol with the personnel each agency sent and what it found."""
    common = _common(actor, region, stage, BAWASLU_AND_POLICE)
    if ends_at < starts_at:
        raise DomainError(_("The patrol cannot end before it starts."), code="period")
    orgs = [org.pk for org, _n in team]
    if not team or len(set(orgs)) != len(orgs) or any(n < 1 for _o, n in team):
        raise DomainError(
            _("List each agency on the team once, with at least one person."), code="team"
        )
    patrol = Patrol.objects.create(
        **common,
        area=require_text(area, _("Area")),
        starts_at=starts_at,
        ends_at=ends_at,
        findings=findings.strip(),
        has_findings=bool(findings.strip()),
        agreement=agreement,
        is_synthetic=is_synthetic,
    )
    PatrolTeamMember.objects.bulk_create(
        PatrolTeamMember(patrol=patrol, organisation=org, personnel=n) for org, n in team
    )
    record(
        actor=actor,
        action="prevention.patrol.record",
        target=patrol,
        after=snapshot(patrol, ("region_id", "stage_id", "area", "has_findings")),
        data={"team": {str(org.pk): n for org, n in team}},
    )
    return patrol


@transaction.atomic
def record_appeal(
    *,
    actor: Any,
    region: Any,
    stage: Any,
    kind: str,
    number: str,
    addressee_kind: str,
    addressee: str,
    subject: str,
    sent_on: date,
    agreement: Any = None,
    is_synthetic: bool = False,
) -> Appeal:
    """Record an appeal or warning letter sent to a party, candidate or agency."""
    common = _common(actor, region, stage, BAWASLU)
    if sent_on > timezone.localdate():
        raise DomainError(_("The sending date cannot be in the future."), code="date")
    appeal = Appeal.objects.create(
        **common,
        kind=_check_choice(kind, AppealKind, _("kind")),
        number=require_text(number, _("Letter number")),
        addressee_kind=_check_choice(addressee_kind, AddresseeKind, _("addressee")),
        addressee=require_text(addressee, _("Addressee")),
        subject=require_text(subject, _("Subject")),
        sent_on=sent_on,
        agreement=agreement,
        is_synthetic=is_synthetic,
    )
    record(
        actor=actor,
        action="prevention.appeal.record",
        target=appeal,
        after=snapshot(appeal, ("region_id", "kind", "addressee", "sent_on")),
    )
    return appeal


@transaction.atomic
def record_appeal_delivery(
    *, actor: Any, appeal: Appeal, status: str, delivered_at: datetime, received_by: str = ""
) -> Appeal:
    """Record that a letter was delivered (with who received it) or refused/returned."""
    require_recorder(actor, appeal.region_id, BAWASLU)
    _check_choice(status, DeliveryStatus, _("delivery"))
    if status == DeliveryStatus.PENDING:
        raise DomainError(_("Choose delivered or refused."), code="choice")
    if delivered_at < timezone.make_aware(datetime.combine(appeal.sent_on, datetime.min.time())):
        raise DomainError(_("Delivery cannot precede sending."), code="date")
    if status == DeliveryStatus.DELIVERED:
        received_by = require_text(received_by, _("Received by"))
    before = snapshot(appeal, ("delivery_status", "delivered_at", "received_by"))
    appeal.delivery_status, appeal.delivered_at = status, delivered_at
    appeal.received_by = received_by.strip()
    appeal.save(update_fields=["delivery_status", "delivered_at", "received_by", "updated_at"])
    record(
        actor=actor,
        action="prevention.appeal.delivery",
        target=appeal,
        before=before,
        after=snapshot(appeal, ("delivery_status", "delivered_at", "received_by")),
    )
    return appeal
