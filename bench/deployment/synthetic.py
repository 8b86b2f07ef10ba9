"""Synthetic planning instances for the deployment benchmarks (vectorised; seeded; no Django).

The shape follows the real problem: Poldas with a reinforcement pool, Polres with Polsek, villages
each guarded by one unit, about 90 % *kurang rawan* TPS, a few per cent on small islands,
coordinates known for most TPS, and personnel between 60 % and 120 % of what a 1-per-3 pattern
needs, so that the reinforcement solver has work to do.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from awasi.deployment.patterns import Pattern, PatternSet
from awasi.deployment.planner import POLDA, POLRES, POLSEK, PollingStations, Units

PATTERNS = PatternSet(
    default={
        "kurang_rawan": Pattern(1, 3, 2),
        "rawan": Pattern(1, 2, 2),
        "sangat_rawan": Pattern(1, 1, 2),
        "khusus": Pattern(2, 1, 2),
    },
    label="benchmark (Polres Belitung style)",
)


@dataclass(frozen=True)
class Size:
    """How big an instance is."""

    tps: int
    polda: int
    polres: int
    polsek_per_polres: int
    villages: int


BABEL = Size(tps=4_116, polda=1, polres=7, polsek_per_polres=5, villages=393)
NATIONAL = Size(tps=820_000, polda=34, polres=500, polsek_per_polres=10, villages=83_000)


def instance(size: Size, seed: int = 2024) -> tuple[PollingStations, Units]:
    """Build one instance of the given size."""
    rng = np.random.default_rng(seed)
    units = _units(size, rng)
    return _stations(size, units, rng), units


def _units(size: Size, rng: np.random.Generator) -> Units:
    n_polsek = size.polres * size.polsek_per_polres
    kind = np.concatenate(
        [np.full(size.polda, POLDA), np.full(size.polres, POLRES), np.full(n_polsek, POLSEK)]
    )
    polres_parent = rng.integers(0, size.polda, size.polres)
    polsek_parent = size.polda + np.repeat(np.arange(size.polres), size.polsek_per_polres)
    parent = np.concatenate([np.full(size.polda, -1), polres_parent, polsek_parent])
    centre_lat = rng.uniform(-8, 4, size.polda)
    centre_lon = rng.uniform(96, 140, size.polda)
    lat = np.empty(kind.size)
    lon = np.empty(kind.size)
    lat[: size.polda], lon[: size.polda] = centre_lat, centre_lon
    top = np.concatenate(
        [np.arange(size.polda), polres_parent, polres_parent[polsek_parent - size.polda]]
    )
    lat[size.polda :] = centre_lat[top[size.polda :]] + rng.normal(0, 0.6, kind.size - size.polda)
    lon[size.polda :] = centre_lon[top[size.polda :]] + rng.normal(0, 0.6, kind.size - size.polda)
    codes = [f"U{i:05d}" for i in range(kind.size)]
    return Units(
        codes=codes,
        kind=kind,
        parent=parent,
        available=np.zeros(kind.size, np.int64),
        island=np.where(kind == POLDA, -1, 0),
        latitude=lat,
        longitude=lon,
    )


def _stations(size: Size, units: Units, rng: np.random.Generator) -> PollingStations:
    guards = np.flatnonzero(units.kind != POLDA)
    village_unit = rng.choice(guards, size.villages)
    village = rng.integers(0, size.villages, size.tps)
    unit = village_unit[village]
    category = rng.choice(4, size.tps, p=[0.90, 0.07, 0.02, 0.01])
    island = np.where(rng.random(size.tps) < 0.03, rng.integers(1, 50, size.tps), 0)
    has_xy = rng.random(size.tps) < 0.8
    lat = np.where(has_xy, units.latitude[unit] + rng.normal(0, 0.1, size.tps), np.nan)
    lon = np.where(has_xy, units.longitude[unit] + rng.normal(0, 0.1, size.tps), np.nan)
    need = np.bincount(unit, minlength=len(units)) / 3.0
    units.available[:] = np.floor(need * rng.uniform(0.6, 1.2, len(units))).astype(np.int64)
    units.available[units.kind == POLDA] = int(need.sum() * 0.05 / size.polda)
    codes = [f"T{i:07d}" for i in range(size.tps)]
    return PollingStations(
        codes=codes,
        category=category,
        village=village,
        unit=unit,
        island=island,
        latitude=lat,
        longitude=lon,
    )
