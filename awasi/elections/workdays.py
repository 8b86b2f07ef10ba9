"""Pure working-day arithmetic: weekends, holidays and cuti bersama are not working days."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class WorkingCalendar:
    """A set of closed days (holidays, cuti bersama) and reopened days, with Sat/Sun off."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    reopened: frozenset[date] = field(default_factory=frozenset)
    names: dict[date, str] = field(default_factory=dict, compare=False, hash=False)

    def is_working_day(self, day: date) -> bool:
        """Whether government offices are open on `day`."""
        if day in self.reopened:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: date, amount: int) -> date:
        """The `amount`-th working day after `start` (day 1 is the first working day after it)."""
        if amount < 0:
            raise ValueError("amount must not be negative")
        day, left = start, amount
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how many have passed since `start` by `end`."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count
