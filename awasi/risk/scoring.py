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
    """One step up the tree: child ``i`` belongs to parent ``parent[i]`` with weight ``weight[i]``.

    ``membership`` is the same as a (children × parents) matrix holding the weights.
    """

    parent: np.ndarray
    weight: np.ndarray
    size: int

    @property
    def membership(self) -> np.ndarray:
        matrix = np.zeros((len(self.parent), self.size))
        matrix[np.arange(len(self.parent)), self.parent] = self.weight
        return matrix


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
    full = _full_weight(tuple(levels), len(indicators))
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
    return np.asarray(result)


def score(values: np.ndarray, compiled: Compiled, *, level: str = "tps", top: int = 3) -> Scores:
    """Score every row of ``values`` and categorise it with the thresholds of ``level``."""
    x = normalise(values, compiled)
    observed = ~np.isnan(x)
    x0 = np.where(observed, x, 0.0)
    seen = observed.astype(float)
    passes = _bottom_up(x0, seen, compiled.levels)
    coverage = seen @ compiled.full_weight
    enough = (coverage >= compiled.catalogue.min_coverage - 1e-12) & (coverage > 0)
    overall = np.where(enough, 100.0 * passes[-1][1][:, 0], np.nan)
    flags = x0 > 0
    contributions = _indicator_factors(passes, compiled.levels)
    np.multiply(contributions, x0, out=contributions)
    contributions *= 100.0
    driver_index, driver_points = drivers(contributions, top=top)
    # Without enough coverage the points would explain a score that does not exist: keep only which.
    driver_points = np.where(enough[:, None], driver_points, np.nan)
    top_denominator, top_score = passes[-2]
    return Scores(
        score=overall,
        coverage=coverage,
        group_scores=np.where(top_denominator > 0, 100.0 * top_score, np.nan),
        category=categorise(overall, compiled, level=level, flags=flags),
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
    # ``top`` passes of argmax beat a full argpartition + argsort for the usual top = 3.
    keyed = contributions - np.arange(k) * 1e-9
    rows = np.arange(n)
    index = np.empty((n, top), dtype=np.intp)
    points = np.empty((n, top))
    for column in range(top):
        best = keyed.argmax(axis=1)
        index[:, column] = best
        points[:, column] = contributions[rows, best]
        keyed[rows, best] = -np.inf
    index = np.where(points > 0, index, -1).astype(np.int16)
    return index, np.where(points > 0, points, 0.0)


def _bottom_up(
    x0: np.ndarray, seen: np.ndarray, levels: tuple[Level, ...]
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per level: (observed weight under each node, node score 0..1 over observed children).

    ``x0`` is 0 wherever nothing was observed, and so is every node score without observed children,
    so the numerator needs no mask.
    """
    value = x0
    passes = []
    for level in levels:
        membership = level.membership
        denominator = seen @ membership
        numerator = value @ membership
        value = np.divide(
            numerator, denominator, out=np.zeros_like(numerator), where=denominator > 0
        )
        seen = (denominator > 0).astype(float)
        passes.append((denominator, value))
    return passes


def _indicator_factors(
    passes: list[tuple[np.ndarray, np.ndarray]], levels: tuple[Level, ...]
) -> np.ndarray:
    """Effective weight of each indicator in the overall score (rows sum to 1 over observed ones).

    Computed top-down on the small group matrices; only the last step touches rows × indicators.
    Unobserved indicators and groups need no mask: their values are 0.
    """
    factor = np.ones((passes[0][0].shape[0], 1))
    for (denominator, _), level in zip(reversed(passes), reversed(levels), strict=True):
        ratio = np.divide(
            factor, denominator, out=np.zeros_like(denominator), where=denominator > 0
        )
        factor = ratio[:, level.parent] * level.weight
    return factor


def _full_weight(levels: tuple[Level, ...], n_indicators: int) -> np.ndarray:
    ones = np.ones((1, n_indicators))
    return np.asarray(_indicator_factors(_bottom_up(ones, ones, levels), levels)[0])
