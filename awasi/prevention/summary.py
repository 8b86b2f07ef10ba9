"""Supervision summary for one election stage and one region — pure aggregation, no ORM.

The selectors turn rows into these plain facts; this module counts them per sub-region (the
direct children of the region asked for, e.g. the regencies under province ``19``) and in total.
Region codes are the Kemendagri dotted codes (``19``, ``19.01``, ``19.01.01``,
``19.01.01.1001``), so roll-up is a prefix operation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ActivityFact:
    """A prevention activity (socialisation, patrol, appeal, LHP) in a region."""

    kind: str
    region_code: str
    participants: int = 0
    has_findings: bool = False


@dataclass(frozen=True)
class FindingFact:
    """An LHP that revealed a suspected violation: ``declared`` once it became a case finding."""

    region_code: str
    declared: bool


@dataclass(frozen=True)
class CommitmentFact:
    """An action item from a coordination meeting."""

    region_code: str
    status: str
    due_on: date
    is_open: bool


@dataclass
class Tally:
    """Counts for one region (or the total)."""

    activities: Counter[str] = field(default_factory=Counter)
    participants: int = 0
    patrols_with_findings: int = 0
    findings_pending: int = 0
    findings_declared: int = 0
    commitments: Counter[str] = field(default_factory=Counter)
    commitments_open: int = 0
    commitments_overdue: int = 0

    @property
    def activity_total(self) -> int:
        """All activities of every kind."""
        return sum(self.activities.values())

    @property
    def findings_total(self) -> int:
        """Suspected violations, declared or not yet."""
        return self.findings_pending + self.findings_declared


@dataclass
class Summary:
    """Tallies per direct sub-region of ``region_code`` plus the total."""

    region_code: str
    rows: dict[str, Tally]
    total: Tally


def rollup_code(code: str, parent_code: str) -> str | None:
    """The direct child of ``parent_code`` containing ``code``; ``code`` itself if it is the parent.

    None when ``code`` lies outside the parent's subtree.
    """
    if code == parent_code:
        return code
    if not code.startswith(parent_code + "."):
        return None
    depth = parent_code.count(".") + 2
    return ".".join(code.split(".")[:depth])


class _Rows:
    """Tallies keyed by roll-up code, with the roll-up of each code computed once."""

    def __init__(self, parent: str) -> None:
        self.parent = parent
        self.tallies: dict[str, Tally] = {}
        self._keys: dict[str, str | None] = {}

    def get(self, code: str) -> Tally | None:
        if code not in self._keys:
            self._keys[code] = rollup_code(code, self.parent)
        key = self._keys[code]
        if key is None:
            return None
        if key not in self.tallies:
            self.tallies[key] = Tally()
        return self.tallies[key]


def summarise(
    *,
    region_code: str,
    today: date,
    activities: Iterable[ActivityFact] = (),
    findings: Iterable[FindingFact] = (),
    commitments: Iterable[CommitmentFact] = (),
) -> Summary:
    """Count activities, findings and commitments per sub-region of ``region_code`` and in total.

    Facts outside the region are ignored. A commitment is overdue when it is open and its due
    date is before ``today``.
    """
    rows = _Rows(region_code)
    total = Tally()
    for a in activities:
        row = rows.get(a.region_code)
        for t in (row, total) if row else ():
            t.activities[a.kind] += 1
            t.participants += a.participants
            t.patrols_with_findings += int(a.has_findings)
    for f in findings:
        row = rows.get(f.region_code)
        for t in (row, total) if row else ():
            if f.declared:
                t.findings_declared += 1
            else:
                t.findings_pending += 1
    for c in commitments:
        row = rows.get(c.region_code)
        for t in (row, total) if row else ():
            t.commitments[c.status] += 1
            t.commitments_open += int(c.is_open)
            t.commitments_overdue += int(c.is_open and c.due_on < today)
    return Summary(region_code, dict(sorted(rows.tallies.items())), total)


def bar_percent(value: int, maximum: int) -> int:
    """Width of a ``.bar-chart`` bar as a whole percent of the largest value (0 if all are 0)."""
    if maximum <= 0:
        return 0
    return round(100 * value / maximum)
