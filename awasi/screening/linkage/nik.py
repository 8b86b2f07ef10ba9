"""NIK (Nomor Induk Kependudukan) parsing and validation (pure, no Django).

Structure ``PP RR SS DDMMYY NNNN`` (Dukcapil; python-stdnum ``stdnum.id.nik``; linkage.md §4.5):
province, regency and district *where the NIK was first issued*, birth date with **40 added to
the day for women**, and a serial that is **not a check digit** — a one-digit typo gives another
valid-looking NIK, often a neighbour's. Dummies (``3333333333333333``, ``1234567890123456``)
occur in election data and must carry no weight.

:func:`parse_nik` parses one value (for forms and explanations); :func:`nik_frame` does the same
for a whole column with polars and is tested to agree with it.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # polars is loaded by nik_frame only: case intake parses one NIK at a time
    import polars as pl


class NikProblem:
    """Machine codes of NIK problems (explained in words by :mod:`explain`)."""

    EMPTY = "empty"
    LENGTH = "length"
    NOT_DIGITS = "not_digits"
    DUMMY = "dummy"
    PROVINCE = "province"
    DATE = "date"
    #: Serial 0000 (never issued): a spreadsheet kept 15 significant digits of a NIK typed as a
    #: number and zeroed the last. Region, date and sex remain; the serial's last digit is lost.
    TRUNCATED = "truncated"


@dataclass(frozen=True, slots=True)
class NikInfo:
    """What a NIK says about its holder, and whether it can be trusted for matching."""

    digits: str
    problem: str  # "" when valid
    province: str = ""
    regency: str = ""
    district: str = ""
    birth_date: dt.date | None = None
    sex: str = ""  # "L" or "P"
    serial: str = ""
    is_known_regency: bool = False

    @property
    def is_valid(self) -> bool:
        """True when the NIK has a valid structure and is not a dummy."""
        return self.problem == ""


#: The official region codes shipped with Awasi (Kemendagri, via data/wilayah; ODbL).
WILAYAH = Path(__file__).resolve().parents[2] / "regions" / "data" / "wilayah"


@lru_cache(maxsize=1)
def region_codes() -> tuple[frozenset[str], frozenset[str]]:
    """(province codes, ``PPRR`` regency codes) a NIK may carry: today's official codes (the
    shipped wilayah table: 38 provinces, 514 regencies) **and** python-stdnum's older table, since
    a NIK keeps the code it was issued under — Kalimantan Utara's people hold 64xx NIKs from before
    2012 and 65xx ones after; regencies split off later hold both the parent's and their own."""
    from stdnum import numdb

    provinces: set[str] = set()
    regencies: set[str] = set()
    for _len, prov, _hi, _props, children in numdb.get("id/loc").prefixes:
        provinces.add(prov)
        regencies.update(prov + reg for _l, reg, _h, _p, _c in children)
    with open(WILAYAH / "provinces.csv", encoding="utf-8", newline="") as handle:
        provinces.update(row["code"] for row in csv.DictReader(handle))
    with open(WILAYAH / "regencies.csv", encoding="utf-8", newline="") as handle:
        regencies.update(row["code"].replace(".", "") for row in csv.DictReader(handle))
    return frozenset(provinces), frozenset(regencies)


#: Characters written around or between a NIK's digits and dropped before reading it: spaces,
#: dots, dashes, slashes and the apostrophe or quotes a spreadsheet keeps a long number as text
#: with ('1804215111930036).
_SEPARATORS = r"[\s.\-/'\"`]"

_DUMMY_PATTERNS = (
    re.compile(r"^(\d)\1{15}$"),  # 3333333333333333
    re.compile(r"^(\d\d)\1{7}$"),  # 1212121212121212
    re.compile(r"^(\d{4})\1{3}$"),
)
_SEQUENCES = ("0123456789012345678901234", "9876543210987654321098765")


#: A NIK is region, date and serial: at least 4 changes from one digit to the next in practice.
#: Fewer (1111222233334444) or every digit doubled (1122334455667788) is keyed in, not issued.
MIN_DIGIT_CHANGES = 4


def _changes(digits: str) -> int:
    return sum(a != b for a, b in zip(digits, digits[1:], strict=False))


def is_dummy(digits: str) -> bool:
    """True for placeholder NIKs: one repeated digit or pattern, runs, or an all-zero tail
    (six zeros; serial 0000 alone is a truncated NIK, :attr:`NikProblem.TRUNCATED`)."""
    if any(p.match(digits) for p in _DUMMY_PATTERNS):
        return True
    if _changes(digits) < MIN_DIGIT_CHANGES or all(
        digits[i] == digits[i + 1] for i in range(0, 16, 2)
    ):
        return True
    if any(digits[:10] in seq for seq in _SEQUENCES):
        return True
    return digits.endswith("000000")


def century_year(yy: int, reference_year: int) -> int:
    """Four-digit year for a two-digit NIK year: the latest not after ``reference_year - 17``.

    Candidates and registry staff are adults (UU 7/2017 Pasal 240 ayat (1) huruf a: age 21).
    """
    year = 2000 + yy
    return year if year <= reference_year - 17 else 1900 + yy


def parse_nik(value: str | None, *, reference_year: int = 2026) -> NikInfo:
    """Parse one NIK into region, birth date, sex and serial, with the first problem found."""
    digits = re.sub(_SEPARATORS, "", value or "")
    if not digits:
        return NikInfo(digits, NikProblem.EMPTY)
    if not digits.isdigit():
        return NikInfo(digits, NikProblem.NOT_DIGITS)
    if len(digits) != 16:
        return NikInfo(digits, NikProblem.LENGTH)
    if is_dummy(digits):
        return NikInfo(digits, NikProblem.DUMMY)
    provinces, regencies = region_codes()
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    sex = "P" if day > 40 else "L"
    try:
        born = dt.date(century_year(yy, reference_year), month, day - 40 if day > 40 else day)
    except ValueError:
        born = None

    def info(problem: str, born: dt.date | None = None, sex: str = "") -> NikInfo:
        return NikInfo(
            digits,
            problem,
            province=digits[:2],
            regency=digits[:4],
            district=digits[:6],
            birth_date=born,
            sex=sex,
            serial=digits[12:],
            is_known_regency=digits[:4] in regencies,
        )

    if digits[:2] not in provinces:
        return info(NikProblem.PROVINCE, born, sex)
    if born is None:
        return info(NikProblem.DATE)
    if digits[12:] == "0000":
        return info(NikProblem.TRUNCATED, born, sex)
    return info("", born, sex)


def nik_frame(niks: pl.Series, *, reference_year: int = 2026) -> pl.DataFrame:
    """Vectorised :func:`parse_nik` over a column: digits, problem, birth_date, sex, district.

    ``birth_date`` and ``sex`` are given for valid NIKs and for those whose only problem is an
    unknown province; ``district`` for valid NIKs only.
    """
    import polars as pl

    provinces, _ = region_codes()
    digits = niks.cast(pl.Utf8).fill_null("").str.replace_all(_SEPARATORS, "")
    frame = pl.DataFrame({"digits": digits})
    day = pl.col("digits").str.slice(6, 2).cast(pl.Int32, strict=False)
    month = pl.col("digits").str.slice(8, 2).cast(pl.Int32, strict=False)
    yy = pl.col("digits").str.slice(10, 2).cast(pl.Int32, strict=False)
    year = pl.when(2000 + yy <= reference_year - 17).then(2000 + yy).otherwise(1900 + yy)
    real_day = pl.when(day > 40).then(day - 40).otherwise(day)
    iso = pl.format(
        "{}-{}-{}",
        year.cast(pl.Utf8),
        month.cast(pl.Utf8).str.zfill(2),
        real_day.cast(pl.Utf8).str.zfill(2),
    )
    frame = frame.with_columns(
        born=iso.str.to_date("%Y-%m-%d", strict=False),
        sex=pl.when(day > 40).then(pl.lit("P")).otherwise(pl.lit("L")),
        district=pl.col("digits").str.slice(0, 6),
    )
    d = pl.col("digits")

    def step(i: int) -> pl.Expr:  # digit i differs from digit i + 1
        return d.str.slice(i, 1) != d.str.slice(i + 1, 1)

    windows = sorted({seq[i : i + 10] for seq in _SEQUENCES for i in range(len(seq) - 9)})
    dummy = (
        (d == pl.concat_str([d.str.slice(0, 1)] * 16))
        | (d == pl.concat_str([d.str.slice(0, 2)] * 8))
        | (d == pl.concat_str([d.str.slice(0, 4)] * 4))
        | d.str.slice(0, 10).is_in(windows)
        | d.str.ends_with("000000")
        | (pl.sum_horizontal(step(i).cast(pl.Int32) for i in range(15)) < MIN_DIGIT_CHANGES)
        | pl.all_horizontal(~step(i) for i in range(0, 16, 2))
    )
    problem = (
        pl.when(pl.col("digits") == "")
        .then(pl.lit(NikProblem.EMPTY))
        .when(~pl.col("digits").str.contains(r"^\d+$"))
        .then(pl.lit(NikProblem.NOT_DIGITS))
        .when(pl.col("digits").str.len_chars() != 16)
        .then(pl.lit(NikProblem.LENGTH))
        .when(dummy)
        .then(pl.lit(NikProblem.DUMMY))
        .when(~pl.col("digits").str.slice(0, 2).is_in(sorted(provinces)))
        .then(pl.lit(NikProblem.PROVINCE))
        .when(pl.col("born").is_null())
        .then(pl.lit(NikProblem.DATE))
        .when(d.str.slice(12, 4) == "0000")
        .then(pl.lit(NikProblem.TRUNCATED))
        .otherwise(pl.lit(""))
    )
    frame = frame.with_columns(problem=problem)
    ok = pl.col("problem") == ""
    # An unknown province code (a typo there, or a table out of date) leaves the date and sex
    # digits readable, as parse_nik reports them; so does a lost last digit (and the district).
    truncated = pl.col("problem") == NikProblem.TRUNCATED
    readable = ok | truncated | (pl.col("problem") == NikProblem.PROVINCE)
    return frame.with_columns(
        birth_date=pl.when(readable).then(pl.col("born")),
        sex=pl.when(readable).then(pl.col("sex")).otherwise(pl.lit("")),
        district=pl.when(ok | truncated).then(pl.col("district")).otherwise(pl.lit("")),
    ).select("digits", "problem", "birth_date", "sex", "district")
