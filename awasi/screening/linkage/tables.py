"""Reading and validating candidate and registry tables (CSV/XLSX) — pure, no Django.

Validation collects every offending row (line number, column, problem) instead of stopping at
the first, so an officer can fix a file in one pass. Nothing is returned for a file with errors.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import polars as pl

CANDIDATE_COLUMNS = (
    "candidate_id",
    "full_name",
    "birth_place",
    "birth_date",
    "sex",
    "nik",
    "party",
    "level",
    "dapil",
    "region_code",
)
REGISTRY_COLUMNS = (
    "person_id",
    "full_name",
    "birth_place",
    "birth_date",
    "sex",
    "nik",
    "category",
    "employer",
    "region_code",
)
MAX_ERRORS = 200
#: How a sex is written in Indonesian exports besides L/P (any letter case): read as L or P.
#: Anything else (M/F, 1/2 — whose meaning differs between systems) stays an error.
SEX_WORDS = {
    "l": "L",
    "p": "P",
    "laki-laki": "L",
    "laki laki": "L",
    "laki": "L",
    "lk": "L",
    "pria": "L",
    "perempuan": "P",
    "pr": "P",
    "wanita": "P",
}


@dataclasses.dataclass(frozen=True)
class RowError:
    """One problem in an input file (``line`` counts the header as line 1)."""

    line: int
    column: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        value = f" ({self.value!r})" if self.value else ""
        return f"line {self.line}, {self.column}: {self.message}{value}"


class TableError(Exception):
    """The file cannot be used; ``errors`` lists the offending rows."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(str(e) for e in errors[:5]))
        self.errors = errors


def _rows_from_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    out = []
    for row in sheet.iter_rows(values_only=True):
        cells = []
        for v in row:
            if isinstance(v, dt.datetime | dt.date):
                v = v.strftime("%Y-%m-%d")
            elif isinstance(v, float) and v.is_integer():
                v = int(v)  # a NIK or id typed as a number: 1971010201700000, not ...0.0
            cells.append("" if v is None else str(v).strip())
        out.append(cells)
    return out


def read_rows(path: str | Path, data: bytes | None = None) -> list[list[str]]:
    """All rows of a CSV (UTF-8, optional BOM) or XLSX file as lists of strings."""
    raw = Path(path).read_bytes() if data is None else data
    if raw[:2] == b"PK":
        return _rows_from_xlsx(raw)
    text = raw.decode("utf-8-sig")
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]


def _header(cells: list[str]) -> list[str]:
    """Column names as matched: surrounding spaces, a BOM and letter case do not count."""
    return [c.replace("\ufeff", "").strip().lower() for c in cells]


def _absent(
    header: list[str],
    columns: tuple[str, ...],
    on_absent: Callable[[list[str]], None] | None,
    required: tuple[str, ...] = (),
) -> list[str]:
    """Columns the header lacks, reported through ``on_absent``; a missing id, ``full_name`` or
    ``required`` column is an error."""
    required = (*columns[:2], *required)
    missing = [c for c in columns if c in required and c not in header]
    if missing:
        raise TableError([RowError(1, c, "column missing from header") for c in missing])
    absent = [c for c in columns if c not in header]
    if absent and on_absent is not None:
        on_absent(absent)
    return absent


def _check_row(line: int, record: dict[str, str], id_column: str) -> list[RowError]:
    errors = []
    for required in (id_column, "full_name"):
        if not record.get(required):
            errors.append(RowError(line, required, "required value is empty"))
    born = record.get("birth_date", "")
    if born:
        try:
            dt.date.fromisoformat(born)
            if len(born) != 10:
                raise ValueError(born)
        except ValueError:
            errors.append(RowError(line, "birth_date", "date must be YYYY-MM-DD", born))
    sex = record.get("sex", "")
    if sex:
        record["sex"] = SEX_WORDS.get(sex.strip().lower(), sex)
        if record["sex"] not in ("L", "P"):
            errors.append(RowError(line, "sex", "sex must be L or P", sex))
    number = record.get("number", "")
    if number and not (number.isdigit() and 0 < int(number) < 1000):
        errors.append(RowError(line, "number", "number on the list must be 1-999", number))
    return errors


def validate(
    rows: list[list[str]],
    columns: tuple[str, ...],
    optional: tuple[str, ...] = (),
    on_absent: Callable[[list[str]], None] | None = None,
    required: tuple[str, ...] = (),
) -> pl.DataFrame:
    """A string DataFrame of ``columns`` (plus those ``optional`` columns the header has), or
    :class:`TableError` listing every offending row. Columns other than the id, ``full_name``
    and ``required`` that the header lacks are read as empty and named to ``on_absent``."""
    if not rows:
        raise TableError([RowError(1, "-", "file is empty")])
    header = _header(rows[0])
    absent = _absent(header, columns, on_absent, required)
    columns = columns + tuple(c for c in optional if c in header and c not in columns)
    index = {c: header.index(c) for c in columns if c not in absent}
    id_column = columns[0]
    records: list[dict[str, str]] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        record = {c: (row[i] if i < len(row) else "") for c, i in index.items()}
        record.update(dict.fromkeys(absent, ""))
        errors += _check_row(line, record, id_column)
        ident = record[id_column]
        if ident and ident in seen:
            errors.append(
                RowError(line, id_column, f"duplicate id (first on line {seen[ident]})", ident)
            )
        seen.setdefault(ident, line)
        records.append(record)
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        raise TableError(errors)
    return pl.DataFrame(records, schema={c: pl.Utf8 for c in columns})


def validate_csv(
    data: bytes,
    columns: tuple[str, ...],
    on_absent: Callable[[list[str]], None] | None = None,
) -> pl.DataFrame:
    """The same checks as :func:`validate`, vectorised with polars (large CSV files)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        frame = pl.read_csv(
            io.BytesIO(data), infer_schema=False, empty_string_is_null=False, encoding="utf8"
        )
    except pl.exceptions.NoDataError:
        raise TableError([RowError(1, "-", "file is empty")]) from None
    except pl.exceptions.ComputeError as exc:
        raise TableError(
            [RowError(1, "-", f"not a UTF-8 CSV file ({exc.__class__.__name__})")]
        ) from exc
    header = _header(frame.columns)
    if len(set(header)) == len(header):
        frame = frame.rename(dict(zip(frame.columns, header, strict=True)))
    absent = _absent(frame.columns, columns, on_absent)
    frame = frame.select(
        [
            pl.lit("").alias(c) if c in absent else pl.col(c).fill_null("").str.strip_chars()
            for c in columns
        ]
    )
    spelt = pl.col("sex").str.to_lowercase().replace_strict(SEX_WORDS, default=pl.col("sex"))
    frame = frame.with_columns(sex_as_given=pl.col("sex"), sex=spelt).with_row_index("line", 2)
    id_column = columns[0]
    checks = [
        (pl.col(id_column) == "", id_column, "required value is empty", None),
        (pl.col("full_name") == "", "full_name", "required value is empty", None),
        (
            (pl.col("birth_date") != "")
            & (
                pl.col("birth_date").str.to_date("%Y-%m-%d", strict=False).is_null()
                | (pl.col("birth_date").str.len_chars() != 10)
            ),
            "birth_date",
            "date must be YYYY-MM-DD",
            "birth_date",
        ),
        (~pl.col("sex").is_in(["", "L", "P"]), "sex", "sex must be L or P", "sex_as_given"),
    ]
    errors: list[RowError] = []
    for condition, column, message, value in checks:
        bad = frame.filter(condition).head(MAX_ERRORS)
        errors += [
            RowError(row["line"], column, message, row[value] if value else "")
            for row in bad.iter_rows(named=True)
        ]
    dup = frame.filter((pl.col(id_column) != "") & pl.col(id_column).is_duplicated())
    first = dup.group_by(id_column).agg(pl.col("line").min().alias("first"))
    dup = dup.join(first, on=id_column).filter(pl.col("line") != pl.col("first")).head(MAX_ERRORS)
    errors += [
        RowError(
            row["line"], id_column, f"duplicate id (first on line {row['first']})", row[id_column]
        )
        for row in dup.iter_rows(named=True)
    ]
    if errors:
        raise TableError(sorted(errors, key=lambda e: e.line)[:MAX_ERRORS])
    return frame.drop("line", "sex_as_given")


def read_table(
    path: str | Path,
    columns: tuple[str, ...],
    on_absent: Callable[[list[str]], None] | None = None,
) -> pl.DataFrame:
    """Read and validate a candidate or registry file (CSV fast path, XLSX row by row)."""
    raw = Path(path).read_bytes()
    if raw[:2] == b"PK":
        return validate(read_rows(path, raw), columns, on_absent=on_absent)
    return validate_csv(raw, columns, on_absent)
