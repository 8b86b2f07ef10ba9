"""Officer work on a case that does not move its state: assignment, comments, clarification
invitations and minutes, delegation and take-over, viewing the reporter's identity."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.accounts.choices import Agency, OrgLevel
from awasi.accounts.scoping import can_see_region
from awasi.cases.access import can_handle
from awasi.cases.choices import PartyRole
from awasi.cases.models import Case, Clarification, Comment, Reporter
from awasi.core import audit
from awasi.core.concurrency import bump_version
from awasi.core.errors import DomainError
from awasi.regions.codes import in_subtree

LEVEL_RANK = {OrgLevel.NATIONAL: 0, OrgLevel.PROVINCE: 1, OrgLevel.REGENCY: 2, OrgLevel.DISTRICT: 3}


def _require_handler(actor: Any) -> None:
    if not can_handle(actor):
        raise DomainError(_("Your role may not take this action."), code="forbidden")


@transaction.atomic
def assign_case(*, case: Case, assignee: Any, actor: Any, expected_version: int | None) -> Case:
    """Give the case to an officer of Bawaslu who can see it."""
    _require_handler(actor)
    if assignee is not None and not (
        can_handle(assignee) and can_see_region(assignee, case.region_id)
    ):
        raise DomainError(
            _("That person cannot handle cases in this region."), details={"assignee": "invalid"}
        )
    bump_version(case, expected_version)
    before = {"assignee": case.assignee_id}
    case.assignee = assignee
    case.save(update_fields=["assignee", "updated_at"])
    audit.record(
        actor=actor, action="cases.assign", target=case, before=before,
        after={"assignee": case.assignee_id},
    )  # fmt: skip
    return case


@transaction.atomic
def add_comment(*, case: Case, actor: Any, body: str) -> Comment:
    """An internal comment (never shown to the reporter)."""
    _require_handler(actor)
    if not body.strip():
        raise DomainError(
            _("Write a comment first."), details={"body": _("This field is required.")}
        )
    comment = Comment.objects.create(case=case, author=actor, body=body.strip())
    audit.record(actor=actor, action="cases.comment", target=case, data={"comment": comment.pk})
    return comment


@transaction.atomic
def invite_for_clarification(
    *, case: Case, actor: Any, party_role: str, person_name: str, scheduled_at: datetime, place: str
) -> Clarification:
    """Record an invitation to a clarification meeting."""
    _require_handler(actor)
    errors = {}
    if party_role not in PartyRole.values:
        errors["party_role"] = _("This field is required.")
    if not person_name.strip():
        errors["person_name"] = _("This field is required.")
    if not place.strip():
        errors["place"] = _("This field is required.")
    if errors:
        raise DomainError(_("Please correct the errors below."), details=errors)
    item = Clarification.objects.create(
        case=case, party_role=party_role, person_name=person_name.strip(),
        scheduled_at=scheduled_at, place=place.strip(),
    )  # fmt: skip
    audit.record(
        actor=actor, action="cases.clarification.invite", target=case, data={"id": item.pk}
    )
    return item


@transaction.atomic
def record_minutes(
    *, clarification: Clarification, actor: Any, minutes: str, held_at: datetime | None = None
) -> Clarification:
    """The minutes (*berita acara*) of a clarification; written once."""
    _require_handler(actor)
    if clarification.held_at is not None:
        raise DomainError(_("Minutes were already recorded."), code="minutes_recorded")
    if not minutes.strip():
        raise DomainError(
            _("Write the minutes."), details={"minutes": _("This field is required.")}
        )
    clarification.held_at = held_at or timezone.now()
    clarification.minutes = minutes.strip()
    clarification.save(update_fields=["held_at", "minutes", "updated_at"])
    audit.record(
        actor=actor, action="cases.clarification.minutes", target=clarification.case,
        data={"id": clarification.pk},
    )  # fmt: skip
    return clarification


@transaction.atomic
def move_to_body(
    *, case: Case, organisation: Any, actor: Any, expected_version: int | None, reason: str
) -> Case:
    """Delegate (*pelimpahan*) to a lower Bawaslu body or take over (*pengambilalihan*) by a
    higher one (Perbawaslu 7/2022 Pasal 20). The new body's area must contain the case."""
    _require_handler(actor)
    if organisation is None or organisation.agency != Agency.BAWASLU:
        raise DomainError(_("Choose a Bawaslu body."), details={"organisation": "invalid"})
    if not in_subtree(case.region_id, organisation.region_id):
        raise DomainError(_("That body's area does not contain the case."), code="bad_body")
    if not reason.strip():
        raise DomainError(_("Give the reason."), details={"reason": _("This field is required.")})
    current = case.organisation
    kind = _direction(current, organisation)
    bump_version(case, expected_version)
    case.organisation = organisation
    case.save(update_fields=["organisation", "updated_at"])
    audit.record(
        actor=actor, action=f"cases.{kind}", target=case,
        before={"organisation": getattr(current, "code", None)},
        after={"organisation": organisation.code}, data={"reason": reason.strip()},
    )  # fmt: skip
    return case


def _direction(current: Any, new: Any) -> str:
    if current is None:
        return "delegate"
    if current.pk == new.pk:
        raise DomainError(_("The case is already with that body."), code="same_body")
    old_rank, new_rank = LEVEL_RANK.get(current.level, 9), LEVEL_RANK.get(new.level, 9)
    return "delegate" if new_rank > old_rank else "take_over"


def view_reporter(*, case: Case, actor: Any, reason: str = "") -> Reporter | None:
    """The reporter identity, for Bawaslu handlers only; every look goes to the audit log."""
    _require_handler(actor)
    reporter = Reporter.objects.filter(case=case).first()
    if reporter is not None:
        audit.record(
            actor=actor, action="cases.reporter.view", target=case, data={"reason": reason}
        )
    return reporter
