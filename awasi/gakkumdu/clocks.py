"""The clocks of a joint file, run by the case-handling deadline services on the linked case.

Every statutory step of the chain (``chain.STATUTORY_STEPS``) is a ``cases.CaseDeadline`` of the
Bawaslu case the file was opened from, so the shared deadline queue and ``awasi deadlines sweep``
cover Gakkumdu too, each clock owned by the agency answerable for it (``chain.STEP_OWNER``).
Discussion clocks run only when an admin configured a ``DiscussionRule`` (no source fixes them).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from awasi.cases.deadlines import Counting, Rule, RuleStatus, compute_due
from awasi.gakkumdu.chain import OPTIONAL_STEPS, STATUTORY_STEPS, STEP_OWNER, Party


def attach_case(file: Any, case: Any) -> None:
    """Link the Bawaslu case the file was opened from (its clocks run on that case)."""
    file.case = case


def _owner(file: Any, step: str) -> Any:
    party = STEP_OWNER[step]
    return file.organisation_of(Party.KEJAKSAAN if party is Party.COURT else party)


def start(file: Any, steps: Iterable[str], *, started_at: datetime, actor: Any) -> None:
    """Start each clock of ``steps`` at ``started_at``."""
    for step in steps:
        if step in OPTIONAL_STEPS:
            _start_discussion(file, step, started_at)
        elif file.case_id is not None:
            _start_statutory(file, step, started_at, actor)


def _start_statutory(file: Any, step: str, started_at: datetime, actor: Any) -> None:
    """Start one statutory clock; a step the regime has no rule for (Pilkada inquiry, courts)
    runs no clock, and conflicting Pilkada readings use the variant the file chose."""
    from awasi.cases.services import start_deadline
    from awasi.core.errors import DomainError

    owner = _owner(file, step)
    try:
        start_deadline(
            case=file.case, step=step, started_at=started_at, actor=actor, owner_organisation=owner
        )
    except DomainError as error:
        if error.code == "no_rule":
            return
        if error.code != "ambiguous_rule" or not file.counting_variant:
            raise
        start_deadline(
            case=file.case,
            step=step,
            started_at=started_at,
            actor=actor,
            owner_organisation=owner,
            variant=file.counting_variant,
        )


def stop(file: Any, steps: Iterable[str], *, stopped_at: datetime, actor: Any) -> None:
    """Stop each running clock of ``steps`` at ``stopped_at`` (clocks not running are skipped)."""
    from awasi.cases.services import stop_deadline

    for step in steps:
        if step in OPTIONAL_STEPS:
            if file.discussion_due_at is not None:
                file.discussion_due_at = None
                file.save(update_fields=["discussion_due_at"])
        elif file.case_id is not None and running(file).filter(step=step).exists():
            stop_deadline(case=file.case, step=step, stopped_at=stopped_at, actor=actor)


def running(file: Any) -> Any:
    """The file's statutory clocks still running."""
    return clocks_of(file).filter(stopped_at__isnull=True)


def clocks_of(file: Any) -> Any:
    """Every statutory clock of the file (running and stopped), oldest first."""
    from awasi.cases.models import CaseDeadline

    if file.case_id is None:
        return CaseDeadline.objects.none()
    return CaseDeadline.objects.filter(case_id=file.case_id, step__in=STATUTORY_STEPS).order_by(
        "started_at", "id"
    )


def is_running_past(file: Any, step: str, at: datetime) -> bool:
    """Whether clock ``step`` is still running and falls due after ``at``."""
    return running(file).filter(step=step, due_at__gt=at).exists()


def _start_discussion(file: Any, step: str, started_at: datetime) -> None:
    from awasi.elections.calendar import working_calendar
    from awasi.gakkumdu.models import DiscussionRule
    from awasi.regions.timezones import zone_for

    number = int(step.rsplit("_", 1)[-1])
    row = DiscussionRule.objects.filter(regime=file.election.regime, number=number).first()
    if row is None:
        file.discussion_due_at = None
        return
    rule = Rule(
        regime=row.regime,
        step=step,
        amount=row.amount,
        counting=Counting(row.counting),
        basis=row.basis,
        status=RuleStatus(row.status),
    )
    zone = zone_for(file.region_id)
    file.discussion_due_at = compute_due(rule, started_at, zone, working_calendar(file.region_id))
    if file.pk:
        file.save(update_fields=["discussion_due_at"])
