"""Parsing and validating a KPU-style TPS list (CSV or XLSX) into rows or row-level errors.

Pure: it takes the file bytes and lookups, and returns what to write; services do the writing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from awasi.regions.choices import SpecialLocation

COLUMNS = [
    "village_code",
    "number",
    "address",
    "voter_count",
    "latitude",
    "longitude",
    "special_location",
]
REQUIRED = {"village_code", "number", "voter_count"}


@dataclass
class TpsRow:
    """One valid TPS row."""

    line: int
    village_code: str
    number: int
    address: str
    voter_count: int
    latitude: float | None
    longitude: float | None
    special_location: str


@dataclass
class RowError:
    """Why one line of the file was rejected."""

    line: int
    reason: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class ParseResult:
    """Valid rows and rejected lines; a file-level error leaves both empty."""

    rows: list[TpsRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""


def read_table(content: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, comma or semicolon) or XLSX file as dicts of stripped strings."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        values = [
            ["" if v is None else str(v).strip() for v in r]
            for r in sheet.iter_rows(values_only=True)
        ]
        if not values:
            return []
        header = [h.lower() for h in values[0]]
        return [dict(zip(header, r, strict=False)) for r in values[1:] if any(r)]
    text = content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    return [{(k or "").strip().lower(): (v or "").strip() for k, v in r.items()} for r in reader]


def _float(value: str, low: float, high: float, name: str) -> float | None:
    if value == "":
        return None
    number = float(value.replace(",", "."))
    if not low <= number <= high:
        raise ValueError(
            _("%(name)s must be between %(low)s and %(high)s")
            % {"name": name, "low": low, "high": high}
        )
    return number


def _parse_row(raw: dict[str, str], max_voters: int) -> TpsRow:
    missing = [c for c in REQUIRED if not raw.get(c)]
    if missing:
        raise ValueError(_("missing value in: %s") % ", ".join(sorted(missing)))
    try:
        number, voters = int(raw["number"]), int(raw["voter_count"])
    except ValueError as exc:
        raise ValueError(_("number and voter_count must be whole numbers")) from exc
    if not 1 <= number <= 999:
        raise ValueError(_("TPS number must be between 1 and 999"))
    if not 0 <= voters <= max_voters:
        raise ValueError(
            _("voter_count must be between 0 and %d (the legal maximum per TPS)") % max_voters
        )
    special = raw.get("special_location", "")
    if special not in SpecialLocation.values:
        raise ValueError(_("unknown special_location %r") % special)
    lat = _float(raw.get("latitude", ""), -11.5, 6.5, "latitude")
    lon = _float(raw.get("longitude", ""), 94.0, 141.5, "longitude")
    if (lat is None) != (lon is None):
        raise ValueError(_("give both latitude and longitude, or neither"))
    return TpsRow(
        0, raw["village_code"], number, raw.get("address", "")[:300], voters, lat, lon, special
    )


def parse_tps_file(
    content: bytes, filename: str, *, max_voters: int, village_allowed: Callable[[str], str | None]
) -> ParseResult:
    """Validate every line; `village_allowed(code)` returns an error text or None."""
    result = ParseResult()
    try:
        table = read_table(content, filename)
    except (UnicodeDecodeError, csv.Error, ValueError, OSError, KeyError) as exc:
        result.file_error = _("The file cannot be read as CSV (UTF-8) or XLSX: %s") % exc
        return result
    if not table:
        result.file_error = _("The file has no data rows.")
        return result
    absent = REQUIRED - set(table[0])
    if absent:
        result.file_error = _("Missing columns: %s") % ", ".join(sorted(absent))
        return result
    seen: dict[tuple[str, int], int] = {}
    for line, raw in enumerate(table, start=2):
        _check_line(raw, line, max_voters, village_allowed, seen, result)
    return result


def _check_line(
    raw: dict[str, str],
    line: int,
    max_voters: int,
    village_allowed: Callable[[str], str | None],
    seen: dict[tuple[str, int], int],
    result: ParseResult,
) -> None:
    try:
        row = _parse_row(raw, max_voters)
    except ValueError as exc:
        result.errors.append(RowError(line, str(exc), raw))
        return
    problem = village_allowed(row.village_code)
    key = (row.village_code, row.number)
    if problem:
        result.errors.append(RowError(line, problem, raw))
    elif key in seen:
        result.errors.append(RowError(line, _("duplicate of line %d") % seen[key], raw))
    else:
        seen[key] = line
        row.line = line
        result.rows.append(row)


def error_rows(errors: Iterable[RowError]) -> list[list[str]]:
    """Errors as table rows for a report: line, reason, the values given."""
    return [
        [str(e.line), e.reason, ", ".join(f"{k}={v}" for k, v in e.values.items())] for e in errors
    ]
