"""Covering guard groups with officers, and proposing reinforcements (BKO) with SciPy's HiGHS.

Each planning unit (a Polres with its Polsek) first covers its own groups from its own personnel in
priority order (*sangat rawan* and *rawan* first, issue 6) — for a single pool that greedy order is
lexicographically optimal. What stays uncovered becomes a transport problem per Polda: surplus
officers of other Polres and the Polda reinforcement pool flow to short Polres. It is solved as a
mixed-integer program by HiGHS (``scipy.optimize.milp``) in lexicographic stages: first the most
groups of the highest priority, then the next priority with the earlier results held, and last the
least travel (km) for that coverage. Group coverage is all-or-nothing: a group is guarded by its
full pattern or counted as short.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .grouping import Groups, TravelRules, haversine_km


@dataclass(frozen=True)
class Flow:
    """A proposed reinforcement: ``officers`` from unit index ``source`` to ``target``."""

    source: int
    target: int
    officers: int
    km: float


@dataclass(frozen=True)
class Coverage:
    """Which groups are guarded, and how officers moved."""

    covered: np.ndarray  # bool per group
    own_used: np.ndarray  # officers per unit index used on its own groups
    flows: list[Flow]


@dataclass(frozen=True)
class _Classes:
    """Demand classes: groups of one planning unit, category and officers-per-group value."""

    unit: np.ndarray
    category: np.ndarray
    police: np.ndarray
    count: np.ndarray
    of_group: np.ndarray


def cover(
    *,
    groups: Groups,
    plan_unit: np.ndarray,
    available: np.ndarray,
    pool_of: np.ndarray,
    unit_lat: np.ndarray,
    unit_lon: np.ndarray,
    unit_island: np.ndarray,
    priority: tuple[int, ...],
    rules: TravelRules,
) -> Coverage:
    """Cover groups from own personnel, then by reinforcement; ``available`` is per unit index.

    ``plan_unit`` maps each unit to the unit that pools its personnel (its Polres); ``pool_of`` maps
    a planning unit to its Polda's index (whose ``available`` is the reinforcement pool) or -1.
    """
    rank = np.full(max(priority) + 1, len(priority), dtype=np.int64)
    rank[list(priority)] = np.arange(len(priority))
    classes = _classes(groups, plan_unit, rank)
    own, spare = _cover_own(classes, available.astype(np.int64).copy())
    members = np.unique(plan_unit)
    members = members[pool_of[members] != members]  # a Polda is a pool, not a planning unit
    extra, flows = _reinforce(
        classes, own, spare, members, pool_of, unit_lat, unit_lon, unit_island, rank, rules
    )
    covered = _pick_groups(groups, classes, own + extra)
    own_used = np.bincount(classes.unit, weights=own * classes.police, minlength=len(available))
    return Coverage(covered=covered, own_used=own_used.astype(np.int64), flows=flows)


def _classes(groups: Groups, plan_unit: np.ndarray, rank: np.ndarray) -> _Classes:
    p = plan_unit[groups.unit]
    key = np.stack([p, rank[groups.category], groups.police, groups.category], axis=1)
    if len(groups) == 0:
        key = np.zeros((0, 4), dtype=np.int64)
    uniq, inverse, counts = np.unique(key, axis=0, return_inverse=True, return_counts=True)
    return _Classes(
        unit=uniq[:, 0],
        category=uniq[:, 3],
        police=uniq[:, 2],
        count=counts,
        of_group=inverse.reshape(-1),
    )


def _cover_own(classes: _Classes, spare: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Greedy per planning unit in (priority, officers-per-group) order; returns groups covered."""
    own = np.zeros(classes.count.shape[0], dtype=np.int64)
    for i in range(own.shape[0]):  # classes are sorted by unit, priority, officers per group
        u, need = int(classes.unit[i]), int(classes.police[i])
        take = min(int(classes.count[i]), int(spare[u]) // need)
        own[i] = take
        spare[u] -= take * need
    return own, spare


def _reinforce(
    classes: _Classes,
    own: np.ndarray,
    spare: np.ndarray,
    plan_units: np.ndarray,
    pool_of: np.ndarray,
    lat: np.ndarray,
    lon: np.ndarray,
    island: np.ndarray,
    rank: np.ndarray,
    rules: TravelRules,
) -> tuple[np.ndarray, list[Flow]]:
    extra = np.zeros_like(own)
    flows: list[Flow] = []
    short = classes.count - own
    if plan_units.size == 0:
        return extra, flows
    for polda in np.unique(pool_of[plan_units]):
        members = plan_units[pool_of[plan_units] == polda]
        sinks = np.flatnonzero(np.isin(classes.unit, members) & (short > 0))
        sources = [int(u) for u in members if spare[u] > 0]
        if polda >= 0 and spare[polda] > 0:
            sources.append(int(polda))
        if sinks.size == 0 or not sources:
            continue
        y, f = _solve(classes, short, sinks, sources, spare, polda, lat, lon, island, rank, rules)
        extra[sinks] = y
        flows.extend(f)
        for fl in f:
            spare[fl.source] -= fl.officers
    return extra, flows


def _arc_cost(
    s: int,
    t: int,
    polda: int,
    lat: np.ndarray,
    lon: np.ndarray,
    island: np.ndarray,
    rules: TravelRules,
) -> float:
    km = float(haversine_km(lat[s], lon[s], lat[t], lon[t]))
    km = 100.0 if np.isnan(km) else km
    if island[s] >= 0 and island[t] >= 0 and island[s] != island[t]:
        km += rules.island_crossing_penalty_km
    if s == polda:
        km += rules.polda_pool_penalty_km
    return km


def _solve(
    classes: _Classes,
    short: np.ndarray,
    sinks: np.ndarray,
    sources: list[int],
    spare: np.ndarray,
    polda: int,
    lat: np.ndarray,
    lon: np.ndarray,
    island: np.ndarray,
    rank: np.ndarray,
    rules: TravelRules,
) -> tuple[np.ndarray, list[Flow]]:
    targets = np.unique(classes.unit[sinks])
    arcs, cost = [], []
    for s in sources:
        for t in targets:
            if s == t:
                continue
            km = _arc_cost(s, int(t), polda, lat, lon, island, rules)
            limit = rules.max_reinforcement_km
            if s != polda and limit is not None and km > limit:
                continue
            arcs.append((s, int(t)))
            cost.append(1.0 + km)
    if not arcs:
        return np.zeros(sinks.size, dtype=np.int64), []
    n_y, n_x = sinks.size, len(arcs)
    src_row = {s: i for i, s in enumerate(sources)}
    tgt_row = {int(t): i for i, t in enumerate(targets)}
    a_cap = sparse.coo_matrix(
        (np.ones(n_x), ([src_row[s] for s, _ in arcs], n_y + np.arange(n_x))),
        shape=(len(sources), n_y + n_x),
    )
    bal_rows = [tgt_row[int(classes.unit[k])] for k in sinks] + [tgt_row[t] for _, t in arcs]
    bal_vals = np.concatenate([classes.police[sinks].astype(float), -np.ones(n_x)])
    a_bal = sparse.coo_matrix(
        (bal_vals, (bal_rows, np.arange(n_y + n_x))), shape=(len(targets), n_y + n_x)
    )
    cap = np.array([spare[s] for s in sources], dtype=float)
    cons = [LinearConstraint(a_cap, -np.inf, cap), LinearConstraint(a_bal, -np.inf, 0.0)]
    arc_cap = np.array([spare[s] for s, _ in arcs], dtype=float)
    upper = np.concatenate([short[sinks].astype(float), arc_cap])
    bounds = Bounds(np.zeros(n_y + n_x), upper)
    integrality = np.ones(n_y + n_x)
    levels = rank[classes.category[sinks]]
    for level in np.unique(levels):
        c = np.zeros(n_y + n_x)
        c[:n_y] = -(levels == level).astype(float)
        res = milp(c, constraints=cons, bounds=bounds, integrality=integrality)
        best = round(-res.fun) if res.success else 0
        cons.append(LinearConstraint(-c[np.newaxis, :], best - 0.5, np.inf))
    c = np.concatenate([np.zeros(n_y), np.asarray(cost)])
    res = milp(c, constraints=cons, bounds=bounds, integrality=integrality)
    if not res.success:
        return np.zeros(n_y, dtype=np.int64), []
    sol = np.rint(res.x).astype(np.int64)
    flows = [
        Flow(s, t, int(sol[n_y + i]), cost[i] - 1.0)
        for i, (s, t) in enumerate(arcs)
        if sol[n_y + i] > 0
    ]
    return sol[:n_y], flows


def _pick_groups(groups: Groups, classes: _Classes, total: np.ndarray) -> np.ndarray:
    """Guard the first ``total`` groups of each class: remote ones first, then the largest."""
    n = len(groups)
    order = np.lexsort((np.arange(n), -groups.n_tps, ~groups.isolated, classes.of_group))
    cls_sorted = classes.of_group[order]
    starts = np.searchsorted(cls_sorted, np.arange(classes.count.shape[0]))
    rank = np.arange(n) - starts[cls_sorted]
    covered = np.zeros(n, dtype=bool)
    covered[order] = rank < total[cls_sorted]
    return covered
