"""Reads for deployment planning: TPS categories, planner inputs from the registry, patterns."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from awasi.core.errors import DomainError
from awasi.deployment.choices import CategorySource, TpsCategory
from awasi.deployment.inputs import TpsRecord, UnitRecord, build
from awasi.deployment.models import PatternProfile, Personnel, RosterMember
from awasi.deployment.patterns import Pattern, PatternSet
from awasi.deployment.planner import PollingStations, Units
from awasi.regions.choices import SpecialLocation
from awasi.regions.models import Island, PoliceUnit, PollingStation
from awasi.regions.selectors import police_units_for_villages

#: Special locations that make a TPS *khusus* when no vulnerability mapping exists (issue 6:
#: prisons → khusus). Configurable here; hospitals etc. stay ordinary without a mapping.
FALLBACK_KHUSUS = frozenset({SpecialLocation.PRISON, SpecialLocation.DETENTION})
#: A TPS within this distance of a small island's recorded position is taken to be on it.
ISLAND_SNAP_KM = 3.0


@dataclass(frozen=True)
class Categories:
    """TPS pk → category, where they came from, and how many TPS fell back to the flags."""

    by_pk: dict[int, str]
    source: str
    defaulted: int


def tps_categories_for(
    *, election: Any, region_code: str | None, stations: Iterable[Any]
) -> Categories:
    """Categories from the risk app (``awasi.risk.selectors.tps_categories``); where it is missing
    or returns nothing for a TPS: prisons and detention centres → khusus, others kurang rawan."""
    mapped: dict[int, str] = {}
    try:
        from awasi.risk.selectors import tps_categories  # built in parallel: import lazily
    except ImportError:
        tps_categories = None
    if tps_categories is not None:
        mapped = dict(tps_categories(election=election, region_code=region_code) or {})
    valid = set(TpsCategory.values)
    out: dict[int, str] = {}
    defaulted = 0
    for pk, special in stations:
        category = mapped.get(pk)
        if category not in valid:
            defaulted += 1
            khusus = special in FALLBACK_KHUSUS
            category = TpsCategory.KHUSUS if khusus else TpsCategory.KURANG_RAWAN
        out[pk] = category
    source = CategorySource.RISK if mapped else CategorySource.FALLBACK
    return Categories(by_pk=out, source=source, defaulted=defaulted)


def pattern_set_for(profile: PatternProfile) -> PatternSet:
    """The profile's rules as a :class:`PatternSet` (unit rules become overrides)."""
    default: dict[str, Pattern] = {}
    overrides: dict[str, dict[str, Pattern]] = {}
    for rule in profile.rules.select_related("unit"):
        pattern = Pattern(rule.police_per_group, rule.tps_per_group, rule.linmas_per_tps)
        if rule.unit_id is None:
            default[rule.category] = pattern
        else:
            overrides.setdefault(rule.unit.code, {})[rule.category] = pattern
    missing = [c for c in TpsCategory.values if c not in default]
    if missing:
        raise DomainError(
            f"Pattern set {profile.label} has no rule for: {', '.join(missing)}",
            code="pattern_incomplete",
        )
    return PatternSet(
        default=default, overrides=overrides, label=profile.label, source=profile.source
    )


def default_profile(election: Any) -> PatternProfile | None:
    """The election's default pattern set, else its first one."""
    profiles = PatternProfile.objects.filter(election=election)
    return profiles.filter(is_default=True).first() or profiles.first()


def personnel_counts(election: Any, units: Iterable[PoliceUnit]) -> dict[str, int]:
    """Officers available per unit code: the roster's size where a roster exists, else the count."""
    ids = [u.pk for u in units]
    counts = {
        p.unit.code: p.available
        for p in Personnel.objects.filter(election=election, unit_id__in=ids).select_related("unit")
    }
    rosters = (
        RosterMember.objects.filter(election=election, unit_id__in=ids)
        .values("unit__code")
        .annotate(n=Count("id"))
    )
    counts.update({r["unit__code"]: r["n"] for r in rosters})
    return counts


@dataclass(frozen=True)
class PlanningInputs:
    """The planner's arrays plus what is needed to save the plan against the registry."""

    tps: PollingStations
    units: Units
    station_pks: list[int]
    village_codes: list[str]
    unit_objects: list[PoliceUnit]
    categories: Categories


def registry_stations(election: Any, region_code: str) -> list[dict[str, Any]]:
    """The TPS of an election under a region, as dicts (one query)."""
    return list(
        PollingStation.objects.filter(election=election)
        .in_region(region_code)
        .order_by("code")
        .values(
            "pk", "code", "village_id", "latitude", "longitude", "island_id", "special_location"
        )
    )


def unit_lineage(units: Iterable[PoliceUnit]) -> list[PoliceUnit]:
    """The given units and all their ancestors, parents before children, each once."""
    seen: dict[int, PoliceUnit] = {}
    pending = list(units)
    while pending:
        unit = pending.pop()
        if unit.pk in seen:
            continue
        seen[unit.pk] = unit
        if unit.parent_id and unit.parent_id not in seen:
            pending.append(PoliceUnit.objects.get(pk=unit.parent_id))
    depth = {"polda": 0, "polres": 1, "polsek": 2}
    return sorted(seen.values(), key=lambda u: (depth[u.kind], u.code))


def jurisdiction(village_codes: Iterable[str]) -> tuple[dict[str, PoliceUnit], list[str]]:
    """The guarding unit per village, and the villages nobody guards."""
    codes = sorted(set(village_codes))
    units = police_units_for_villages(codes)
    return units, [c for c in codes if c not in units]


def unit_records(
    units: list[PoliceUnit], counts: dict[str, int], island_of: dict[str, str]
) -> list[UnitRecord]:
    """Planner unit records; a unit's island is where most of the TPS it guards lie."""
    by_pk = {u.pk: u for u in units}
    return [
        UnitRecord(
            code=u.code,
            kind=u.kind,
            parent_code=by_pk[u.parent_id].code if u.parent_id in by_pk else None,
            available=counts.get(u.code, 0),
            island=island_of.get(u.code),
            latitude=u.latitude,
            longitude=u.longitude,
        )
        for u in units
    ]


def home_islands(
    units: list[PoliceUnit], tps_unit: list[str], tps_island: list[str | None]
) -> dict[str, str]:
    """Per unit code, the most common island of the TPS in its subtree."""
    by_pk = {u.pk: u for u in units}
    by_code = {u.code: u for u in units}
    tally: dict[str, Counter[str]] = {}
    for unit_code, island in zip(tps_unit, tps_island, strict=True):
        unit: PoliceUnit | None = by_code[unit_code] if island else None
        while unit is not None:
            tally.setdefault(unit.code, Counter())[island] += 1  # type: ignore[index]
            unit = by_pk.get(unit.parent_id) if unit.parent_id else None
    return {code: c.most_common(1)[0][0] for code, c in tally.items()}


def planning_inputs(*, election: Any, region_code: str) -> PlanningInputs:
    """Everything the planner needs for the TPS of ``election`` under ``region_code``."""
    rows = registry_stations(election, region_code)
    if not rows:
        raise DomainError("There are no TPS for this election in this region.", code="no_tps")
    villages, orphans = jurisdiction(r["village_id"] for r in rows)
    if orphans:
        raise DomainError(
            f"No police unit covers villages: {', '.join(orphans[:10])}",
            code="no_jurisdiction",
            details={"villages": orphans},
        )
    cats = tps_categories_for(
        election=election,
        region_code=region_code,
        stations=[(r["pk"], r["special_location"]) for r in rows],
    )
    units = unit_lineage(villages.values())
    tps_unit = [villages[r["village_id"]].code for r in rows]
    islands = [r["island_id"] for r in rows]
    records = [
        TpsRecord(
            code=r["code"],
            village_code=r["village_id"],
            category=cats.by_pk[r["pk"]],
            unit_code=u,
            island=r["island_id"],
            latitude=r["latitude"],
            longitude=r["longitude"],
        )
        for r, u in zip(rows, tps_unit, strict=True)
    ]
    homes = home_islands(units, tps_unit, islands)
    tps, unit_arrays = build(unit_records(units, personnel_counts(election, units), homes), records)
    return PlanningInputs(
        tps=tps,
        units=unit_arrays,
        station_pks=[r["pk"] for r in rows],
        village_codes=[r["village_id"] for r in rows],
        unit_objects=units,
        categories=cats,
    )


def snap_to_island(
    latitude: float | None, longitude: float | None, islands: list[Island]
) -> str | None:
    """The small island (one with a regency) whose recorded position is within
    ``ISLAND_SNAP_KM`` of the point, if any."""
    if latitude is None or longitude is None:
        return None
    best, best_km = None, ISLAND_SNAP_KM
    for island in islands:
        km = _km(latitude, longitude, island.latitude, island.longitude)
        if km <= best_km:
            best, best_km = island.code, km
    return best


def _km(lat1: float, lon1: float, lat2: float | None, lon2: float | None) -> float:
    if lat2 is None or lon2 is None:
        return math.inf
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    a = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
