"""Working-day calendar: weekends, holidays, cuti bersama, admin corrections."""

from datetime import date

import pytest

from awasi.elections.calendar import working_calendar
from awasi.elections.models import CalendarOverride
from awasi.elections.workdays import WorkingCalendar

FAKE = WorkingCalendar(holidays=frozenset({date(2024, 2, 14)}))


@pytest.mark.parametrize(
    ("start", "amount", "due"),
    [
        (date(2024, 1, 19), 7, date(2024, 1, 30)),  # Bawaslu Maluku example (Kompas 26 Jan 2024)
        (date(2024, 2, 12), 2, date(2024, 2, 15)),  # skips voting day 14 Feb
        (date(2024, 2, 9), 1, date(2024, 2, 12)),  # Friday → Monday
        (date(2024, 2, 10), 0, date(2024, 2, 10)),
    ],
)
def test_add_working_days(start, amount, due):
    assert FAKE.add_working_days(start, amount) == due


def test_negative_amount_is_refused():
    with pytest.raises(ValueError):
        FAKE.add_working_days(date(2024, 1, 1), -1)


def test_working_days_between():
    assert FAKE.working_days_between(date(2024, 1, 19), date(2024, 1, 30)) == 7


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (date(2024, 2, 14), False),  # General Election Day (public)
        (date(2024, 2, 9), False),  # Lunar New Year cuti bersama (government)
        (date(2024, 4, 8), False),  # Eid al-Fitr cuti bersama
        (date(2024, 12, 26), False),  # Christmas cuti bersama
        (date(2024, 11, 27), False),  # Pilkada voting day
        (date(2024, 2, 15), True),
        (date(2024, 2, 17), False),  # Saturday
    ],
)
def test_indonesian_holidays_and_cuti_bersama(db, day, open_):
    assert working_calendar().is_working_day(day) is open_


def test_admin_corrections_apply_to_their_region(db):
    CalendarOverride.objects.create(on=date(2024, 2, 15), reason="Libur daerah", region_code="19")
    CalendarOverride.objects.create(on=date(2024, 2, 9), is_working_day=True, reason="Dibatalkan")
    assert not working_calendar("19.04.02").is_working_day(date(2024, 2, 15))
    assert working_calendar("11.01").is_working_day(date(2024, 2, 15))
    assert working_calendar().is_working_day(date(2024, 2, 9))
    assert working_calendar("19").add_working_days(date(2024, 2, 13), 1) == date(2024, 2, 16)


def test_seeded_stages(babel):
    pemilu = babel["pemilu"]
    assert pemilu.regime == "pemilu"
    assert pemilu.stage("voting").starts_on == date(2024, 2, 14)
    assert pemilu.stage("dct_scrutiny").ends_on == date(2023, 10, 3)
    assert babel["pilkada"].stage("voting").starts_on == date(2024, 11, 27)
