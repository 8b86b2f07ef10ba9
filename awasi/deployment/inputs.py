"""Turn plain records (CSV files or the database) into the planner's arrays (pure, no Django)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .patterns import CATEGORY_INDEX
from .planner import POLDA, POLRES, POLSEK, PollingStations, Units

KIND_INDEX = {"polda": POLDA, "polres": POLRES, "polsek": POLSEK}


@dataclass(frozen=True)
class UnitRecord:
    """One police unit; ``kind`` is ``polda``, ``polres`` or ``polsek``."""

    code: str
    kind: str
    parent_code: str | None = None
    available: int = 0
    island: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class TpsRecord:
    """One polling station with its category and the code of the unit that guards its village."""

    code: str
    village_code: str
    category: str
    unit_code: str
    island: str | None = None
    latitude: float | None = None
    longitude: float | None = None


def _float(value: float | None) -> float:
    return math.nan if value is None else float(value)


def build_units(records: Sequence[UnitRecord]) -> tuple[Units, dict[str, int]]:
    """Arrays for the units, and the index of each unit code. Island names become ids."""
    index = {r.code: i for i, r in enumerate(records)}
    islands: dict[str, int] = {}
    units = Units(
        codes=[r.code for r in records],
        kind=np.array([KIND_INDEX[r.kind] for r in records], dtype=np.int64),
        parent=np.array([index.get(r.parent_code or "", -1) for r in records], dtype=np.int64),
        available=np.array([r.available for r in records], dtype=np.int64),
        island=np.array([_island_id(islands, r.island) for r in records], dtype=np.int64),
        latitude=np.array([_float(r.latitude) for r in records], dtype=float),
        longitude=np.array([_float(r.longitude) for r in records], dtype=float),
    )
    return units, index


def build_stations(
    records: Sequence[TpsRecord], unit_index: dict[str, int], islands: dict[str, int] | None = None
) -> PollingStations:
    """Arrays for the TPS; unknown unit codes or categories raise ``KeyError``."""
    villages: dict[str, int] = {}
    islands = {} if islands is None else islands
    return PollingStations(
        codes=[r.code for r in records],
        category=np.array([CATEGORY_INDEX[r.category] for r in records], dtype=np.int64),
        village=np.array(
            [villages.setdefault(r.village_code, len(villages)) for r in records], dtype=np.int64
        ),
        unit=np.array([unit_index[r.unit_code] for r in records], dtype=np.int64),
        island=np.array([_island_id(islands, r.island) for r in records], dtype=np.int64),
        latitude=np.array([_float(r.latitude) for r in records], dtype=float),
        longitude=np.array([_float(r.longitude) for r in records], dtype=float),
    )


def build(
    units: Sequence[UnitRecord], stations: Sequence[TpsRecord]
) -> tuple[PollingStations, Units]:
    """Both array sets with one island numbering shared between units and TPS."""
    islands: dict[str, int] = {}
    ids = [_island_id(islands, r.island) for r in units]
    u, index = build_units(units)
    u = Units(
        codes=u.codes,
        kind=u.kind,
        parent=u.parent,
        available=u.available,
        island=np.array(ids, dtype=np.int64),
        latitude=u.latitude,
        longitude=u.longitude,
    )
    return build_stations(stations, index, islands), u


def _island_id(islands: dict[str, int], name: str | None) -> int:
    if not name:
        return -1
    return islands.setdefault(name, len(islands))
