"""Which commitments (action items) need a reminder today — pure, no ORM.

A reminder *offset* is a number of calendar days before the due date (0 = on the day, negative =
after it, i.e. overdue). The offsets are configuration (``PREVENTION_REMINDER_OFFSETS``), not
law: no regulation fixes when coordination commitments are chased.

Idempotency: for each open item only the most urgent offset whose trigger day has arrived is
"current"; it is sent once (the caller stores ``(item_id, offset)`` after sending). Earlier
offsets that a stopped cron never sent are skipped rather than sent late, so a late run never
floods an owner with stale reminders.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

DEFAULT_OFFSETS: tuple[int, ...] = (7, 3, 1, 0, -1)


class ReminderKind(StrEnum):
    """How a reminder reads: before the due date, on it, or after it."""

    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class OpenItem:
    """An action item as the reminder rule sees it."""

    item_id: int
    due_on: date
    is_open: bool = True


@dataclass(frozen=True)
class Reminder:
    """One reminder to send now for one item at one offset."""

    item_id: int
    offset: int
    kind: ReminderKind
    days_left: int


def normalise_offsets(offsets: Iterable[int]) -> tuple[int, ...]:
    """Offsets sorted from the earliest trigger (largest) to the latest, duplicates removed.

    Raises ``ValueError`` for an empty list, which would silently disable reminders.
    """
    result = tuple(sorted({int(o) for o in offsets}, reverse=True))
    if not result:
        raise ValueError("at least one reminder offset is required")
    return result


def kind_for(days_left: int) -> ReminderKind:
    """Reminder wording for a number of days left before the due date."""
    if days_left > 0:
        return ReminderKind.DUE_SOON
    if days_left == 0:
        return ReminderKind.DUE_TODAY
    return ReminderKind.OVERDUE


def current_offset(due_on: date, today: date, offsets: Sequence[int]) -> int | None:
    """The most urgent offset whose trigger day (``due_on - offset``) has come, else None."""
    days_left = (due_on - today).days
    # trigger day due_on - o has come  <=>  o >= days_left
    reached = [o for o in offsets if o >= days_left]
    return min(reached) if reached else None


def reminders_due(
    items: Iterable[OpenItem],
    *,
    today: date,
    offsets: Iterable[int] = DEFAULT_OFFSETS,
    already_sent: frozenset[tuple[int, int]] = frozenset(),
) -> list[Reminder]:
    """Reminders to send on ``today``: one per open item at most, never one already sent."""
    ordered = normalise_offsets(offsets)
    result: list[Reminder] = []
    for item in items:
        if not item.is_open:
            continue
        offset = current_offset(item.due_on, today, ordered)
        if offset is None or (item.item_id, offset) in already_sent:
            continue
        days_left = (item.due_on - today).days
        result.append(Reminder(item.item_id, offset, kind_for(days_left), days_left))
    return result


def next_reminder_on(
    due_on: date, today: date, offsets: Iterable[int] = DEFAULT_OFFSETS
) -> date | None:
    """The first trigger day strictly after ``today`` (shown on the item page), or None."""
    upcoming = [due_on - timedelta(days=o) for o in normalise_offsets(offsets)]
    later = [d for d in upcoming if d > today]
    return min(later) if later else None
