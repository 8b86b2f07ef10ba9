"""Grouping polling stations into guard groups (pure, vectorised with NumPy).

A guard group is a set of TPS guarded together by the officers of one pattern row. Rules (issue 6):
the TPS of one group share one unit, one category, one village and one island; a TPS that lies on
another island than its unit's base, or more than the allowed travel time away, shares its guards
with no other TPS; within a village, TPS are chunked along a Hilbert curve over their coordinates so
that the members of a group are near each other (TPS without coordinates come after, in input
order).

Within a village the number of groups, ceil(n / tps_per_group), is the least the pattern allows, so
a plan built from these groups uses as few officers as the village rule permits.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class TravelRules:
    """How far a guard may be from the unit's base before its TPS stands alone (configurable).

    Travel time is estimated from straight-line distance × detour factor ÷ speed; Polda Babel
    reported outer islands up to 10 hours away (legal-notes.md §8), so the default limit is a
    setting, not law.
    """

    max_travel_hours: float = 3.0
    speed_kmh: float = 30.0
    detour_factor: float = 1.4
    island_crossing_penalty_km: float = 150.0
    polda_pool_penalty_km: float = 0.0
    max_reinforcement_km: float | None = None


@dataclass(frozen=True)
class Groups:
    """Guard groups as parallel arrays; ``tps_group`` maps each input TPS to its group index."""

    tps_group: np.ndarray
    unit: np.ndarray
    category: np.ndarray
    village: np.ndarray
    island: np.ndarray
    isolated: np.ndarray
    n_tps: np.ndarray
    police: np.ndarray
    linmas: np.ndarray
    latitude: np.ndarray
    longitude: np.ndarray

    def __len__(self) -> int:
        return int(self.unit.shape[0])


def haversine_km(
    lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray
) -> np.ndarray:
    """Great-circle distance in km (NaN where a coordinate is unknown)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2) - np.radians(lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    out: np.ndarray = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return out


def hilbert_key(lat: np.ndarray, lon: np.ndarray, order: int = 16) -> np.ndarray:
    """Position of each point along a Hilbert curve over the globe (nearby points get near keys)."""
    n = 1 << order
    x = np.clip(((np.nan_to_num(lon) + 180.0) / 360.0 * (n - 1)).astype(np.int64), 0, n - 1)
    y = np.clip(((np.nan_to_num(lat) + 90.0) / 180.0 * (n - 1)).astype(np.int64), 0, n - 1)
    d = np.zeros(x.shape, dtype=np.int64)
    s = n >> 1
    while s > 0:
        rx = (x & s) > 0
        ry = (y & s) > 0
        d += s * s * ((3 * rx.astype(np.int64)) ^ ry.astype(np.int64))
        flip = ~ry & rx
        x = np.where(flip, n - 1 - x, x)
        y = np.where(flip, n - 1 - y, y)
        x, y = np.where(~ry, y, x), np.where(~ry, x, y)
        s >>= 1
    return d


def isolated_mask(
    tps_unit: np.ndarray,
    tps_island: np.ndarray,
    tps_lat: np.ndarray,
    tps_lon: np.ndarray,
    unit_island: np.ndarray,
    unit_lat: np.ndarray,
    unit_lon: np.ndarray,
    rules: TravelRules,
) -> np.ndarray:
    """True for TPS that may not share guards: another island than the unit's base, or too far."""
    base_island = unit_island[tps_unit]
    other_island = (tps_island >= 0) & (base_island >= 0) & (tps_island != base_island)
    km = haversine_km(tps_lat, tps_lon, unit_lat[tps_unit], unit_lon[tps_unit])
    hours = km * rules.detour_factor / rules.speed_kmh
    too_far = np.nan_to_num(hours, nan=0.0) > rules.max_travel_hours
    out: np.ndarray = other_island | too_far
    return out


def build_groups(
    *,
    unit: np.ndarray,
    category: np.ndarray,
    village: np.ndarray,
    island: np.ndarray,
    latitude: np.ndarray,
    longitude: np.ndarray,
    isolated: np.ndarray,
    patterns: np.ndarray,
) -> Groups:
    """Chunk TPS into guard groups; ``patterns`` is the (units, 4, 3) police/tps/linmas matrix."""
    n = unit.shape[0]
    has_xy = ~(np.isnan(latitude) | np.isnan(longitude))
    curve = np.where(has_xy, hilbert_key(latitude, longitude), 0)
    # np.lexsort sorts by the last key first.
    order = np.lexsort((np.arange(n), curve, ~has_xy, isolated, village, island, category, unit))
    keys = np.stack([unit, category, island, village, isolated.astype(np.int64)])[:, order]
    new_bucket = np.ones(n, dtype=bool)
    if n:
        new_bucket[1:] = np.any(keys[:, 1:] != keys[:, :-1], axis=0)
    bucket_start = np.maximum.accumulate(np.where(new_bucket, np.arange(n), 0))
    rank = np.arange(n) - bucket_start
    size = np.where(isolated[order], 1, patterns[unit[order], category[order], 1])
    chunk = rank // size
    new_group = new_bucket.copy()
    if n:
        new_group[1:] |= chunk[1:] != chunk[:-1]
    group_sorted = np.cumsum(new_group) - 1
    tps_group = np.empty(n, dtype=np.int64)
    tps_group[order] = group_sorted
    return _group_arrays(
        tps_group,
        order,
        new_group,
        unit,
        category,
        village,
        island,
        isolated,
        latitude,
        longitude,
        has_xy,
        patterns,
    )


def _group_arrays(
    tps_group: np.ndarray,
    order: np.ndarray,
    new_group: np.ndarray,
    unit: np.ndarray,
    category: np.ndarray,
    village: np.ndarray,
    island: np.ndarray,
    isolated: np.ndarray,
    latitude: np.ndarray,
    longitude: np.ndarray,
    has_xy: np.ndarray,
    patterns: np.ndarray,
) -> Groups:
    first = order[new_group]
    n_groups = first.shape[0]
    n_tps = np.bincount(tps_group, minlength=n_groups)
    g_unit, g_cat = unit[first], category[first]
    counted = np.bincount(tps_group, weights=has_xy, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        lat_sum = np.bincount(
            tps_group, weights=np.where(has_xy, latitude, 0.0), minlength=n_groups
        )
        lon_sum = np.bincount(
            tps_group, weights=np.where(has_xy, longitude, 0.0), minlength=n_groups
        )
        lat, lon = lat_sum / counted, lon_sum / counted
    return Groups(
        tps_group=tps_group,
        unit=g_unit,
        category=g_cat,
        village=village[first],
        island=island[first],
        isolated=isolated[first],
        n_tps=n_tps,
        police=patterns[g_unit, g_cat, 0],
        linmas=n_tps * patterns[g_unit, g_cat, 2],
        latitude=lat,
        longitude=lon,
    )


def lower_bound(
    *,
    unit: np.ndarray,
    category: np.ndarray,
    island: np.ndarray,
    isolated: np.ndarray,
    patterns: np.ndarray,
) -> int:
    """Officers needed if TPS of one unit, category and island could be grouped across villages.

    A valid lower bound for any plan under the pattern, island and travel rules: only the village
    rule is relaxed, so the gap to the plan is what keeping groups inside one village costs.
    """
    if unit.shape[0] == 0:
        return 0
    free = ~isolated
    keys = np.stack([unit[free], category[free], island[free]], axis=1)
    uniq, counts = (
        np.unique(keys, axis=0, return_counts=True)
        if free.any()
        else (np.zeros((0, 3), dtype=np.int64), np.zeros(0, dtype=np.int64))
    )
    pol = patterns[uniq[:, 0], uniq[:, 1], 0] if len(uniq) else np.zeros(0, dtype=np.int64)
    tpg = patterns[uniq[:, 0], uniq[:, 1], 1] if len(uniq) else np.ones(0, dtype=np.int64)
    grouped = int(np.sum(-(-counts // tpg) * pol))
    alone = int(np.sum(patterns[unit[isolated], category[isolated], 0]))
    return grouped + alone
