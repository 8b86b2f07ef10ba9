"""Read models the pages and exports share: rankings, indicator frequencies, comparisons.

Everything here reads through the scoped selectors, so a user only ever sees their own area.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from awasi.risk.catalogue import Catalogue
from awasi.risk.models import RegionScore, ScoreRun
from awasi.risk.rollup import frequency_classes
from awasi.risk.selectors import visible_region_scores, visible_tps_scores

CATEGORY_BADGE = {
    "kurang_rawan": "badge-ok",
    "rawan": "badge-warn",
    "sangat_rawan": "badge-danger",
    "khusus": "badge-danger",
}
CATEGORY_COLOUR = {
    "kurang_rawan": "#1f7a3a",
    "rawan": "#c77700",
    "sangat_rawan": "#b3261e",
    "khusus": "#6a1b9a",
    "": "#9aa5b1",
}


@dataclass(frozen=True)
class FrequencyRow:
    """One bar of the "most frequent indicators" chart."""

    code: str
    name: str
    variable: str
    count: int
    share: float
    label: str
    width: float


def region_ranking(user: Any, run: ScoreRun, level: str, within: str | None = None) -> list:
    """Region scores of ``level`` in the user's area, most vulnerable first (index, then TPS)."""
    rows = visible_region_scores(user, run).filter(level=level).select_related("region")
    if within:
        rows = rows.filter(region__pk__startswith=within + ".")
    return sorted(
        rows,
        key=lambda r: (-(r.mean_score if r.mean_score is not None else -1), -r.vulnerable_count),
    )


def top_tps(user: Any, run: ScoreRun, within: str | None = None, limit: int = 50) -> list:
    """The highest-scoring TPS of the user's area (floor-rule categories first)."""
    rows = visible_tps_scores(user, run).select_related("polling_station__village")
    if within:
        rows = rows.filter(polling_station__village__pk__startswith=within + ".")
    rows = rows.exclude(category="").exclude(category="kurang_rawan")
    order = {"khusus": 0, "sangat_rawan": 1, "rawan": 2}
    return sorted(rows, key=lambda s: (order.get(s.category, 3), -(s.score or 0)))[:limit]


def frequencies(region_score: RegionScore | None, catalogue: Catalogue) -> list[FrequencyRow]:
    """Indicators by how many TPS of the region have them, classed as Bawaslu publishes them."""
    if region_score is None:
        return []
    indicators = catalogue.published_indicators
    counts = np.array([region_score.indicator_counts.get(i.code, 0) for i in indicators])
    labels = frequency_classes(counts, region_score.tps_count, catalogue.frequency_bands)
    groups = {g.code: g.name for g in catalogue.groups}
    top = max(int(counts.max()) if len(counts) else 0, 1)
    rows = [
        FrequencyRow(
            code=i.code,
            name=i.name,
            variable=groups[i.group],
            count=int(n),
            share=n / region_score.tps_count if region_score.tps_count else 0.0,
            label=label,
            width=round(100 * n / top, 1),
        )
        for i, n, label in zip(indicators, counts, labels, strict=True)
        if n
    ]
    return sorted(rows, key=lambda r: -r.count)


def compare(user: Any, first: ScoreRun, second: ScoreRun) -> dict[str, Any]:
    """What changed between two runs: category totals and the TPS whose category moved."""
    before = dict(visible_tps_scores(user, first).values_list("polling_station_id", "category"))
    after_rows = visible_tps_scores(user, second).select_related("polling_station__village")
    changed = []
    totals = {"before": _count(before.values()), "after": {}}
    after_categories = []
    for row in after_rows:
        after_categories.append(row.category)
        old = before.get(row.polling_station_id, "")
        if old != row.category:
            changed.append({"score": row, "before": old, "after": row.category})
    totals["after"] = _count(after_categories)
    changed.sort(key=lambda c: c["score"].polling_station.code)
    return {"totals": totals, "changed": changed}


def _count(categories: Any) -> dict[str, int]:
    result: dict[str, int] = {}
    for category in categories:
        result[category or "none"] = result.get(category or "none", 0) + 1
    return result
