"""Reads over the registry: police jurisdiction resolution, TPS counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count

from awasi.regions.choices import PoliceUnitKind
from awasi.regions.codes import ancestors
from awasi.regions.models import PoliceJurisdiction, PoliceUnit, PollingStation

_KIND_RANK = {PoliceUnitKind.POLSEK: 2, PoliceUnitKind.POLRES: 1, PoliceUnitKind.POLDA: 0}


def police_units_for_villages(village_codes: Iterable[str]) -> dict[str, PoliceUnit]:
    """The police unit responsible for each village: the most specific jurisdiction wins.

    A Polsek covering the village or its district beats a Polres covering the regency; a Polres
    whose jurisdiction names a district of another regency (Polresta Pangkalpinang and Kec.
    Pangkalan Baru of Bangka Tengah) beats that regency's own Polres.
    """
    codes = list(dict.fromkeys(village_codes))
    wanted = {a for code in codes for a in ancestors(code)}
    by_region: dict[str, list[PoliceUnit]] = defaultdict(list)
    rows = PoliceJurisdiction.objects.filter(region_id__in=wanted).select_related("unit")
    for row in rows:
        by_region[row.region_id].append(row.unit)
    result: dict[str, PoliceUnit] = {}
    for code in codes:
        for candidate in reversed(ancestors(code)):
            units = by_region.get(candidate)
            if units:
                result[code] = max(units, key=lambda u: _KIND_RANK[PoliceUnitKind(u.kind)])
                break
    return result


def polres_of(unit: PoliceUnit) -> PoliceUnit | None:
    """The Polres a unit belongs to (itself for a Polres; None for a Polda)."""
    while unit is not None and unit.kind == PoliceUnitKind.POLSEK:
        unit = unit.parent  # type: ignore[assignment]
    return unit if unit is not None and unit.kind == PoliceUnitKind.POLRES else None


def tps_counts_by_regency(*, election_id: int, province_code: str) -> dict[str, int]:
    """Number of TPS per regency code in one province for one election."""
    rows = (
        PollingStation.objects.filter(election_id=election_id)
        .in_region(province_code)
        .values("village__parent__parent_id")
        .annotate(n=Count("id"))
    )
    return {r["village__parent__parent_id"]: r["n"] for r in rows}
