"""Planning from the audit files of ``awasi deploy plan`` against the registry (issue 6).

The unit of each TPS comes from the registry's police jurisdiction of its village; its island from
the registry's TPS of the same code, else from its coordinates (a small island within a few km).
Every problem is collected as a :class:`~awasi.deployment.csvio.RowError` before anything is
planned.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from awasi.deployment import csvio
from awasi.deployment.csvio import RowError
from awasi.deployment.inputs import TpsRecord, build
from awasi.deployment.patterns import PatternSet
from awasi.deployment.planner import PollingStations, Units
from awasi.deployment.selectors import (
    home_islands,
    jurisdiction,
    snap_to_island,
    unit_lineage,
    unit_records,
)
from awasi.regions.choices import RegionLevel
from awasi.regions.models import Island, PoliceUnit, PollingStation, Region


@dataclass(frozen=True)
class FileInputs:
    """Planner inputs resolved from the three files."""

    tps: PollingStations
    units: Units
    patterns: PatternSet


def messages() -> dict[str, str]:
    """Row-error codes → translated text."""
    return {
        "missing_columns": _("missing columns"),
        "no_rows": _("the file has no data rows"),
        "empty": _("empty value in column"),
        "duplicate": _("duplicate"),
        "bad_category": _("unknown category (kurang_rawan, rawan, sangat_rawan, khusus)"),
        "bad_coordinates": _("latitude/longitude must both be numbers in range, or both empty"),
        "bad_count": _("officers available must be a whole number of 0 or more"),
        "bad_pattern": _("police and TPS per group must be 1 or more, linmas 0 or more"),
        "missing_category": _("no pattern for a category used in TPS.csv"),
        "unknown_village": _("village code not in the registry"),
        "no_jurisdiction": _("no police unit covers this village"),
        "unknown_unit": _("police unit not in the registry"),
        "bad_nrp": _("NRP must be digits"),
    }


def describe(error: RowError | dict[str, object]) -> str:
    """One line per problem: file, line, message, value."""
    e = error if isinstance(error, RowError) else RowError(**error)  # type: ignore[arg-type]
    text = messages().get(e.code, e.code)
    value = f": {e.value}" if e.value else ""
    return f"{e.file}:{e.line}: {text}{value}"


def resolve(
    tps_text: str, personnel_text: str, patterns_text: str
) -> tuple[FileInputs | None, list[RowError]]:
    """Parse and check the three files; planner inputs only when there is no error at all."""
    rows, errors = csvio.read_tps(tps_text)
    counts, e2 = csvio.read_personnel(personnel_text)
    patterns, e3 = csvio.read_patterns(patterns_text)
    errors += e2 + e3
    villages = {r.village_code for r in rows}
    known = set(
        Region.objects.filter(pk__in=villages, level=RegionLevel.VILLAGE).values_list(
            "pk", flat=True
        )
    )
    units_of, _orphans = jurisdiction(known)
    for r in rows:
        if r.village_code not in known:
            errors.append(RowError("TPS.csv", r.line, "unknown_village", r.village_code))
        elif r.village_code not in units_of:
            errors.append(RowError("TPS.csv", r.line, "no_jurisdiction", r.village_code))
    registry_units = {u.code: u for u in PoliceUnit.objects.filter(code__in=counts)}
    lines = csvio.line_numbers(personnel_text, "unit_code")
    errors += [
        RowError("PERSONNEL.csv", lines.get(c, 0), "unknown_unit", c)
        for c in counts
        if c not in registry_units
    ]
    pattern_set, e4 = csvio.complete_patterns(patterns, {r.category for r in rows})
    errors += e4
    if errors or pattern_set is None:
        return None, errors
    return _inputs(rows, counts, units_of, list(registry_units.values()), pattern_set), []


def _inputs(rows, counts, units_of, named, pattern_set) -> FileInputs:  # type: ignore[no-untyped-def]
    units = unit_lineage([*units_of.values(), *named])
    islands = _islands(rows)
    records = [
        TpsRecord(
            code=r.tps_code,
            village_code=r.village_code,
            category=r.category,
            unit_code=units_of[r.village_code].code,
            island=islands.get(r.tps_code),
            latitude=r.latitude,
            longitude=r.longitude,
        )
        for r in rows
    ]
    homes = home_islands(units, [t.unit_code for t in records], [t.island for t in records])
    tps, unit_arrays = build(unit_records(units, counts, homes), records)
    return FileInputs(tps=tps, units=unit_arrays, patterns=pattern_set)


def _islands(rows: list[csvio.TpsRow]) -> dict[str, str]:
    """TPS code → island code, from the registry first, else by coordinates."""
    known = dict(
        PollingStation.objects.filter(
            code__in=[r.tps_code for r in rows], island__isnull=False
        ).values_list("code", "island_id")
    )
    regencies = {r.village_code[:5] for r in rows}
    small = [i for i in Island.objects.filter(regency_id__in=regencies) if i.latitude is not None]
    for r in rows:
        if r.tps_code not in known:
            snapped = snap_to_island(r.latitude, r.longitude, small)
            if snapped:
                known[r.tps_code] = snapped
    return known
