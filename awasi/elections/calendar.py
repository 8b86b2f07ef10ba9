"""The working-day calendar used by every deadline: `holidays` package + admin corrections."""

from __future__ import annotations

from datetime import date

import holidays as holidays_lib

from awasi.elections.models import CalendarOverride
from awasi.elections.workdays import WorkingCalendar
from awasi.regions.codes import in_subtree

YEARS = range(2017, 2036)


def national_closed_days(years: range = YEARS) -> dict[date, str]:
    """Indonesian public holidays (incl. election days) and cuti bersama, by date."""
    calendar = holidays_lib.country_holidays(
        "ID", years=list(years), categories=("public", "government")
    )
    return {day: str(name) for day, name in calendar.items()}


_NATIONAL: dict[date, str] | None = None


def working_calendar(region_code: str | None = None) -> WorkingCalendar:
    """The calendar for a region: national closed days plus corrections that apply there."""
    global _NATIONAL
    if _NATIONAL is None:
        _NATIONAL = national_closed_days()
    names = dict(_NATIONAL)
    closed = set(names)
    reopened: set[date] = set()
    for override in CalendarOverride.objects.all():
        if override.region_code and not (
            region_code and in_subtree(region_code, override.region_code)
        ):
            continue
        if override.is_working_day:
            reopened.add(override.on)
            closed.discard(override.on)
        else:
            closed.add(override.on)
            names[override.on] = override.reason
    return WorkingCalendar(holidays=frozenset(closed), reopened=frozenset(reopened), names=names)
