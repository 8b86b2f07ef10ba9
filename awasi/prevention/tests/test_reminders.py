from datetime import date

import pytest

from awasi.prevention.reminders import (
    OpenItem,
    ReminderKind,
    current_offset,
    next_reminder_on,
    normalise_offsets,
    reminders_due,
)

DUE = date(2024, 2, 10)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2024, 2, 1), None),  # 9 days before: no offset reached yet
        (date(2024, 2, 3), 7),
        (date(2024, 2, 6), 7),
        (date(2024, 2, 7), 3),
        (date(2024, 2, 9), 1),
        (date(2024, 2, 10), 0),
        (date(2024, 2, 11), -1),
        (date(2024, 3, 1), -1),
    ],
)
def test_current_offset_is_most_urgent_reached(today, expected):
    assert current_offset(DUE, today, (7, 3, 1, 0, -1)) == expected


@pytest.mark.parametrize(
    ("today", "kind", "days_left"),
    [
        (date(2024, 2, 3), ReminderKind.DUE_SOON, 7),
        (date(2024, 2, 10), ReminderKind.DUE_TODAY, 0),
        (date(2024, 2, 12), ReminderKind.OVERDUE, -2),
    ],
)
def test_reminder_kind_and_days_left(today, kind, days_left):
    [reminder] = reminders_due([OpenItem(1, DUE)], today=today)
    assert (reminder.kind, reminder.days_left) == (kind, days_left)


def test_sent_reminder_is_not_sent_again():
    first = reminders_due([OpenItem(1, DUE)], today=date(2024, 2, 3))
    sent = frozenset((r.item_id, r.offset) for r in first)
    assert reminders_due([OpenItem(1, DUE)], today=date(2024, 2, 4), already_sent=sent) == []


def test_next_offset_is_sent_after_earlier_one():
    sent = frozenset({(1, 7)})
    [reminder] = reminders_due([OpenItem(1, DUE)], today=date(2024, 2, 7), already_sent=sent)
    assert reminder.offset == 3


def test_missed_runs_send_only_the_current_reminder():
    # cron was down all week: only the overdue reminder goes out, not the stale 7/3/1/0 ones
    result = reminders_due([OpenItem(1, DUE)], today=date(2024, 2, 12))
    assert [(r.item_id, r.offset) for r in result] == [(1, -1)]


def test_closed_items_get_no_reminder():
    assert reminders_due([OpenItem(1, DUE, is_open=False)], today=DUE) == []


def test_each_item_is_judged_on_its_own():
    items = [OpenItem(1, DUE), OpenItem(2, date(2024, 3, 1)), OpenItem(3, date(2024, 2, 8))]
    result = reminders_due(items, today=date(2024, 2, 7), offsets=(3, 0))
    assert [(r.item_id, r.offset) for r in result] == [(1, 3), (3, 3)]


def test_offsets_are_normalised_and_must_not_be_empty():
    assert normalise_offsets([0, 7, 3, 7]) == (7, 3, 0)
    with pytest.raises(ValueError):
        normalise_offsets([])


def test_next_reminder_on():
    assert next_reminder_on(DUE, date(2024, 2, 3)) == date(2024, 2, 7)
    assert next_reminder_on(DUE, date(2024, 2, 11)) is None
