"""Multi-pass blocking: which pairs get compared at all (linkage.md §5.3; recall first).

Every pass is an equi-join on an integer key; the union of passes is compared. The small side
(candidates) is expanded with plausible errors so that the large side (registry) stays one row
per key:

* ``nik`` — the whole NIK; ``nik12`` — district + birth-date part (serial typos, neighbours);
* ``date×token`` — any birth date (stated or from the NIK; on the candidate side also day↔month
  swapped, ±1 year, ±1–3 days) with any informative name token (NIK missing or wrong);
* ``token pair`` — two informative tokens together, whatever the dates (birth date wrong);
* ``date×initial`` — the birth date with each token's first letter (a misspelt single name);
  on the candidate side without a usable NIK, also the mistyped variants of that date;
* ``name key`` — the whole order-free spelling key (single-token names with a wrong date), and
  the same for the informative tokens only (weak ones such as Ni, Ketut, Muhammad dropped), and
  the keys in name order with the spaces dropped (Murti Anggraini / Murtianggraini);
* ``token×place`` — any informative name token with the birth place (neither NIK nor birth
  date on the form: a common name is narrowed down by where the person was born), and the
  whole name key with the birth place (a name too common for the name-key pass).

Keys shared by more than ``cap`` registry rows are dropped from the name-only passes: such
common names without any agreeing date or NIK cannot reach a decision anyway.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np
import polars as pl

from .prep import INT_NULL, People

_PASS = 1 << 58
_DATE_OFFSET = 1 << 18


@dataclasses.dataclass(frozen=True)
class BlockingSettings:
    """Limits of the name-only passes (rows per key on the reference side)."""

    token_pair_cap: int = 50
    name_key_cap: int = 50
    date_token_cap: int = 5_000
    token_place_cap: int = 50


def _civil(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    d64 = days.astype("datetime64[D]")
    years = d64.astype("datetime64[Y]").astype(int) + 1970
    months = d64.astype("datetime64[M]").astype(int) % 12 + 1
    day = (d64 - d64.astype("datetime64[M]")).astype(int) + 1
    return years, months, day


def _from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970 for (y, m, d), INT_NULL where the date does not exist."""
    out = np.full(len(y), INT_NULL, np.int32)
    ok = (m >= 1) & (m <= 12) & (d >= 1) & (d <= 31)
    if ok.any():
        month_start = ((y[ok] - 1970) * 12 + (m[ok] - 1)).astype("timedelta64[M]") + np.datetime64(
            "1970-01", "M"
        )
        date = month_start.astype("datetime64[D]") + (d[ok] - 1).astype("timedelta64[D]")
        same_month = date.astype("datetime64[M]") == month_start
        vals = date.astype(int).astype(np.int32)
        out[np.flatnonzero(ok)[same_month]] = vals[same_month]
    return out


def date_variants(days: np.ndarray) -> list[np.ndarray]:
    """Plausible mis-typings of each date: swap, ±1 year, ±1–3 days (INT_NULL if impossible)."""
    known = days != INT_NULL
    safe = np.where(known, days, 0)
    y, m, d = _civil(safe)
    out = [_from_civil(y, d, m), _from_civil(y - 1, m, d), _from_civil(y + 1, m, d)]
    out += [safe + k for k in (-3, -2, -1, 1, 2, 3)]
    return [np.where(known & (v != INT_NULL), v, INT_NULL).astype(np.int32) for v in out]


def _informative(people: People) -> np.ndarray:
    """Token ids to block on: informative tokens, or all tokens when none is informative."""
    tokens = np.where(people.weak, 0, people.tokens)
    none = (tokens == 0).all(axis=1)
    tokens[none] = people.tokens[none]
    return tokens


def _date_token_keys(dates: list[np.ndarray], tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rows, keys = [], []
    idx = np.arange(tokens.shape[0])
    for date in dates:
        for k in range(tokens.shape[1]):
            ok = (date != INT_NULL) & (tokens[:, k] > 0)
            rows.append(idx[ok])
            keys.append(
                3 * _PASS + (date[ok].astype(np.int64) + _DATE_OFFSET) * (1 << 32) + tokens[ok, k]
            )
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows), np.concatenate(keys)


def _token_pair_keys(tokens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rows, keys = [], []
    idx = np.arange(tokens.shape[0])
    width = tokens.shape[1]
    for a in range(width):
        for b in range(a + 1, width):
            lo = np.minimum(tokens[:, a], tokens[:, b]).astype(np.int64)
            hi = np.maximum(tokens[:, a], tokens[:, b]).astype(np.int64)
            ok = (lo > 0) & (lo != hi)
            rows.append(idx[ok])
            keys.append(4 * _PASS + lo[ok] * (1 << 26) + hi[ok])
    return np.concatenate(rows), np.concatenate(keys)


_WEIGHTS = 10 ** np.arange(15, -1, -1, dtype=np.int64)


def nik_usable(people: People) -> np.ndarray:
    """NIKs with 16 digits that are not dummies (invalid region or date still compared)."""
    return people.nik_usable


def _nik_keys(people: People, *, expand: bool) -> tuple[np.ndarray, np.ndarray]:
    nik_rows = np.flatnonzero(nik_usable(people))
    other_rows = np.flatnonzero(people.other_id)
    idx = np.concatenate([nik_rows, other_rows])
    digits = people.nik_digits[idx].astype(np.int64)
    # Other numbers get their own pass so that they never meet a NIK.
    full = digits @ _WEIGHTS + np.where(np.arange(len(idx)) < len(nik_rows), 1, 7) * _PASS
    nik_full = full[: len(nik_rows)]
    rows, keys = [idx, nik_rows], [full, 2 * _PASS + (nik_full - _PASS) // 10_000]
    if expand:  # every one-digit substitution and adjacent transposition of the number
        for pos in range(16):
            for delta in range(1, 10):
                changed = (digits[:, pos] + delta) % 10
                rows.append(idx)
                keys.append(full + (changed - digits[:, pos]) * _WEIGHTS[pos])
        for pos in range(15):
            a, b = digits[:, pos], digits[:, pos + 1]
            rows.append(idx)
            keys.append(full + (b - a) * _WEIGHTS[pos] + (a - b) * _WEIGHTS[pos + 1])
    return np.concatenate(rows), np.concatenate(keys)


def _date_initial_keys(
    dates: list[np.ndarray], tokens: np.ndarray, initials: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Birth date with the first letter of any token (misspelt single-token names)."""
    rows, keys = [], []
    idx = np.arange(tokens.shape[0])
    for date in dates:
        for k in range(tokens.shape[1]):
            ok = (date != INT_NULL) & (tokens[:, k] > 0)
            rows.append(idx[ok])
            keys.append(
                6 * _PASS + (date[ok].astype(np.int64) + _DATE_OFFSET) * (1 << 32) + initials[ok, k]
            )
    return np.concatenate(rows), np.concatenate(keys)


def _token_place_keys(tokens: np.ndarray, place: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rows, keys = [], []
    idx = np.arange(tokens.shape[0])
    for k in range(tokens.shape[1]):
        ok = (place > 0) & (tokens[:, k] > 0)
        rows.append(idx[ok])
        keys.append(8 * _PASS + place[ok].astype(np.int64) * (1 << 26) + tokens[ok, k])
    return np.concatenate(rows), np.concatenate(keys)


def _keys(people: People, *, expand: bool) -> pl.DataFrame:
    tokens = _informative(people)
    exact_dates = [people.dob, people.nik_dob]
    dates = exact_dates
    if expand:
        dates = dates + date_variants(people.dob) + date_variants(people.nik_dob)
    # Exact dates pair with every token (weak ones too: "Ayu", "Siti"); the many mistyped
    # variants of the candidate's date only with informative tokens, to keep blocks small.
    initials = np.where(tokens > 0, people.initials, 0)
    parts = [
        _nik_keys(people, expand=expand),
        _date_token_keys(exact_dates, people.tokens),
        _date_token_keys(dates[2:], tokens),
        _token_pair_keys(tokens),
        _date_initial_keys([people.dob], tokens, initials),
        _token_place_keys(tokens, people.place),
    ]
    if expand:
        # Without a usable NIK, a misspelt name ("Vara"/"Vera") with a mistyped date has only
        # the birth date left to meet on: the date's variants with each token's first letter.
        no_nik = ~people.nik_usable
        parts.append(
            _date_initial_keys(
                [np.where(no_nik, v, INT_NULL) for v in date_variants(people.dob)], tokens, initials
            )
        )
    parts.append((np.arange(people.n), 5 * _PASS + people.name_key.astype(np.int64)))
    # The informative key too: "Ketut Suryani" and "Ni Ketut Suryani" differ only in weak tokens.
    parts.append((np.arange(people.n), 9 * _PASS + people.info_key.astype(np.int64)))
    parts.append((np.arange(people.n), 11 * _PASS + people.joined_key.astype(np.int64)))
    # A name too common to block on alone ("Nurul Lestari") is narrowed by the birth place.
    placed = np.flatnonzero(people.place > 0)
    parts.append(
        (
            placed,
            10 * _PASS
            + people.place[placed].astype(np.int64) * (1 << 26)
            + people.name_key[placed].astype(np.int64),
        )
    )
    rows = np.concatenate([p[0] for p in parts]).astype(np.int32)
    keys = np.concatenate([p[1] for p in parts]).astype(np.int64)
    return pl.DataFrame({"row": rows, "key": keys})


def _capped(keys: pl.DataFrame, settings: BlockingSettings) -> pl.DataFrame:
    counts = keys.group_by("key").len()
    kind = pl.col("key") // _PASS
    cap = (
        pl.when(kind == 3)
        .then(settings.date_token_cap)
        .when(kind == 4)
        .then(settings.token_pair_cap)
        .when(kind == 5)
        .then(settings.name_key_cap)
        .when(kind == 8)
        .then(settings.token_place_cap)
        .when(kind == 9)
        .then(settings.name_key_cap)
        .when(kind == 10)
        .then(settings.token_place_cap)
        .when(kind == 11)
        .then(settings.name_key_cap)
        .otherwise(1 << 30)
    )
    dropped = counts.filter(pl.col("len") > cap).select("key")
    return keys.join(dropped, on="key", how="anti")


def reference_keys(people: People) -> pl.DataFrame:
    """The blocking keys of a reference table (not expanded; a row may repeat a key)."""
    return _keys(people, expand=False)


def block_self(
    people: People,
    settings: BlockingSettings | None = None,
    *,
    chunk_size: int = 25_000,
    progress: Callable[[float], None] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``i < j`` of one table (double candidacy), blocked ``chunk_size`` left rows at a
    time so that the expanded keys of a national list never sit in memory at once; the same
    pairs as ``block(people, people, same_table=True)``."""
    keys = reference_keys(people)
    found = []
    for start in range(0, people.n, chunk_size):
        rows = np.arange(start, min(start + chunk_size, people.n))
        li, ri = block(people.take(rows), people, settings, right_keys=keys)
        li = rows[li]
        keep = li != ri
        found.append(
            pl.DataFrame(
                {
                    "l": np.minimum(li, ri)[keep].astype(np.int32),
                    "r": np.maximum(li, ri)[keep].astype(np.int32),
                }
            )
        )
        if progress is not None:
            progress(min(start + chunk_size, people.n) / max(people.n, 1))
    if not found:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    pairs = pl.concat(found).unique().sort("l", "r")
    return pairs["l"].to_numpy().astype(np.int32), pairs["r"].to_numpy().astype(np.int32)


def block(
    left: People,
    right: People,
    settings: BlockingSettings | None = None,
    *,
    same_table: bool = False,
    right_keys: pl.DataFrame | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Row pairs (left index, right index) to compare; for ``same_table``, only left < right.

    ``right_keys`` (from :func:`reference_keys`) saves recomputing the right side's keys when
    many left chunks are blocked against one table."""
    settings = settings or BlockingSettings()
    left_keys = _keys(left, expand=True).unique().rename({"row": "l"})
    if right_keys is None:
        right_keys = reference_keys(right)
    # Only registry keys some candidate has matter: filter before capping (a key's count on
    # the right side is unchanged by the filter, so chunked and whole runs cap alike).
    right_keys = right_keys.join(left_keys.select("key").unique(), on="key", how="semi")
    right_keys = _capped(right_keys.unique(), settings).rename({"row": "r"})
    pairs = left_keys.join(right_keys, on="key").select("l", "r")
    if same_table:
        pairs = pairs.filter(pl.col("l") != pl.col("r")).select(
            pl.min_horizontal("l", "r").alias("l"), pl.max_horizontal("l", "r").alias("r")
        )
    pairs = pairs.unique().sort("l", "r")  # a fixed order: sums and ties repeat exactly
    return pairs["l"].to_numpy().astype(np.int32), pairs["r"].to_numpy().astype(np.int32)
