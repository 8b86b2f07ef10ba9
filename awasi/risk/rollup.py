"""Roll TPS scores up to village, district, regency and province by hierarchical region codes.

Pure module (numpy, no Django). Region codes follow Kemendagri's dotted form (``19``, ``19.04``,
``19.04.05``, ``19.04.05.2001``), so a region's ancestors are prefixes of its code. Everything is
summed per village first (one ``bincount`` pass over the TPS rows), then the much smaller village
table is summed upwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from awasi.risk.catalogue import FrequencyBand
from awasi.risk.scoring import Scores

LEVEL_DEPTH = {"province": 1, "regency": 2, "district": 3, "village": 4}
LEVELS = ("village", "district", "regency", "province")


@dataclass(frozen=True)
class RegionRollup:
    """Aggregates of one level; row ``r`` describes region ``codes[r]``.

    ``mean_score`` is the region's index (mean of its scored TPS, NaN if none); ``group_means`` the
    same per
    variable/dimension; ``category_counts`` TPS per category; ``indicator_counts`` TPS where each
    indicator is
    present (what the "most frequent indicators" chart counts).
    """

    level: str
    codes: tuple[str, ...]
    tps_count: np.ndarray
    scored_count: np.ndarray
    mean_score: np.ndarray
    max_score: np.ndarray
    category_counts: np.ndarray
    group_means: np.ndarray
    indicator_counts: np.ndarray

    def index_of(self, code: str) -> int:
        return self.codes.index(code)


def parent_code(code: str, level: str) -> str:
    """The ancestor of ``code`` at ``level`` (``19.04.05.2001`` → regency ``19.04``)."""
    return ".".join(code.split(".")[: LEVEL_DEPTH[level]])


def factorize(codes: Iterable[str]) -> tuple[list[str], np.ndarray]:
    """Distinct codes in first-seen order and, per input, its position among them."""
    positions: dict[str, int] = {}
    inverse = [positions.setdefault(code, len(positions)) for code in codes]
    return list(positions), np.array(inverse, dtype=np.intp)


def rollup(
    scores: Scores,
    village_index: np.ndarray,
    village_codes: Sequence[str],
    *,
    n_categories: int,
    levels: Sequence[str] = LEVELS,
) -> dict[str, RegionRollup]:
    """Aggregate per-TPS ``scores`` (TPS ``t`` lies in ``village_codes[village_index[t]]``) to
    ``levels``."""
    sums = _village_sums(scores, np.asarray(village_index), len(village_codes), n_categories)
    result = {}
    codes = list(village_codes)
    for level in LEVELS:
        if level != "village":
            # Walk up one level at a time: each step factorizes only the level below's codes.
            codes, parent = factorize(code.rpartition(".")[0] for code in codes)
            sums = _roll_up(sums, parent, len(codes))
        if level in levels:
            result[level] = _finish(level, codes, sums)
    return result


def aggregate_regions(
    values: np.ndarray, codes: Sequence[str], level: str, weights: np.ndarray | None = None
) -> tuple[list[str], np.ndarray]:
    """NaN-aware (weighted) mean of region rows per ancestor at ``level`` — e.g. regency IKP →
    province.

    Bawaslu's second IKP approach aggregates kab/kota results (suara.com 16 Dec 2022, secondary);
    how it
    weights them is not published, so equal weights are the default.
    """
    values = np.atleast_2d(np.asarray(values, dtype=float).T).T
    weights = np.ones(len(codes)) if weights is None else np.asarray(weights, dtype=float)
    parents, index = factorize(parent_code(c, level) for c in codes)
    observed = ~np.isnan(values)
    w = observed * weights[:, None]
    total = _sum_rows(np.where(observed, values, 0.0) * w, index, len(parents))
    denominator = _sum_rows(w, index, len(parents))
    mean = np.divide(total, denominator, out=np.full_like(total, np.nan), where=denominator > 0)
    return parents, mean


def frequency_classes(
    counts: np.ndarray, mapped_tps: int, bands: Sequence[FrequencyBand]
) -> list[str]:
    """Class of each indicator for the "most frequent indicators" chart ("" when it never
    occurs)."""
    result = []
    for count in np.asarray(counts):
        share = count / mapped_tps if mapped_tps else 0.0
        label = next((b.label for b in bands if count > 0 and share >= b.min_share), "")
        result.append(label)
    return result


def _village_sums(
    scores: Scores, village: np.ndarray, size: int, n_categories: int
) -> dict[str, np.ndarray]:
    scored = ~np.isnan(scores.score)
    category = scores.category.astype(np.intp)
    has_category = category >= 0
    cells = village[has_category] * n_categories + category[has_category]
    group_observed = ~np.isnan(scores.group_scores)
    maxima = np.full(size, -np.inf)
    np.maximum.at(maxima, village[scored], scores.score[scored])
    return {
        "tps": np.bincount(village, minlength=size).astype(float),
        "scored": np.bincount(village, weights=scored, minlength=size),
        "score_sum": np.bincount(
            village, weights=np.where(scored, scores.score, 0.0), minlength=size
        ),
        "max": maxima,
        "categories": np.bincount(cells, minlength=size * n_categories).reshape(size, n_categories),
        "group_sum": _columns(village, np.where(group_observed, scores.group_scores, 0.0), size),
        "group_n": _columns(village, group_observed, size),
        "indicators": _columns(village, scores.flags, size),
    }


def _columns(index: np.ndarray, matrix: np.ndarray, size: int) -> np.ndarray:
    columns = [
        np.bincount(index, weights=matrix[:, k], minlength=size) for k in range(matrix.shape[1])
    ]
    return np.stack(columns, axis=1) if columns else np.zeros((size, 0))


def _sum_rows(values: np.ndarray, index: np.ndarray, size: int) -> np.ndarray:
    """Sum rows of ``values`` into ``size`` buckets by ``index``."""
    if values.ndim == 1:
        return np.bincount(index, weights=values, minlength=size)
    return _columns(index, values, size)


def _roll_up(sums: dict[str, np.ndarray], parent: np.ndarray, size: int) -> dict[str, np.ndarray]:
    rolled = {k: _sum_rows(v, parent, size) for k, v in sums.items() if k != "max"}
    rolled["max"] = np.full(size, -np.inf)
    np.maximum.at(rolled["max"], parent, sums["max"])
    return rolled


def _finish(level: str, codes: list[str], sums: dict[str, np.ndarray]) -> RegionRollup:
    return RegionRollup(
        level=level,
        codes=tuple(codes),
        tps_count=sums["tps"].astype(np.int64),
        scored_count=sums["scored"].astype(np.int64),
        mean_score=_ratio(sums["score_sum"], sums["scored"]),
        max_score=np.where(np.isinf(sums["max"]), np.nan, sums["max"]),
        category_counts=sums["categories"].astype(np.int64),
        group_means=_ratio(sums["group_sum"], sums["group_n"]),
        indicator_counts=sums["indicators"].astype(np.int64),
    )


def _ratio(total: np.ndarray, count: np.ndarray) -> np.ndarray:
    out = np.full_like(total, np.nan, dtype=float)
    np.divide(total, count, out=out, where=count > 0)
    return out
