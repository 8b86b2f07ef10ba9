"""Vectorised risk scoring: TPS scores and categories, the IKP per dimension and overall, drivers.

Pure module (numpy, no Django). Input is a matrix ``values`` (rows × indicators, catalogue order),
NaN where nothing was observed. The method, stated once so an officer can explain a rating:

1. Each value is normalised to 0..1 by its scale (binary 0/1, count capped at ``scale_max``,
   percent / 100).
2. A leaf group (variable or sub-dimension) scores the weighted mean of its *observed* indicators
   × 100; each level above is the weighted mean of its observed children; the overall score is the
   weighted mean of the top-level groups (the IKP method as Bawaslu describes it: "sum of dimension
   scores weighted by each dimension's contribution", suarabaru.id 2022, secondary; the
   coefficients are not published, so every weight is configurable).
3. Missing values follow the catalogue's policy: ``unknown`` leaves them out of every mean
   (coverage drops), ``absent`` counts them as 0. Below ``min_coverage`` (share of the full-data
   weight observed) a row gets no overall score and no category from the score.
4. Category = the band whose lower bound the score (rounded to ``decimals``) reaches; then the
   "at least" floor rules of present indicators (e.g. special location → *sangat rawan*) raise it.
5. Drivers: each indicator's contribution in score points (value × effective weight × 100; they
   sum to the score); the largest non-zero ones, ties to the earlier indicator (points NaN when the
   row has no score).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from awasi.risk.catalogue import Catalogue

NO_CATEGORY = -1


@dataclass(frozen=True)
class Level:
    """One step up the tree: child ``i`` belongs to parent ``parent[i]``, with weight
    ``weight[i]``."""

    parent: np.ndarray
    weight: np.ndarray
    size: int


@dataclass(frozen=True)
class Compiled:
    """A catalogue as arrays, bottom level first (indicators → leaf groups → ... → top groups →
    root)."""

    catalogue: Catalogue
    scale_max: np.ndarray
    levels: tuple[Level, ...]
    full_weight: np.ndarray
    floor_rank: np.ndarray


@dataclass(frozen=True)
class Scores:
    """Scores of ``n`` rows: overall, per top-level group, coverage, category and drivers."""

    score: np.ndarray
    coverage: np.ndarray
    group_scores: np.ndarray
    category: np.ndarray
    driver_index: np.ndarray
    driver_points: np.ndarray
    flags: np.ndarray

    def __len__(self) -> int:
        return len(self.score)


def compile_catalogue(catalogue: Catalogue) -> Compiled:
    """Turn the tree into parent-index arrays, one per level, and precompute the full-data
    weights."""
    indicators = catalogue.indicators
    depth = len(catalogue.group_path(indicators[0].group)) if indicators else 0
    levels: list[Level] = []
    child_codes = [i.group for i in indicators]
    child_weights = [i.weight for i in indicators]
    for level_depth in range(depth, 0, -1):
        codes = [
            g.code for g in catalogue.groups if len(catalogue.group_path(g.code)) == level_depth
        ]
        index = {code: n for n, code in enumerate(codes)}
        levels.append(
            Level(
                parent=np.array([index[c] for c in child_codes], dtype=np.intp),
                weight=np.array(child_weights, dtype=float),
                size=len(codes),
            )
        )
        by_code = {g.code: g for g in catalogue.groups}
        child_codes = [by_code[c].parent for c in codes]
        child_weights = [by_code[c].weight for c in codes]
    # The root: top-level groups weighted into the overall score.
    levels.append(
        Level(
            parent=np.zeros(len(child_codes), dtype=np.intp), weight=np.array(child_weights), size=1
        )
    )
    ones = np.ones((1, len(indicators)))
    full = _effective_weights(ones, tuple(levels))[0]
    floor = [
        catalogue.category_rank(i.floor_category) if i.floor_category else -1 for i in indicators
    ]
    return Compiled(
        catalogue=catalogue,
        scale_max=np.array([i.scale_max for i in indicators], dtype=float),
        levels=tuple(levels),
        full_weight=full,
        floor_rank=np.array(floor, dtype=np.int8),
    )


def normalise(values: np.ndarray, compiled: Compiled) -> np.ndarray:
    """Scale raw values to 0..1 (NaN kept); negative values are a data error."""
    values = np.asarray(values, dtype=float)
    if values.ndim != 2 or values.shape[1] != len(compiled.scale_max):
        raise ValueError(f"expected (rows, {len(compiled.scale_max)}) values, got {values.shape}")
    if np.any(values < 0):
        raise ValueError("indicator values cannot be negative")
    result = np.minimum(values / compiled.scale_max, 1.0)
    if compiled.catalogue.missing == "absent":
        result = np.nan_to_num(result, nan=0.0)
    return result


def score(values: np.ndarray, compiled: Compiled, *, level: str = "tps", top: int = 3) -> Scores:
    """Score every row of ``values`` and categorise it with the thresholds of ``level``."""
    x = normalise(values, compiled)
    observed = ~np.isnan(x)
    x0 = np.where(observed, x, 0.0)
    effective = _effective_weights(observed.astype(float), compiled.levels)
    contributions = 100.0 * x0 * effective
    coverage = observed.astype(float) @ compiled.full_weight
    total = contributions.sum(axis=1)
    enough = (coverage >= compiled.catalogue.min_coverage - 1e-12) & (coverage > 0)
    overall = np.where(enough, total, np.nan)
    flags = x0 > 0
    category = categorise(overall, compiled, level=level, flags=flags)
    driver_index, driver_points = drivers(contributions, top=top)
    # Without enough coverage the points would explain a score that does not exist: keep only which.
    driver_points = np.where(enough[:, None], driver_points, np.nan)
    return Scores(
        score=overall,
        coverage=coverage,
        group_scores=_top_group_scores(x0, observed, compiled),
        category=category,
        driver_index=driver_index,
        driver_points=driver_points,
        flags=flags,
    )


def categorise(
    scores: np.ndarray, compiled: Compiled, *, level: str, flags: np.ndarray | None = None
) -> np.ndarray:
    """Category index per score (``NO_CATEGORY`` for NaN), raised by the floor rules of flagged
    indicators."""
    catalogue = compiled.catalogue
    thresholds = catalogue.thresholds[level]
    lowers = np.array(thresholds.lowers())
    ranks = np.array([catalogue.category_rank(b.category) for b in thresholds.bands], dtype=np.int8)
    rounded = np.round(np.asarray(scores, dtype=float), catalogue.decimals)
    position = np.searchsorted(lowers, np.nan_to_num(rounded, nan=-np.inf), side="right") - 1
    category = np.where(
        np.isnan(rounded) | (position < 0), NO_CATEGORY, ranks[np.maximum(position, 0)]
    ).astype(np.int8)
    if flags is not None and np.any(compiled.floor_rank >= 0):
        floors = np.where(flags, compiled.floor_rank, -1).max(axis=1).astype(np.int8)
        category = np.maximum(category, floors)
    return category


def drivers(contributions: np.ndarray, *, top: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Indices and points of the ``top`` largest positive contributions per row (-1 / 0 when
    fewer)."""
    n, k = contributions.shape
    top = min(top, k)
    if top == 0 or n == 0:
        return np.zeros((n, top), dtype=np.int16), np.zeros((n, top))
    # A tiny per-column offset makes equal contributions rank by catalogue order, deterministically.
    keyed = contributions - np.arange(k) * 1e-9
    part = np.argpartition(-keyed, top - 1, axis=1)[:, :top]
    order = np.argsort(-np.take_along_axis(keyed, part, axis=1), axis=1, kind="stable")
    index = np.take_along_axis(part, order, axis=1)
    points = np.take_along_axis(contributions, index, axis=1)
    index = np.where(points > 0, index, -1).astype(np.int16)
    return index, np.where(points > 0, points, 0.0)


def _effective_weights(observed: np.ndarray, levels: tuple[Level, ...]) -> np.ndarray:
    """Weight of each indicator in the overall score given what is observed (rows sum to 1, or
    0)."""
    effective = np.ones_like(observed)
    node_weight = observed * levels[0].weight
    node_of_indicator = np.arange(observed.shape[1])
    for position, level in enumerate(levels):
        denominator = _sum_by_parent(node_weight, level.parent, level.size)
        below = denominator[:, level.parent]
        share = np.divide(node_weight, below, out=np.zeros_like(node_weight), where=below > 0)
        effective *= share[:, node_of_indicator]
        node_of_indicator = level.parent[node_of_indicator]
        if position + 1 < len(levels):
            node_weight = (denominator > 0) * levels[position + 1].weight
    return effective


def _sum_by_parent(values: np.ndarray, parent: np.ndarray, size: int) -> np.ndarray:
    membership = np.zeros((len(parent), size))
    membership[np.arange(len(parent)), parent] = 1.0
    return values @ membership


def _top_group_scores(x0: np.ndarray, observed: np.ndarray, compiled: Compiled) -> np.ndarray:
    """Score of each top-level group (dimension/variable), NaN when nothing under it was
    observed."""
    node_score = x0
    node_observed = observed.astype(float)
    for level in compiled.levels[:-1]:
        weight = node_observed * level.weight
        denominator = _sum_by_parent(weight, level.parent, level.size)
        numerator = _sum_by_parent(weight * node_score, level.parent, level.size)
        node_score = np.divide(
            numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0
        )
        node_observed = (denominator > 0).astype(float)
    return np.where(node_observed > 0, 100.0 * node_score, np.nan)
