"""Reads over joint files: lists, the board's rows, a file's running clocks."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from awasi.accounts.scoping import has_national_scope, is_bawaslu, region_q
from awasi.cases.deadlines import LAST_SECOND, DeadlineState
from awasi.gakkumdu import board as board_module
from awasi.gakkumdu.chain import STATUTORY_STEPS, TERMINAL_STAGES, VERDICT_STAGES, Stage
from awasi.gakkumdu.models import GakkumduUnit, JointFile
from awasi.regions.timezones import zone_for


def files_for(user: Any, *, unit: str = "", stage: str = "") -> QuerySet[JointFile]:
    """Files ``user`` may see, optionally of one unit (code) and stage, for lists."""
    files = JointFile.objects.visible_to(user).select_related(
        "unit", "police", "prosecutor", "region", "case"
    )
    if unit:
        files = files.filter(unit__code=unit)
    if stage:
        files = files.filter(stage=stage)
    return files.order_by("-created_at")


def units_for(user: Any) -> QuerySet[GakkumduUnit]:
    """Units ``user`` works in or sees files of (all units for national users)."""
    if has_national_scope(user):
        return GakkumduUnit.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.has_role:
        return GakkumduUnit.objects.none()
    org = user.organisation_id
    file_units = JointFile.objects.visible_to(user).values("unit_id")
    condition = (
        Q(pk__in=file_units)
        | Q(bawaslu_id=org)
        | Q(police_id=org)
        | Q(prosecutor_id=org)
        | Q(members__user=user)
    )
    if is_bawaslu(user):
        condition |= region_q(user, "region__code")
    return GakkumduUnit.objects.filter(condition).distinct()


def clocks_by_case(case_ids: list[int]) -> dict[int, list[Any]]:
    """Statutory Gakkumdu clocks of many cases in one query."""
    from awasi.cases.models import CaseDeadline

    result: dict[int, list[Any]] = defaultdict(list)
    if not case_ids:
        return result
    rows = CaseDeadline.objects.filter(case_id__in=case_ids, step__in=STATUTORY_STEPS).order_by(
        "due_at"
    )
    for row in rows:
        result[row.case_id].append(row)
    return result


def board_for(files: QuerySet[JointFile], *, now: datetime | None = None) -> board_module.Board:
    """The board's numbers over ``files`` (two queries whatever their number)."""
    now = now or timezone.now()
    rows = list(files.select_related("police", "prosecutor"))
    clocks = clocks_by_case([f.case_id for f in rows if f.case_id])
    return board_module.summarise((_row(f, clocks.get(f.case_id, [])) for f in rows), now=now)


def _row(file: JointFile, clocks: list[Any]) -> board_module.FileRow:
    items = [board_module.ClockRow(c.step, c.due_at, c.stopped_at) for c in clocks]
    hard = pasal_484_moment(file)
    if hard is not None:
        items.append(board_module.ClockRow("pasal_484", hard))
    if file.discussion_due_at is not None:
        items.append(board_module.ClockRow("gakkumdu_discussion", file.discussion_due_at))
    return board_module.FileRow(
        file_id=file.pk,
        stage=Stage(file.stage),
        police_unit=file.police.name,
        prosecutor_office=file.prosecutor.name,
        first_verdict=file.first_verdict,
        appeal_verdict=file.appeal_verdict,
        clocks=tuple(items),
    )


def pasal_484_moment(file: JointFile) -> datetime | None:
    """The end of the Pasal 484 hard date in local time, while no verdict has been read yet."""
    stage = Stage(file.stage)
    if file.hard_date is None or stage in VERDICT_STAGES or stage in TERMINAL_STAGES:
        return None
    return datetime.combine(file.hard_date, LAST_SECOND, tzinfo=zone_for(file.region_id))


def clock_lines(file: JointFile, *, now: datetime | None = None) -> list[dict[str, Any]]:
    """The file's clocks for display: step, owner, due, stopped, state (met late stays visible)."""
    from awasi.gakkumdu.clocks import clocks_of

    now = now or timezone.now()
    lines = []
    for clock in clocks_of(file).select_related("rule", "owner_organisation"):
        state = board_module.clock_state(
            board_module.ClockRow(clock.step, clock.due_at, clock.stopped_at), now
        )
        lines.append({"clock": clock, "state": state, "late": state in _LATE})
    return lines


_LATE = {DeadlineState.OVERDUE, DeadlineState.MET_LATE}


def cases_awaiting_referral(user: Any, limit: int = 20) -> list[Any]:
    """Bawaslu cases decided as election crimes that have no joint file yet (Bawaslu only)."""
    from awasi.cases.models import Case

    if not is_bawaslu(user):
        return []
    cases = Case.objects.visible_to(user).filter(
        is_forwarded_to_gakkumdu=True, gakkumdu_file__isnull=True
    )
    return list(cases.select_related("region").order_by("-decided_at", "-id")[:limit])
