"""The pure deployment planner: TPS categories + personnel + patterns → guard plan (issue 6).

No Django here. Inputs are dataclasses of NumPy arrays (indices into the unit list, village ids,
island ids, coordinates with NaN for unknown); the output is a :class:`Plan` with the guard groups,
which are guarded, the reinforcements proposed, per-Polres totals and a lower bound on the officers
needed.

Steps: (1) TPS that are on another island than their unit's base or beyond the travel limit are
marked to stand alone (:mod:`.grouping`); (2) TPS are grouped per unit, category, island and
village; (3) each Polres covers its groups from its own and its Polsek's personnel, most vulnerable
first; (4) HiGHS proposes reinforcements from other Polres and the Polda pool
(:mod:`.reinforcement`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .grouping import Groups, TravelRules, build_groups, isolated_mask, lower_bound
from .patterns import CATEGORIES, DEFAULT_PRIORITY, PatternSet
from .reinforcement import Flow, cover

POLDA, POLRES, POLSEK = 0, 1, 2


class PlanInputError(ValueError):
    """The planner's inputs are inconsistent (lengths, indices, categories)."""


@dataclass(frozen=True)
class Units:
    """Police units as parallel arrays; ``parent`` holds the parent's index or -1.

    ``kind`` is 0 Polda, 1 Polres/Polresta, 2 Polsek. ``available`` is the officers a unit can put
    on TPS duty; a Polda's ``available`` is its reinforcement (BKO) pool.
    """

    codes: list[str]
    kind: np.ndarray
    parent: np.ndarray
    available: np.ndarray
    island: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(frozen=True)
class PollingStations:
    """TPS as parallel arrays: category index (see ``CATEGORIES``), village id, unit index, island
    id (-1 unknown) and coordinates (NaN unknown)."""

    codes: list[str]
    category: np.ndarray
    village: np.ndarray
    unit: np.ndarray
    island: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(frozen=True)
class PlanOptions:
    """Travel rules and the order in which categories are covered when officers are short."""

    travel: TravelRules = field(default_factory=TravelRules)
    priority: tuple[int, ...] = DEFAULT_PRIORITY


@dataclass(frozen=True)
class UnitTotals:
    """Totals of one planning unit (a Polres with its Polsek)."""

    unit: int
    code: str
    required: int
    available: int
    own_used: int
    reinforcements: int
    lent: int
    shortfall: int
    groups: int
    tps: int
    linmas: int


@dataclass(frozen=True)
class Plan:
    """A guard plan; ``groups.tps_group`` maps TPS to groups, ``covered`` marks guarded groups."""

    groups: Groups
    covered: np.ndarray
    plan_unit: np.ndarray
    units: list[UnitTotals]
    flows: list[Flow]
    pool: int
    lower_bound: int

    @property
    def required(self) -> int:
        return int(self.groups.police.sum())

    @property
    def available(self) -> int:
        return sum(u.available for u in self.units)

    @property
    def shortfall(self) -> int:
        return sum(u.shortfall for u in self.units)

    @property
    def reinforcements(self) -> int:
        return sum(f.officers for f in self.flows)

    @property
    def gap(self) -> int:
        """Officers the plan needs above the lower bound (the price of one-village groups)."""
        return self.required - self.lower_bound


def plan(
    tps: PollingStations, units: Units, patterns: PatternSet, options: PlanOptions | None = None
) -> Plan:
    """Group the TPS, cover them by pattern and propose reinforcements; see the module docstring."""
    options = options or PlanOptions()
    _check(tps, units, options)
    matrix = patterns.matrix(units.codes, units.parent)
    isolated = isolated_mask(
        tps.unit,
        tps.island,
        tps.latitude,
        tps.longitude,
        units.island,
        units.latitude,
        units.longitude,
        options.travel,
    )
    groups = build_groups(
        unit=tps.unit,
        category=tps.category,
        village=tps.village,
        island=tps.island,
        latitude=tps.latitude,
        longitude=tps.longitude,
        isolated=isolated,
        patterns=matrix,
    )
    plan_unit, pool_of = planning_units(units)
    pooled = np.bincount(
        plan_unit, weights=np.where(units.kind == POLDA, 0, units.available), minlength=len(units)
    ).astype(np.int64)
    spare = np.where(units.kind == POLDA, units.available, pooled)
    coverage = cover(
        groups=groups,
        plan_unit=plan_unit,
        available=spare,
        pool_of=pool_of,
        unit_lat=units.latitude,
        unit_lon=units.longitude,
        unit_island=units.island,
        priority=options.priority,
        rules=options.travel,
    )
    totals = _totals(
        units, groups, coverage.covered, plan_unit, pooled, coverage.own_used, coverage.flows
    )
    lb = lower_bound(
        unit=tps.unit, category=tps.category, island=tps.island, isolated=isolated, patterns=matrix
    )
    pool = int(units.available[units.kind == POLDA].sum())
    return Plan(
        groups=groups,
        covered=coverage.covered,
        plan_unit=plan_unit,
        units=totals,
        flows=coverage.flows,
        pool=pool,
        lower_bound=lb,
    )


def planning_units(units: Units) -> tuple[np.ndarray, np.ndarray]:
    """Per unit, the Polres that pools its personnel; per unit, the Polda above it (or -1)."""
    n = len(units)
    plan_unit = np.arange(n)
    polda = np.full(n, -1, dtype=np.int64)
    for u in range(n):
        v, steps = u, 0
        # A Polsek directly under a Polda (no Polres) plans on its own.
        while units.kind[v] == POLSEK and _parent_kind(units, v) not in (POLDA, -1) and steps < n:
            v, steps = int(units.parent[v]), steps + 1
        plan_unit[u] = v
        w, steps = v, 0
        while w >= 0 and units.kind[w] != POLDA and steps < n:
            w, steps = int(units.parent[w]), steps + 1
        polda[u] = w if w >= 0 and units.kind[w] == POLDA else -1
    return plan_unit, polda


def _parent_kind(units: Units, u: int) -> int:
    p = int(units.parent[u])
    return int(units.kind[p]) if p >= 0 else -1


def _totals(units, groups, covered, plan_unit, pooled, own_used, flows) -> list[UnitTotals]:  # type: ignore[no-untyped-def]
    n = len(units)
    p = plan_unit[groups.unit]
    required = np.bincount(p, weights=groups.police, minlength=n).astype(np.int64)
    guarded = np.bincount(p, weights=groups.police * covered, minlength=n).astype(np.int64)
    n_groups = np.bincount(p, minlength=n)
    n_tps = np.bincount(p, weights=groups.n_tps, minlength=n).astype(np.int64)
    linmas = np.bincount(p, weights=groups.linmas, minlength=n).astype(np.int64)
    received, lent = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    for f in flows:
        received[f.target] += f.officers
        lent[f.source] += f.officers
    rows = []
    for u in range(n):
        if units.kind[u] == POLDA or plan_unit[u] != u or (required[u] == 0 and pooled[u] == 0):
            continue
        rows.append(
            UnitTotals(
                unit=u,
                code=units.codes[u],
                required=int(required[u]),
                available=int(pooled[u]),
                own_used=int(own_used[u]),
                reinforcements=int(received[u]),
                lent=int(lent[u]),
                shortfall=int(required[u] - guarded[u]),
                groups=int(n_groups[u]),
                tps=int(n_tps[u]),
                linmas=int(linmas[u]),
            )
        )
    return rows


def _check(tps: PollingStations, units: Units, options: PlanOptions) -> None:
    n = len(tps)
    for name in ("category", "village", "unit", "island", "latitude", "longitude"):
        if getattr(tps, name).shape != (n,):
            raise PlanInputError(f"TPS array {name} must have length {n}")
    m = len(units)
    for name in ("kind", "parent", "available", "island", "latitude", "longitude"):
        if getattr(units, name).shape != (m,):
            raise PlanInputError(f"unit array {name} must have length {m}")
    if n and (tps.unit.min() < 0 or tps.unit.max() >= m):
        raise PlanInputError("TPS unit index out of range")
    if n and (units.kind[tps.unit] == POLDA).any():
        raise PlanInputError("TPS must belong to a Polres or Polsek, not to a Polda")
    if n and (tps.category.min() < 0 or tps.category.max() >= len(CATEGORIES)):
        raise PlanInputError("TPS category index out of range")
    if m and (units.available < 0).any():
        raise PlanInputError("available personnel must not be negative")
    if sorted(options.priority) != list(range(len(CATEGORIES))):
        raise PlanInputError("priority must order every category exactly once")
