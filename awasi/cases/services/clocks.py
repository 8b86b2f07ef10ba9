"""Starting and stopping statutory clocks on a case (used by cases and by Gakkumdu)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from awasi.cases import deadlines
from awasi.cases.models import Case, CaseDeadline
from awasi.cases.selectors import get_rule
from awasi.core import audit
from awasi.core.errors import DomainError
from awasi.elections.calendar import working_calendar
from awasi.regions.timezones import zone_for


def _check_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise DomainError(_("Times must include a time zone."), code="naive_datetime")


@transaction.atomic
def start_deadline(
    *,
    case: Case,
    step: str,
    started_at: datetime,
    actor: Any,
    owner_organisation: Any = None,
    variant: str | None = None,
    note: str = "",
    record: bool = True,
) -> CaseDeadline:
    """Start the clock for ``step`` from ``started_at``, due per the active rule of the case's
    regime, counted in the local time and working-day calendar of the case's region.

    ``record=False`` is for callers that write one audit event covering the clock themselves
    (intake), so the audit chain's lock is taken once per transaction."""
    _check_aware(started_at)
    rule = get_rule(regime=case.election.regime, step=step, variant=variant)
    if CaseDeadline.objects.filter(case=case, step=step, stopped_at__isnull=True).exists():
        raise DomainError(
            _("The clock for %(step)s is already running on this case.") % {"step": step},
            code="clock_running",
        )
    clock = insert_clock(
        case=case, rule=rule, started_at=started_at, actor=actor,
        owner_organisation=owner_organisation, note=note,
    )  # fmt: skip
    if record:
        audit.record(
            actor=actor, action="cases.deadline.start", target=case, data=clock_data(clock)
        )
    return clock


def insert_clock(
    *,
    case: Case,
    rule: Any,
    started_at: datetime,
    actor: Any,
    calendar: Any = None,
    owner_organisation: Any = None,
    note: str = "",
    stopped_at: datetime | None = None,
) -> CaseDeadline:
    """Write one clock row (no checks, no audit): the building block of the services above and
    of intake, which starts a new case's clocks in bulk with one rule query and one calendar."""
    calendar = calendar or working_calendar(case.region_id)
    due_at = deadlines.compute_due(rule.as_rule(), started_at, zone_for(case.region_id), calendar)
    user = actor if getattr(actor, "is_authenticated", False) else None
    return CaseDeadline.objects.create(
        case=case, step=rule.step, rule=rule, started_at=started_at, due_at=due_at,
        stopped_at=stopped_at, owner_organisation=owner_organisation, note=note,
        started_by=user, stopped_by=user if stopped_at else None,
    )  # fmt: skip


def clock_data(clock: CaseDeadline) -> dict[str, Any]:
    """What the audit log keeps about a clock."""
    return {
        "step": clock.step, "rule": str(clock.rule), "started_at": clock.started_at,
        "due_at": clock.due_at, "stopped_at": clock.stopped_at,
        "owner": clock.owner_organisation_id,
    }  # fmt: skip


@transaction.atomic
def stop_deadline(
    *, case: Case, step: str, stopped_at: datetime, actor: Any, record: bool = True
) -> CaseDeadline:
    """Stop the running clock for ``step``; it then reads "met" or "met late"."""
    _check_aware(stopped_at)
    clock = (
        CaseDeadline.objects.select_for_update()
        .filter(case=case, step=step, stopped_at__isnull=True)
        .first()
    )
    if clock is None:
        raise DomainError(
            _("No clock for %(step)s is running on this case.") % {"step": step},
            code="clock_not_running",
        )
    if stopped_at < clock.started_at:
        raise DomainError(_("A clock cannot stop before it started."), code="stop_before_start")
    clock.stopped_at = stopped_at
    clock.stopped_by = actor if getattr(actor, "is_authenticated", False) else None
    clock.save(update_fields=["stopped_at", "stopped_by"])
    if not record:
        return clock
    audit.record(
        actor=actor,
        action="cases.deadline.stop",
        target=case,
        data={"step": step, "stopped_at": stopped_at, "state": clock.state_at(stopped_at)},
    )
    return clock


def stop_if_running(*, case: Case, step: str, stopped_at: datetime, actor: Any) -> None:
    """Stop ``step``'s clock when one runs (lifecycle moves that end a period call this)."""
    if CaseDeadline.objects.filter(case=case, step=step, stopped_at__isnull=True).exists():
        stop_deadline(case=case, step=step, stopped_at=stopped_at, actor=actor)


def start_if_ruled(
    *, case: Case, step: str, started_at: datetime, actor: Any, **kw: Any
) -> CaseDeadline | None:
    """Start ``step``'s clock when the regime has a rule for it (Pilkada lacks some steps)."""
    try:
        return start_deadline(case=case, step=step, started_at=started_at, actor=actor, **kw)
    except DomainError as exc:
        if exc.code != "no_rule":
            raise
    return None


def record_elapsed(
    *,
    case: Case,
    step: str,
    started_at: datetime,
    stopped_at: datetime,
    actor: Any,
    record: bool = True,
) -> CaseDeadline | None:
    """A period that was already over when the case came in (report filing, finding
    declaration): start and stop it at once so the case shows "met" or "met late"."""
    clock = start_if_ruled(case=case, step=step, started_at=started_at, actor=actor, record=record)
    if clock is None:
        return None
    return stop_deadline(
        case=case, step=step, stopped_at=max(stopped_at, started_at), actor=actor, record=record
    )
