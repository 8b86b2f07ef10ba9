"""The audit file formats of ``awasi deploy plan`` (issue 6), read and written without Django.

Readers check every row and return all problems at once as :class:`RowError` (file, line, code,
value) so that the command can list the offending rows and write nothing. Messages are codes here;
the command turns them into Indonesian/English text.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .patterns import CATEGORIES, Pattern, PatternSet
from .planner import Plan, PollingStations, Units

TPS_COLUMNS = ("tps_code", "village_code", "category", "latitude", "longitude")
PERSONNEL_COLUMNS = ("unit_code", "available")
PATTERN_COLUMNS = ("category", "police_per_group", "tps_per_group", "linmas_per_tps")
PLAN_COLUMNS = ("tps_code", "unit_code", "group_id", "group_police", "linmas")


@dataclass(frozen=True)
class RowError:
    """One problem in an input file; ``line`` is the 1-based line number (1 = header)."""

    file: str
    line: int
    code: str
    value: str = ""


@dataclass(frozen=True)
class TpsRow:
    """A parsed TPS.csv row."""

    line: int
    tps_code: str
    village_code: str
    category: str
    latitude: float | None
    longitude: float | None


def _rows(name: str, text: str, columns: tuple[str, ...], errors: list[RowError]):  # type: ignore[no-untyped-def]
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in columns if c not in header]
    if missing:
        errors.append(RowError(name, 1, "missing_columns", ", ".join(missing)))
        return
    reader.fieldnames = header
    for line, row in enumerate(reader, start=2):
        yield line, {k: (row.get(k) or "").strip() for k in columns}


def _coordinate(text: str, limit: float) -> float | None:
    value = float(text)
    if not math.isfinite(value) or abs(value) > limit:
        raise ValueError(text)
    return value


def read_tps(text: str, name: str = "TPS.csv") -> tuple[list[TpsRow], list[RowError]]:
    """Parse TPS.csv; coordinates may be empty (both or neither)."""
    errors: list[RowError] = []
    out: list[TpsRow] = []
    seen: set[str] = set()
    for line, row in _rows(name, text, TPS_COLUMNS, errors):
        bad = len(errors)
        if not row["tps_code"]:
            errors.append(RowError(name, line, "empty", "tps_code"))
        elif row["tps_code"] in seen:
            errors.append(RowError(name, line, "duplicate", row["tps_code"]))
        if not row["village_code"]:
            errors.append(RowError(name, line, "empty", "village_code"))
        if row["category"] not in CATEGORIES:
            errors.append(RowError(name, line, "bad_category", row["category"]))
        lat, lon = _coordinates(name, line, row, errors)
        seen.add(row["tps_code"])
        if len(errors) == bad:
            out.append(
                TpsRow(line, row["tps_code"], row["village_code"], row["category"], lat, lon)
            )
    if not out and not errors:
        errors.append(RowError(name, 1, "no_rows"))
    return out, errors


def _coordinates(name, line, row, errors) -> tuple[float | None, float | None]:  # type: ignore[no-untyped-def]
    lat_t, lon_t = row["latitude"], row["longitude"]
    if not lat_t and not lon_t:
        return None, None
    try:
        return _coordinate(lat_t, 90.0), _coordinate(lon_t, 180.0)
    except ValueError:
        errors.append(RowError(name, line, "bad_coordinates", f"{lat_t},{lon_t}"))
        return None, None


def read_personnel(text: str, name: str = "PERSONNEL.csv") -> tuple[dict[str, int], list[RowError]]:
    """Parse PERSONNEL.csv into unit code → officers available (a whole number ≥ 0)."""
    errors: list[RowError] = []
    out: dict[str, int] = {}
    for line, row in _rows(name, text, PERSONNEL_COLUMNS, errors):
        code = row["unit_code"]
        if not code:
            errors.append(RowError(name, line, "empty", "unit_code"))
            continue
        if code in out:
            errors.append(RowError(name, line, "duplicate", code))
            continue
        if not row["available"].isdigit():
            errors.append(RowError(name, line, "bad_count", row["available"]))
            continue
        out[code] = int(row["available"])
    return out, errors


ROSTER_COLUMNS = ("unit_code", "name", "rank", "nrp")


def read_roster(
    text: str, name: str = "ROSTER.csv"
) -> tuple[list[tuple[int, str, str, str, str]], list[RowError]]:
    """Parse a roster: ``unit_code,name,rank,nrp`` (rank and NRP may be empty)."""
    errors: list[RowError] = []
    out: list[tuple[int, str, str, str, str]] = []
    for line, row in _rows(name, text, ROSTER_COLUMNS, errors):
        missing = [c for c in ("unit_code", "name") if not row[c]]
        if missing:
            errors.append(RowError(name, line, "empty", ", ".join(missing)))
        elif row["nrp"] and not row["nrp"].isdigit():
            errors.append(RowError(name, line, "bad_nrp", row["nrp"]))
        else:
            out.append(
                (line, row["unit_code"], row["name"][:200], row["rank"][:60], row["nrp"][:20])
            )
    return out, errors


def read_patterns(
    text: str, name: str = "PATTERNS.csv"
) -> tuple[dict[str, Pattern], list[RowError]]:
    """Parse PATTERNS.csv: one row per category, police and TPS per group ≥ 1, linmas ≥ 0."""
    errors: list[RowError] = []
    out: dict[str, Pattern] = {}
    for line, row in _rows(name, text, PATTERN_COLUMNS, errors):
        if row["category"] not in CATEGORIES:
            errors.append(RowError(name, line, "bad_category", row["category"]))
            continue
        if row["category"] in out:
            errors.append(RowError(name, line, "duplicate", row["category"]))
            continue
        try:
            values = [int(row[c]) for c in PATTERN_COLUMNS[1:]]
            out[row["category"]] = Pattern(*values)
        except ValueError:
            errors.append(RowError(name, line, "bad_pattern", ",".join(row.values())))
    return out, errors


def complete_patterns(
    patterns: dict[str, Pattern], used: Iterable[str], name: str = "PATTERNS.csv"
) -> tuple[PatternSet | None, list[RowError]]:
    """A pattern set when every category used by a TPS has a row; unused ones get a placeholder."""
    missing = sorted(set(used) - set(patterns))
    if missing:
        return None, [RowError(name, 1, "missing_category", c) for c in missing]
    filler = Pattern(1, 1, 0)  # never applied: no TPS has this category
    return PatternSet(default={c: patterns.get(c, filler) for c in CATEGORIES}), []


def group_label(group: int) -> str:
    """The group id written to PLAN.csv."""
    return f"G{group + 1:06d}"


def plan_rows(
    result: Plan, tps: PollingStations, units: Units, linmas_per_tps: Sequence[int] | np.ndarray
) -> list[list[object]]:
    """PLAN.csv rows: every TPS once, with its unit, group, the group's officers and its linmas.

    ``group_police`` is the pattern's officers for the whole group (shared by its TPS), so the sum
    over distinct groups is the plan's ``required``.
    """
    g = result.groups
    return [
        [
            code,
            units.codes[tps.unit[i]],
            group_label(int(g.tps_group[i])),
            int(g.police[g.tps_group[i]]),
            int(linmas_per_tps[i]),
        ]
        for i, code in enumerate(tps.codes)
    ]


def summary(result: Plan, units: Units) -> dict:  # type: ignore[type-arg]
    """SUMMARY.json content; the issue's keys first, then proposals and context."""
    return {
        "units": [
            {
                "unit_code": u.code,
                "required": u.required,
                "available": u.available,
                "shortfall": u.shortfall,
                "reinforcements": u.reinforcements,
            }
            for u in result.units
        ],
        "required": result.required,
        "available": result.available,
        "shortfall": result.shortfall,
        "lower_bound": result.lower_bound,
        "reinforcements": result.reinforcements,
        "reinforcement_pool": result.pool,
        "proposals": [
            {
                "from": units.codes[f.source],
                "to": units.codes[f.target],
                "officers": f.officers,
                "km": round(f.km, 1),
            }
            for f in result.flows
        ],
        "groups": len(result.groups),
        "tps": int(result.groups.n_tps.sum()),
        "linmas": int(result.groups.linmas.sum()),
    }


def line_numbers(text: str, column: str) -> dict[str, int]:
    """Value of ``column`` → the line it is on (for errors found after parsing)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return {(row.get(column) or "").strip(): line for line, row in enumerate(reader, start=2)}


def write_csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """CSV text with a header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(list(header))
    writer.writerows(rows)
    return buf.getvalue()
