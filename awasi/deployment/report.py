"""Aggregations of a plan for reports: per Polres/Polsek and per category (pure, no Django)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .patterns import CATEGORIES
from .planner import Plan, Units


@dataclass(frozen=True)
class UnitBreakdown:
    """Groups, TPS, officers (required and guarded) and linmas of the TPS one unit guards."""

    code: str
    planning_code: str
    groups: int
    tps: int
    officers: int
    guarded: int
    linmas: int
    tps_by_category: dict[str, int]


def by_unit(result: Plan, units: Units) -> list[UnitBreakdown]:
    """One row per unit (Polres or Polsek) that has TPS in the plan, in unit order."""
    g, n = result.groups, len(units)
    groups = np.bincount(g.unit, minlength=n)
    tps = np.bincount(g.unit, weights=g.n_tps, minlength=n)
    officers = np.bincount(g.unit, weights=g.police, minlength=n)
    guarded = np.bincount(g.unit, weights=g.police * result.covered, minlength=n)
    linmas = np.bincount(g.unit, weights=g.linmas, minlength=n)
    per_cat = np.zeros((n, len(CATEGORIES)), dtype=np.int64)
    np.add.at(per_cat, (g.unit, g.category), g.n_tps)
    return [
        UnitBreakdown(
            code=units.codes[u],
            planning_code=units.codes[int(result.plan_unit[u])],
            groups=int(groups[u]),
            tps=int(tps[u]),
            officers=int(officers[u]),
            guarded=int(guarded[u]),
            linmas=int(linmas[u]),
            tps_by_category={c: int(per_cat[u, i]) for i, c in enumerate(CATEGORIES)},
        )
        for u in np.flatnonzero(groups)
    ]


def by_category(result: Plan) -> dict[str, dict[str, int]]:
    """TPS, groups, officers required and guarded per category."""
    g = result.groups
    out = {}
    for i, c in enumerate(CATEGORIES):
        mine = g.category == i
        out[c] = {
            "tps": int(g.n_tps[mine].sum()),
            "groups": int(mine.sum()),
            "officers": int(g.police[mine].sum()),
            "guarded": int(g.police[mine & result.covered].sum()),
        }
    return out
