"""The statutory deadline engine: rules as data, counting as pure functions.

No Django here. A rule says how long a step may take (``amount`` in ``counting`` units) from a
trigger moment; ``compute_due`` turns a trigger into the due moment in the local time of the
case's region. Counting follows shared/domain/deadlines.md:

- day 1 is the day *after* the trigger day (local date);
- a day-based deadline ends at 23:59:59 local time of its last day;
- ``calendar_days`` count every day, with no extension when the last day is a holiday;
- ``working_days`` skip weekends, public holidays and *cuti bersama*, as the calendar says;
- ``hours`` ("1 x 24 jam") end exactly N hours after the trigger moment.

The rule table itself lives in ``data/deadline_rules.csv`` (and, in the running system, in the
``DeadlineRule`` model an admin can edit): regulations change between elections and most figures are
secondary or UNVERIFIED, so none of them is code.
"""

from __future__ import annotations

import csv
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

RULES_CSV = Path(__file__).parent / "data" / "deadline_rules.csv"
LAST_SECOND = time(23, 59, 59)
# A safety net: no statutory period is anywhere near this long, so a calendar that never yields a
# working day (a misconfigured override) fails loudly instead of looping forever.
MAX_SCAN_DAYS = 3660


class Counting(enum.StrEnum):
    """How a rule's amount is counted."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    HOURS = "hours"


class RuleStatus(enum.StrEnum):
    """How sure we are of a rule (see shared/domain/legal-notes.md conventions)."""

    VERIFIED = "verified"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


class DeadlineState(enum.StrEnum):
    """Where a clock stands at a given moment."""

    RUNNING = "running"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met_late"


class RuleError(ValueError):
    """A rule is missing, ambiguous or malformed."""


class WorkingDays(Protocol):
    """What the engine needs from a calendar (``awasi.elections.workdays.WorkingCalendar`` fits)."""

    def is_working_day(self, day: date, /) -> bool: ...


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the deadline table: how long ``step`` may take under ``regime``.

    ``variant`` tells apart rules for one step that sources disagree on (Pilkada police steps in
    calendar vs working days); it is "" when the step has a single rule.
    """

    regime: str
    step: str
    amount: int
    counting: Counting
    basis: str
    status: RuleStatus
    trigger: str = ""
    variant: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise RuleError(
                f"{self.regime}/{self.step}: amount must be positive, got {self.amount}"
            )
        if not self.basis.strip():
            raise RuleError(f"{self.regime}/{self.step}: every rule needs its legal basis")

    @property
    def key(self) -> tuple[str, str, str]:
        """The identity of a rule in the table."""
        return (self.regime, self.step, self.variant)


def parse_rule(row: dict[str, str]) -> Rule:
    """Build a rule from one CSV/dict row, with clear errors for bad values."""
    try:
        counting = Counting(row["counting"].strip())
        status = RuleStatus(row["status"].strip().lower())
        amount = int(row["amount"])
    except (KeyError, ValueError) as exc:
        raise RuleError(f"bad deadline rule row {row!r}: {exc}") from exc
    return Rule(
        regime=row["regime"].strip(),
        step=row["step"].strip(),
        variant=(row.get("variant") or "").strip(),
        amount=amount,
        counting=counting,
        basis=row["basis"].strip(),
        status=status,
        trigger=(row.get("trigger") or "").strip(),
        note=(row.get("note") or "").strip(),
    )


def load_rules(path: Path = RULES_CSV) -> tuple[Rule, ...]:
    """Read the shipped rule table; duplicate (regime, step, variant) keys are refused."""
    with path.open(newline="", encoding="utf-8") as handle:
        rules = tuple(parse_rule(row) for row in csv.DictReader(handle))
    keys = [rule.key for rule in rules]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise RuleError(f"duplicate deadline rules: {sorted(duplicates)}")
    return rules


def find_rule(rules: Iterable[Rule], *, regime: str, step: str, variant: str | None = None) -> Rule:
    """Pick the one rule for a step; never guess when sources conflict and no variant is named."""
    matches = [rule for rule in rules if rule.regime == regime and rule.step == step]
    if variant is not None:
        matches = [rule for rule in matches if rule.variant == variant]
    if not matches:
        raise RuleError(f"no deadline rule for step {step!r} in regime {regime!r}")
    if len(matches) > 1:
        variants = ", ".join(sorted(rule.variant for rule in matches))
        raise RuleError(f"step {step!r} of regime {regime!r} needs a variant: {variants}")
    return matches[0]


def compute_due(rule: Rule, trigger: datetime, zone: ZoneInfo, calendar: WorkingDays) -> datetime:
    """The moment the step falls due, as an aware datetime in ``zone``."""
    if trigger.tzinfo is None or trigger.utcoffset() is None:
        raise ValueError("trigger must be an aware datetime")
    local = trigger.astimezone(zone)
    if rule.counting is Counting.HOURS:
        return (trigger + timedelta(hours=rule.amount)).astimezone(zone)
    if rule.counting is Counting.CALENDAR_DAYS:
        last_day = local.date() + timedelta(days=rule.amount)
    else:
        last_day = nth_working_day_after(local.date(), rule.amount, calendar)
    return datetime.combine(last_day, LAST_SECOND, tzinfo=zone)


def nth_working_day_after(start: date, n: int, calendar: WorkingDays) -> date:
    """The n-th working day after ``start`` (``start`` itself never counts)."""
    day, counted = start, 0
    for _ in range(MAX_SCAN_DAYS):
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
            if counted == n:
                return day
    raise RuleError(f"no {n} working days within {MAX_SCAN_DAYS} days after {start}")


def deadline_state(
    *, due_at: datetime, stopped_at: datetime | None, now: datetime, soon: timedelta
) -> DeadlineState:
    """Classify a clock: met (on time or late) once stopped, else running / due soon / overdue."""
    if stopped_at is not None:
        return DeadlineState.MET if stopped_at <= due_at else DeadlineState.MET_LATE
    if now > due_at:
        return DeadlineState.OVERDUE
    if due_at - now <= soon:
        return DeadlineState.DUE_SOON
    return DeadlineState.RUNNING


def start_of_local_day(day: date, zone: ZoneInfo) -> datetime:
    """Midnight at the start of ``day`` in ``zone`` (how a date-only trigger is read)."""
    return datetime.combine(day, time.min, tzinfo=zone)
