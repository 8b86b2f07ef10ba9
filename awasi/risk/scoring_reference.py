"""A straightforward per-row reading of the scoring method of :mod:`awasi.risk.scoring`.

Pure Python, one TPS at a time, written to be obviously right rather than fast. Tests compare the
vectorised engine with it on random data; ``bench/risk`` times both on the same rows. Not used by
the application.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from awasi.risk.catalogue import Catalogue


def score_row(
    values: Sequence[float], catalogue: Catalogue, *, level: str = "tps"
) -> tuple[float, float, str | None, list[str]]:
    """(score or NaN, coverage, category or None, driver codes by decreasing contribution) of one
    row."""
    normalised = {}
    for indicator, value in zip(catalogue.indicators, values, strict=True):
        if value is None or math.isnan(value):
            value = 0.0 if catalogue.missing == "absent" else math.nan
        normalised[indicator.code] = min(value / indicator.scale_max, 1.0)
    contributions = {code: 0.0 for code in normalised}
    root_weight = _node_weight(catalogue, "", normalised, contributions, 1.0, full=False)
    coverage = _coverage(catalogue, normalised)
    enough = root_weight > 0 and coverage >= catalogue.min_coverage - 1e-12
    total = sum(contributions.values()) if enough else math.nan
    category = _category(catalogue, level, total, normalised)
    ranked = sorted(
        (c for c, p in contributions.items() if p > 0),
        key=lambda c: (-contributions[c], catalogue.indicator_codes().index(c)),
    )
    return total, coverage, category, ranked


def _children(catalogue: Catalogue, code: str) -> list[tuple[str, float, bool]]:
    """(code, weight, is_indicator) of the nodes directly under group ``code`` ("" = root)."""
    groups = [(g.code, g.weight, False) for g in catalogue.groups if g.parent == code]
    if code and not groups:
        return [(i.code, i.weight, True) for i in catalogue.indicators if i.group == code]
    return groups


def _node_weight(
    catalogue: Catalogue,
    code: str,
    normalised: dict[str, float],
    contributions: dict[str, float],
    share: float,
    *,
    full: bool,
) -> float:
    """Distribute ``share`` of the score over the observed children of ``code``; returns observed
    weight."""
    children = _children(catalogue, code)
    observed = []
    for child, weight, is_indicator in children:
        if is_indicator:
            seen = full or not math.isnan(normalised[child])
        else:
            seen = _has_observation(catalogue, child, normalised, full)
        if seen and weight > 0:
            observed.append((child, weight, is_indicator))
    total_weight = sum(w for _, w, _ in observed)
    for child, weight, is_indicator in observed:
        part = share * weight / total_weight
        if is_indicator:
            contributions[child] += 100.0 * part * (0.0 if full else normalised[child])
        else:
            _node_weight(catalogue, child, normalised, contributions, part, full=full)
    return total_weight


def _has_observation(
    catalogue: Catalogue, code: str, normalised: dict[str, float], full: bool
) -> bool:
    children = _children(catalogue, code)
    return any(
        (full or not math.isnan(normalised[c])) and w > 0
        if is_ind
        else _has_observation(catalogue, c, normalised, full)
        for c, w, is_ind in children
    )


def _coverage(catalogue: Catalogue, normalised: dict[str, float]) -> float:
    full_share = {code: 0.0 for code in normalised}
    _full_shares(catalogue, "", 1.0, full_share)
    return sum(s for code, s in full_share.items() if not math.isnan(normalised[code]))


def _full_shares(catalogue: Catalogue, code: str, share: float, out: dict[str, float]) -> None:
    children = [c for c in _children(catalogue, code) if c[1] > 0]
    total = sum(w for _, w, _ in children)
    for child, weight, is_indicator in children:
        if is_indicator:
            out[child] = share * weight / total
        else:
            _full_shares(catalogue, child, share * weight / total, out)


def _category(
    catalogue: Catalogue, level: str, total: float, normalised: dict[str, float]
) -> str | None:
    rank = -1
    if not math.isnan(total):
        rounded = round(total, catalogue.decimals)
        for band in catalogue.thresholds[level].bands:
            if rounded >= band.lower:
                rank = catalogue.category_rank(band.category)
    for indicator in catalogue.indicators:
        value = normalised[indicator.code]
        if indicator.floor_category and not math.isnan(value) and value > 0:
            rank = max(rank, catalogue.category_rank(indicator.floor_category))
    return catalogue.categories[rank] if rank >= 0 else None
