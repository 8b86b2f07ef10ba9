"""Read and validate bulk indicator observations (CSV or XLSX) before anything is written.

Pure module (no Django). Two layouts are accepted, told apart by the header:

* long: ``tps_code, indicator, value[, observed_on, source, note]`` — one observation per row;
* wide: ``tps_code[, observed_on, source]`` then one column per indicator code — one TPS per row.

Every problem becomes a :class:`RowError` (row number as the user sees it, column, an English
message id with its parameters, translated by the caller); the caller writes nothing unless the list
is empty, so an import is all or nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from awasi.risk.catalogue import Catalogue, Indicator

MAX_ROWS = 200_000
TRUE_WORDS = {"1", "ya", "y", "yes", "true", "benar", "ada", "v", "x"}
FALSE_WORDS = {"0", "tidak", "t", "no", "n", "false", "salah", "tidak ada", "-"}
LONG_COLUMNS = {"tps_code", "indicator", "value"}
OPTIONAL_COLUMNS = {"observed_on", "source", "note"}


@dataclass(frozen=True)
class ParsedObservation:
    """One validated value, with the file row it came from."""

    row: int
    tps_code: str
    indicator: str
    value: float
    observed_on: date | None
    source: str
    note: str = ""


@dataclass(frozen=True)
class RowError:
    """Why a cell or row was rejected; ``message`` is an English msgid formatted with ``params``."""

    row: int
    column: str
    message: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, translate: Callable[[str], str] = str) -> str:
        return str(translate(self.message)) % self.params


@dataclass(frozen=True)
class ParseResult:
    observations: list[ParsedObservation]
    errors: list[RowError]

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(content: bytes, filename: str) -> list[list[str]]:
    """Rows of cells as strings from CSV (UTF-8, ``,`` or ``;``) or XLSX bytes."""
    if filename.lower().endswith(".xlsx"):
        return _read_xlsx(content)
    text = content.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        cells = ["" if v is None else _cell_text(v) for v in values]
        if any(c.strip() for c in cells):
            rows.append(cells)
    return rows


def _cell_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse(rows: list[list[str]], catalogue: Catalogue, known_tps: Collection[str]) -> ParseResult:
    """Validate ``rows`` (header first) against the catalogue and the election's TPS codes."""
    if not rows:
        return ParseResult([], [RowError(1, "", "The file is empty.")])
    if len(rows) > MAX_ROWS + 1:
        return ParseResult(
            [], [RowError(1, "", "Too many rows (at most %(max)d).", {"max": MAX_ROWS})]
        )
    header = [h.strip().lower() for h in rows[0]]
    indicators = {i.code: i for i in catalogue.indicators}
    if LONG_COLUMNS <= set(header):
        cells = _long_cells(header, rows[1:])
    elif "tps_code" in header and set(header) & set(indicators):
        unknown = set(header) - set(indicators) - OPTIONAL_COLUMNS - {"tps_code"}
        if unknown:
            names = ", ".join(sorted(unknown))
            return ParseResult(
                [], [RowError(1, "", "Unknown columns: %(names)s.", {"names": names})]
            )
        cells = _wide_cells(header, rows[1:], indicators)
    else:
        message = "Header must have tps_code, indicator, value — or tps_code and indicator codes."
        return ParseResult([], [RowError(1, "", message)])
    return _validate(cells, indicators, set(known_tps))


def _long_cells(header: list[str], rows: list[list[str]]) -> Iterator[tuple[int, dict[str, str]]]:
    for n, row in enumerate(rows, start=2):
        yield n, {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}


def _wide_cells(
    header: list[str], rows: list[list[str]], indicators: dict[str, Indicator]
) -> Iterator[tuple[int, dict[str, str]]]:
    for n, row in enumerate(rows, start=2):
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        for code in (h for h in header if h in indicators):
            yield n, {**cells, "indicator": code, "value": cells[code]}


def _validate(
    cells: Iterable[tuple[int, dict[str, str]]],
    indicators: dict[str, Indicator],
    known_tps: set[str],
) -> ParseResult:
    observations, errors = [], []
    seen: dict[tuple[str, str, str], int] = {}
    for n, cell in cells:
        problems = _check_row(n, cell, indicators, known_tps)
        if problems:
            errors.extend(problems)
            continue
        if cell["value"] == "":
            continue
        key = (cell["tps_code"], cell["indicator"], cell.get("source", ""))
        if key in seen:
            errors.append(
                RowError(
                    n, "indicator", "Same TPS and indicator as row %(row)d.", {"row": seen[key]}
                )
            )
            continue
        seen[key] = n
        observations.append(_observation(n, cell, indicators[cell["indicator"]]))
    return ParseResult(observations, errors)


def _check_row(
    n: int, cell: dict[str, str], indicators: dict[str, Indicator], known_tps: set[str]
) -> list[RowError]:
    errors = []
    if cell["tps_code"] not in known_tps:
        errors.append(
            RowError(n, "tps_code", "Unknown TPS code %(code)s.", {"code": cell["tps_code"]})
        )
    indicator = indicators.get(cell["indicator"])
    if indicator is None:
        errors.append(
            RowError(n, "indicator", "Unknown indicator %(code)s.", {"code": cell["indicator"]})
        )
    elif cell["value"] != "" and parse_value(cell["value"], indicator) is None:
        errors.append(
            RowError(
                n,
                "value",
                "Invalid value %(value)s for a %(scale)s indicator.",
                {"value": cell["value"], "scale": indicator.scale},
            )
        )
    if cell.get("observed_on") and parse_date(cell["observed_on"]) is None:
        errors.append(
            RowError(
                n,
                "observed_on",
                "Invalid date %(value)s (use YYYY-MM-DD).",
                {"value": cell["observed_on"]},
            )
        )
    return errors


def _observation(n: int, cell: dict[str, str], indicator: Indicator) -> ParsedObservation:
    value = parse_value(cell["value"], indicator)
    assert value is not None
    observed_on = parse_date(cell["observed_on"]) if cell.get("observed_on") else None
    return ParsedObservation(
        row=n,
        tps_code=cell["tps_code"],
        indicator=indicator.code,
        value=value,
        observed_on=observed_on,
        source=cell.get("source", ""),
        note=cell.get("note", ""),
    )


def parse_value(text: str, indicator: Indicator) -> float | None:
    """The numeric value of ``text`` on the indicator's scale, or None when it does not fit."""
    word = text.strip().lower()
    if indicator.scale == "binary":
        return 1.0 if word in TRUE_WORDS else 0.0 if word in FALSE_WORDS else None
    try:
        number = float(word.replace(",", "."))
    except ValueError:
        return None
    if number < 0 or number != number:
        return None
    if indicator.scale == "count" and not number.is_integer():
        return None
    if indicator.scale == "percent" and number > 100:
        return None
    return number


def parse_date(text: str) -> date | None:
    """ISO ``YYYY-MM-DD`` or Indonesian ``DD/MM/YYYY``; None when neither."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    return None
