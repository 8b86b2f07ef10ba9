"""Table-driven tests of the deadline engine against every rule of shared/domain/deadlines.md."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from awasi.cases import deadlines
from awasi.cases.deadlines import Counting, DeadlineState, Rule, RuleError, RuleStatus

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")

# Days off written out by hand (not computed), so the engine is tested against a known calendar.
DAYS_OFF = frozenset(
    {
        date(2023, 12, 25),  # Christmas
        date(2023, 12, 26),  # cuti bersama
        date(2024, 1, 1),  # New Year
        date(2024, 2, 8),  # Isra Mi'raj
        date(2024, 2, 9),  # cuti bersama (Imlek)
        date(2024, 2, 14),  # Pemilu voting day
        date(2024, 3, 11),  # Nyepi
        date(2024, 3, 12),  # cuti bersama
        date(2024, 4, 8),  # cuti bersama
        date(2024, 4, 9),  # cuti bersama
        date(2024, 4, 10),  # Idul Fitri
        date(2024, 4, 11),  # Idul Fitri
        date(2024, 4, 12),  # cuti bersama
        date(2024, 4, 15),  # cuti bersama
        date(2024, 11, 27),  # Pilkada voting day
        date(2024, 12, 25),  # Christmas
        date(2024, 12, 26),  # cuti bersama
        date(2025, 1, 1),  # New Year
    }
)


@dataclass(frozen=True)
class FakeCalendar:
    """Weekends and a fixed set of days off: all the engine needs."""

    days_off: frozenset[date] = DAYS_OFF

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.days_off


RULES = deadlines.load_rules()


def at(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone)


def end_of(zone: ZoneInfo, y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 23, 59, 59, tzinfo=zone)


# (regime, step, variant, trigger, expected due) — every rule of the table appears at least once.
CASES = [
    # Idul Fitri 2024: 8-12 and 15 Apr off (holidays + cuti bersama) plus the weekends.
    ("pemilu", "report_filing", None, at(WIB, 2024, 4, 5, 10), end_of(WIB, 2024, 4, 24)),
    # Year end: Christmas, cuti bersama 26 Dec and 1 Jan skipped.
    ("pemilu", "finding_declaration", None, at(WIB, 2023, 12, 20, 9), end_of(WIB, 2024, 1, 3)),
    # Pemilu voting day 14 Feb 2024 is a holiday; WITA.
    ("pemilu", "initial_review", None, at(WITA, 2024, 2, 13, 15), end_of(WITA, 2024, 2, 16)),
    # Bawaslu Maluku (Kompas 26 Jan 2024): registered Fri 19 Jan 2024 → due Tue 30 Jan 2024, WIT.
    ("pemilu", "follow_up", None, at(WIT, 2024, 1, 19, 14), end_of(WIT, 2024, 1, 30)),
    # Isra Mi'raj, cuti bersama Imlek and voting day inside the period.
    ("pemilu", "follow_up_extended", None, at(WIB, 2024, 2, 5, 8), end_of(WIB, 2024, 2, 28)),
    # Leap day 29 Feb 2024 is a working day and counts.
    ("pemilu", "administrative_decision", None, at(WIB, 2024, 2, 15, 8), end_of(WIB, 2024, 3, 6)),
    # Christmas + cuti bersama then New Year's Eve as the last day.
    ("pemilu", "kpu_follow_up", None, at(WIB, 2024, 12, 24, 16), end_of(WIB, 2024, 12, 31)),
    # Across the year: 1 Jan 2025 skipped.
    ("pemilu", "kpu_follow_up", None, at(WIB, 2024, 12, 30, 16), end_of(WIB, 2025, 1, 3)),
    # Hours: exactly 24 h, across the leap day.
    (
        "pemilu",
        "forward_to_police",
        None,
        at(WIB, 2024, 2, 29, 10, 15, 30),
        at(WIB, 2024, 3, 1, 10, 15, 30),
    ),
    ("pemilu", "inquiry_to_investigator", None, at(WIT, 2024, 12, 31, 20), at(WIT, 2025, 1, 1, 20)),
    # Calendar days across February of a leap year.
    ("pemilu", "police_investigation", None, at(WIB, 2024, 2, 20, 11), end_of(WIB, 2024, 3, 5)),
    # Calendar days: no extension when the last day is cuti bersama.
    ("pemilu", "prosecutor_return", None, at(WIB, 2024, 4, 9, 11), end_of(WIB, 2024, 4, 12)),
    ("pemilu", "investigator_resubmit", None, at(WIB, 2023, 12, 30, 11), end_of(WIB, 2024, 1, 2)),
    ("pemilu", "prosecutor_to_court", None, at(WIB, 2024, 2, 26, 11), end_of(WIB, 2024, 3, 2)),
    ("pemilu", "court_decision", None, at(WITA, 2024, 3, 8, 9), end_of(WITA, 2024, 3, 15)),
    # Last day is New Year's Day: still due then.
    ("pemilu", "appeal_filing", None, at(WIB, 2024, 12, 29, 13), end_of(WIB, 2025, 1, 1)),
    ("pemilu", "appeal_forward", None, at(WIB, 2024, 2, 27, 13), end_of(WIB, 2024, 3, 1)),
    ("pemilu", "appeal_decision", None, at(WIB, 2024, 2, 25, 13), end_of(WIB, 2024, 3, 3)),
    # Late evening in WIT: the local date counts.
    ("pemilu", "verdict_delivery", None, at(WIT, 2024, 5, 1, 23, 30), end_of(WIT, 2024, 5, 4)),
    ("pemilu", "verdict_execution", None, at(WIB, 2024, 6, 28, 9), end_of(WIB, 2024, 7, 1)),
    ("pilkada", "report_filing", None, at(WIB, 2024, 11, 25, 9), end_of(WIB, 2024, 12, 2)),
    ("pilkada", "follow_up", None, at(WIB, 2024, 11, 26, 9), end_of(WIB, 2024, 11, 29)),
    ("pilkada", "follow_up_extended", None, at(WIB, 2024, 11, 26, 9), end_of(WIB, 2024, 12, 1)),
    ("pilkada", "forward_to_police", None, at(WIB, 2024, 11, 27, 21), at(WIB, 2024, 11, 28, 21)),
    # Pilkada voting day 27 Nov 2024 skipped in working days.
    (
        "pilkada",
        "police_investigation",
        "working_days",
        at(WIB, 2024, 11, 25, 9),
        end_of(WIB, 2024, 12, 16),
    ),
    (
        "pilkada",
        "police_investigation",
        "calendar_days",
        at(WIB, 2024, 11, 25, 9),
        end_of(WIB, 2024, 12, 9),
    ),
    (
        "pilkada",
        "prosecutor_return",
        "working_days",
        at(WIB, 2024, 12, 23, 9),
        end_of(WIB, 2024, 12, 30),
    ),
    (
        "pilkada",
        "prosecutor_return",
        "calendar_days",
        at(WIB, 2024, 12, 23, 9),
        end_of(WIB, 2024, 12, 26),
    ),
    (
        "pilkada",
        "investigator_resubmit",
        "working_days",
        at(WIB, 2024, 12, 27, 9),
        end_of(WIB, 2025, 1, 2),
    ),
    (
        "pilkada",
        "investigator_resubmit",
        "calendar_days",
        at(WIB, 2024, 12, 27, 9),
        end_of(WIB, 2024, 12, 30),
    ),
    (
        "pilkada",
        "prosecutor_to_court",
        "working_days",
        at(WIB, 2024, 12, 5, 9),
        end_of(WIB, 2024, 12, 12),
    ),
    (
        "pilkada",
        "prosecutor_to_court",
        "calendar_days",
        at(WIB, 2024, 12, 5, 9),
        end_of(WIB, 2024, 12, 10),
    ),
]


@pytest.mark.parametrize(("regime", "step", "variant", "trigger", "expected"), CASES)
def test_compute_due_per_rule(regime, step, variant, trigger, expected):
    rule = deadlines.find_rule(RULES, regime=regime, step=step, variant=variant)
    due = deadlines.compute_due(rule, trigger, expected.tzinfo, FakeCalendar())
    assert due == expected
    assert due.utcoffset() == expected.utcoffset()


def test_every_rule_of_the_table_is_exercised():
    covered = {(regime, step, variant or "") for regime, step, variant, *_ in CASES}
    assert {rule.key for rule in RULES} == covered


def test_table_has_the_issue_steps_for_pemilu():
    steps = {rule.step for rule in RULES if rule.regime == "pemilu"}
    assert steps == {
        "report_filing", "finding_declaration", "initial_review", "follow_up",
        "follow_up_extended", "administrative_decision", "kpu_follow_up", "forward_to_police",
        "inquiry_to_investigator", "police_investigation", "prosecutor_return",
        "investigator_resubmit", "prosecutor_to_court", "court_decision", "appeal_filing",
        "appeal_forward", "appeal_decision", "verdict_delivery", "verdict_execution",
    }  # fmt: skip


def test_fake_calendar_agrees_with_the_holidays_package():
    official = holidays.country_holidays(
        "ID", categories=("public", "government"), years=[2023, 2024, 2025]
    )
    assert all(day in official for day in DAYS_OFF)


@pytest.mark.parametrize(
    ("zone", "trigger_utc", "expected"),
    [
        # 16:30 UTC on 1 May is 23:30 WIB (1 May) but 00:30 WIT (2 May): different day 1.
        (WIB, datetime(2024, 5, 1, 16, 30, tzinfo=ZoneInfo("UTC")), end_of(WIB, 2024, 5, 4)),
        (WITA, datetime(2024, 5, 1, 16, 30, tzinfo=ZoneInfo("UTC")), end_of(WITA, 2024, 5, 5)),
        (WIT, datetime(2024, 5, 1, 16, 30, tzinfo=ZoneInfo("UTC")), end_of(WIT, 2024, 5, 5)),
    ],
)
def test_local_date_of_the_region_decides_day_one(zone, trigger_utc, expected):
    rule = deadlines.find_rule(RULES, regime="pemilu", step="verdict_delivery")
    assert deadlines.compute_due(rule, trigger_utc, zone, FakeCalendar()) == expected


def test_working_days_trigger_on_a_weekend_starts_counting_monday():
    rule = deadlines.find_rule(RULES, regime="pemilu", step="initial_review")
    due = deadlines.compute_due(rule, at(WIB, 2024, 1, 20, 10), WIB, FakeCalendar())
    assert due == end_of(WIB, 2024, 1, 23)


def test_hours_keep_minutes_and_seconds_and_answer_in_zone():
    rule = deadlines.find_rule(RULES, regime="pemilu", step="forward_to_police")
    trigger = datetime(2024, 2, 14, 1, 2, 3, tzinfo=ZoneInfo("UTC"))
    due = deadlines.compute_due(rule, trigger, WITA, FakeCalendar())
    assert due == trigger + timedelta(hours=24)
    assert due.utcoffset() == timedelta(hours=8)


def test_naive_trigger_is_refused():
    rule = deadlines.find_rule(RULES, regime="pemilu", step="follow_up")
    with pytest.raises(ValueError, match="aware"):
        deadlines.compute_due(rule, datetime(2024, 1, 19), WIB, FakeCalendar())  # noqa: DTZ001


def test_conflicting_pilkada_rules_need_a_variant():
    with pytest.raises(RuleError, match="needs a variant"):
        deadlines.find_rule(RULES, regime="pilkada", step="police_investigation")


@pytest.mark.parametrize(
    ("regime", "step", "variant"),
    [
        ("pemilu", "no_such_step", None),
        ("pilkada", "initial_review", None),
        ("pemilu", "follow_up", "calendar_days"),
        ("pileg", "follow_up", None),
    ],
)
def test_unknown_rules_are_refused(regime, step, variant):
    with pytest.raises(RuleError, match="no deadline rule"):
        deadlines.find_rule(RULES, regime=regime, step=step, variant=variant)


def row(**changes):
    good = {"regime": "pemilu", "step": "x", "amount": "7", "counting": "hours"}
    return {**good, "basis": "UU 7/2017", "status": "verified", **changes}


@pytest.mark.parametrize(
    "row",
    [
        row(amount="0"),
        row(amount="seven"),
        row(counting="weeks"),
        row(basis=" "),
        row(status="sure"),
        {"regime": "pemilu", "step": "x"},
    ],
)
def test_malformed_rules_are_refused(row):
    with pytest.raises(RuleError):
        deadlines.parse_rule(row)


def test_duplicate_rules_in_a_table_are_refused(tmp_path):
    header = "regime,step,variant,amount,counting,basis,status\n"
    line = "pemilu,follow_up,,7,working_days,UU 7/2017 Pasal 454 ayat (7),secondary\n"
    path = tmp_path / "rules.csv"
    path.write_text(header + line + line, encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate"):
        deadlines.load_rules(path)


def test_calendar_without_working_days_fails_loudly():
    class Closed:
        def is_working_day(self, day):
            return False

    rule = Rule("pemilu", "x", 1, Counting.WORKING_DAYS, "basis", RuleStatus.SECONDARY)
    with pytest.raises(RuleError, match="no 1 working days"):
        deadlines.compute_due(rule, at(WIB, 2024, 1, 1), WIB, Closed())


DUE = at(WIB, 2024, 1, 30, 23, 59, 59)


@pytest.mark.parametrize(
    ("stopped_at", "now", "expected"),
    [
        (None, DUE - timedelta(days=3), DeadlineState.RUNNING),
        (None, DUE - timedelta(hours=23), DeadlineState.DUE_SOON),
        (None, DUE, DeadlineState.DUE_SOON),
        (None, DUE + timedelta(seconds=1), DeadlineState.OVERDUE),
        (DUE - timedelta(days=1), DUE + timedelta(days=5), DeadlineState.MET),
        (DUE, DUE + timedelta(days=5), DeadlineState.MET),
        (DUE + timedelta(seconds=1), DUE + timedelta(days=5), DeadlineState.MET_LATE),
    ],
)
def test_deadline_state(stopped_at, now, expected):
    state = deadlines.deadline_state(
        due_at=DUE, stopped_at=stopped_at, now=now, soon=timedelta(hours=24)
    )
    assert state is expected
