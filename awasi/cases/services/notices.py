"""Telling people: the reporter on status changes, officers on due-soon and overdue clocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awasi.cases.models import CaseDeadline, DeadlineNotice, StatusChange
from awasi.core import notify
from awasi.regions.timezones import abbreviation, zone_for

ALERT_STATES = ("due_soon", "overdue")


def notify_reporter(change_id: int) -> bool:
    """Send the reporter the public notice of one status change (after the change committed)."""
    change = StatusChange.objects.select_related("case__reporter").filter(pk=change_id).first()
    reporter = getattr(change.case, "reporter", None) if change else None
    if change is None or reporter is None or not change.public_note:
        return False
    message = notify.Message(
        subject=_("Your report %(code)s") % {"code": change.case.tracking_code},
        body=f"{change.get_to_status_display()}. {change.public_note}",
        email=reporter.email,
        phone=reporter.phone,
    )
    if notify.deliver(message):
        StatusChange.objects.filter(pk=change.pk).update(notified_at=timezone.now())
        return True
    return False


def schedule_reporter_notice(change: StatusChange) -> None:
    """Queue the notice to go out only if the surrounding transaction commits."""
    transaction.on_commit(lambda: notify_reporter(change.pk))


@dataclass
class SweepResult:
    checked: int = 0
    notices: int = 0
    by_state: dict[str, int] = field(default_factory=dict)


def recipients_for(clock: CaseDeadline) -> list[Any]:
    """Who must act: the owning organisation's users, else the assignee, else the handling
    body's officers and commissioners."""
    users = get_user_model().objects.filter(is_active=True)
    if clock.owner_organisation_id:
        return list(users.filter(organisation_id=clock.owner_organisation_id))
    if clock.case.assignee_id:
        return [clock.case.assignee]
    if clock.case.organisation_id:
        return list(
            users.filter(
                organisation_id=clock.case.organisation_id,
                role__in=["officer", "commissioner"],
            )
        )
    return []


def sweep(*, now: datetime | None = None, progress: Any = None) -> SweepResult:
    """Notify everyone responsible for a clock that is due soon or overdue, once per state."""
    now = now or timezone.now()
    result = SweepResult()
    clocks = (
        CaseDeadline.objects.running()
        .select_related("case", "case__assignee", "rule")
        .order_by("due_at")
    )
    for clock in clocks.iterator(chunk_size=500):
        result.checked += 1
        state = clock.state_at(now)
        if state in ALERT_STATES:
            sent = sum(_notify(clock, state, user, now) for user in recipients_for(clock))
            result.notices += sent
            result.by_state[state] = result.by_state.get(state, 0) + sent
        if progress and result.checked % 500 == 0:
            progress(result.checked)
    return result


def _notify(clock: CaseDeadline, state: str, user: Any, now: datetime) -> int:
    try:
        with transaction.atomic():
            DeadlineNotice.objects.create(deadline=clock, state=state, user=user, sent_at=now)
    except IntegrityError:
        return 0  # already told about this state: the sweep is idempotent
    zone = zone_for(clock.case.region_id)
    due_local = clock.due_at.astimezone(zone)
    word = _("OVERDUE") if state == "overdue" else _("due soon")
    message = notify.Message(
        subject=f"[Awasi] {clock.case.label}: {clock.step} {word}",
        body=_("Deadline %(step)s of case %(case)s is %(word)s: due %(due)s %(tz)s (%(basis)s).")
        % {
            "step": clock.step,
            "case": clock.case.label,
            "word": word,
            "due": due_local.strftime("%d-%m-%Y %H:%M:%S"),
            "tz": abbreviation(zone),
            "basis": clock.rule.basis,
        },
        email=user.email,
        phone=getattr(user, "phone", ""),
    )
    channels = notify.deliver(message)
    DeadlineNotice.objects.filter(deadline=clock, state=state, user=user).update(
        channels=",".join(channels)
    )
    return 1
