"""Turn a table of people into the arrays the linker compares (pure, vectorised).

Input columns (strings, any may be empty except the id and ``full_name``): ``full_name``,
``birth_place``, ``birth_date`` (``YYYY-MM-DD``), ``sex`` (``L``/``P``), ``nik``,
``region_code`` (``19.04`` style). Names are parsed once per distinct spelling; tokens share one
vocabulary (:class:`Vocabulary`) so both sides of a comparison use the same integer ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import numpy as np
import polars as pl

from .names import ASCII_NAME_PATTERN, ascii_fold, parse_name, parse_names, spelling_key
from .nik import nik_frame

MAX_TOKENS = 4  # tokens kept per name for set comparisons (longer names are rare)
_EPOCH = dt.date(1970, 1, 1)
_PLACE_NOISE = ("kabupaten ", "kab. ", "kab ", "kota administrasi ", "kota ", "kepulauan ")


class Vocabulary:
    """Maps strings (token keys, name keys, places) to dense integer ids, shared by both sides.

    Most strings live in ``ids`` (a dict); whole-name keys, one per distinct name (half a
    million in a national registry), are kept in a polars table instead (:meth:`many_series`).
    Both draw ids from one counter, so every id is below :attr:`size`.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {"": 0}
        self.size = 1
        self._bulk = pl.DataFrame(schema={"text": pl.Utf8, "id": pl.Int32})
        self._derived: dict[str, tuple[int, np.ndarray]] = {}

    def id(self, text: str) -> int:
        """Id of ``text``, assigning the next id to a new string (0 is the empty string)."""
        found = self.ids.get(text)
        if found is None:
            found = self.ids[text] = self.size
            self.size += 1
        return found

    def many(self, texts: list[str]) -> np.ndarray:
        """Ids of many strings at once."""
        ids = self.ids
        # New strings get the next ids in order of first appearance (as :meth:`id` would).
        missing = [t for t in dict.fromkeys(texts) if t not in ids]
        ids.update(zip(missing, range(self.size, self.size + len(missing)), strict=True))
        self.size += len(missing)
        return np.fromiter(map(ids.__getitem__, texts), dtype=np.int32, count=len(texts))

    def many_series(self, texts: pl.Series) -> np.ndarray:
        """Ids of a column of whole-name keys (never mixed with the strings of :meth:`id`),
        new ones numbered in order of first appearance."""
        frame = pl.DataFrame({"text": texts.cast(pl.Utf8)})
        distinct = frame.unique(maintain_order=True).join(
            self._bulk, on="text", how="left", maintain_order="left"
        )
        new = distinct.filter(pl.col("id").is_null()).select(
            "text", id=pl.int_range(self.size, self.size + pl.len(), dtype=pl.Int32)
        )
        if new.height:
            self._bulk = pl.concat([self._bulk, new])
            self.size += new.height
        return (
            frame.join(self._bulk, on="text", how="left", maintain_order="left")["id"]
            .to_numpy()
            .astype(np.int32)
        )

    def derived(self, name: str, build: Callable[[Vocabulary], np.ndarray]) -> np.ndarray:
        """``build(self)``, kept until the vocabulary grows (arrays indexed by id that every
        comparison of a run needs: strings by id, province by regency id)."""
        cached = self._derived.get(name)
        if cached is None or cached[0] != self.size:
            cached = self._derived[name] = (self.size, build(self))
        return cached[1]

    def texts(self) -> dict[int, str]:
        """Every string by id (for tests and explanations of keys)."""
        out = {i: t for t, i in self.ids.items()}
        out.update(zip(self._bulk["id"].to_list(), self._bulk["text"].to_list(), strict=True))
        return out


@dataclasses.dataclass
class People:
    """Columnar, comparison-ready view of one table of people (row order preserved)."""

    ids: np.ndarray  # original ids (object)
    raw_names: np.ndarray  # object
    tokens: np.ndarray  # int32 [n, MAX_TOKENS] token-key ids, 0 = none
    weak: np.ndarray  # bool [n, MAX_TOKENS]
    initials: np.ndarray  # int32 [n, MAX_TOKENS] first letter (ord) of each token key, 0 = none
    name_key: np.ndarray  # int32 id of sorted full key
    info_key: np.ndarray  # int32 id of sorted informative keys
    joined_key: np.ndarray  # int32 id of all keys in name order, spaces dropped (Nur Hayati =
    # Nurhayati), 0 for an empty name
    info_text: np.ndarray  # object: informative keys joined (for fuzzy comparison)
    titles: np.ndarray  # object: titles before/after, for explanations
    dob: np.ndarray  # int32 days since 1970, or INT_NULL
    nik: np.ndarray  # object digits as given (cleaned)
    nik_problem: np.ndarray  # object: "" when valid
    nik_digits: np.ndarray  # uint8 [n, 16] (zeros when not 16 digits)
    nik_usable: np.ndarray  # bool: 16 digits and not a dummy (bad region/date still compared)
    nik_truncated: np.ndarray  # bool: serial 0000, the last digit lost (compare 15 digits)
    other_id: np.ndarray  # bool: the NIK column holds another number (6–15 digits, e.g. old
    # KTP or a registry's own id), kept zero-padded in nik_digits and compared as a whole
    nik_dob: np.ndarray  # int32 birth date from NIK, or INT_NULL
    sex: np.ndarray  # int8: 1 = L, 2 = P, 0 = unknown (stated, else NIK, else title)
    sex_source: np.ndarray  # object: "stated", "nik", "title", ""
    stated_sex: np.ndarray  # int8
    nik_sex: np.ndarray  # int8
    place: np.ndarray  # int32 id of normalised birth place
    regency: np.ndarray  # int32 id of 4-digit regency code of region_code
    nik_regency: np.ndarray  # int32 id of NIK's 4-digit regency (valid NIKs only)

    @property
    def n(self) -> int:
        """Number of people."""
        return len(self.ids)

    def take(self, rows: np.ndarray) -> People:
        """The given rows only (same vocabulary), e.g. one chunk of a long candidate list."""
        return People(**{f.name: getattr(self, f.name)[rows] for f in dataclasses.fields(self)})


INT_NULL = np.iinfo(np.int32).min
_SEX_CODE = {"L": 1, "P": 2}


def place_key(text: str) -> str:
    """Spelling-insensitive key of a place name (``Kab. Bangka`` and ``BANGKA`` agree)."""
    folded = " ".join(ascii_fold(text or "").replace(".", ". ").split())
    for noise in _PLACE_NOISE:
        if folded.startswith(noise):
            folded = folded[len(noise) :]
    return " ".join(spelling_key(w) for w in folded.split())


def _dates(column: pl.Series) -> np.ndarray:
    parsed = column.cast(pl.Utf8).str.strip_chars().str.to_date("%Y-%m-%d", strict=False)
    days = parsed.cast(pl.Int32).fill_null(INT_NULL).to_numpy()
    return days.astype(np.int32)


def _sex_codes(column: pl.Series) -> np.ndarray:
    upper = column.cast(pl.Utf8).fill_null("").str.strip_chars().str.to_uppercase()
    return upper.replace_strict({"L": 1, "P": 2}, default=0, return_dtype=pl.Int8).to_numpy()


def _parsed(uniq: pl.Series) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Tokens (``u``, ``key``, ``weak``, in name order) and ``titles``/``sex_hint`` per
    distinct lower-case name (``u``): ASCII names vectorised, the rest one by one."""
    plain = uniq.str.contains(ASCII_NAME_PATTERN).to_numpy()
    where = np.flatnonzero(plain)
    tokens, names = parse_names(uniq.filter(plain))
    tokens = tokens.select(pl.Series("u", where)[tokens["row"]], "key", "weak")
    names = names.select(pl.Series("u", where)[names["row"]], "titles", "sex_hint")
    rest = np.flatnonzero(~plain)
    if len(rest):
        parsed = [parse_name(raw) for raw in uniq.filter(~plain).to_list()]
        tokens = pl.concat(
            [
                tokens,
                pl.DataFrame(
                    {
                        "u": [u for u, p in zip(rest, parsed, strict=True) for _ in p.keys],
                        "key": [k for p in parsed for k in p.keys],
                        "weak": [w for p in parsed for w in p.weak],
                    },
                    schema=tokens.schema,
                ),
            ]
        )
        names = pl.concat(
            [
                names,
                pl.DataFrame(
                    {
                        "u": rest,
                        "titles": [" ".join(p.titles_pre + p.titles_post) for p in parsed],
                        "sex_hint": [p.sex_hint for p in parsed],
                    },
                    schema=names.schema,
                ),
            ]
        )
    return tokens, names.sort("u")


def _per_name(m: int, tokens: pl.DataFrame, separator: str) -> pl.Series:
    """The ``key`` column of ``tokens`` joined per distinct name ``u`` (in the frame's order),
    for every one of the ``m`` names ("" for a name without such tokens)."""
    joined = tokens.group_by("u", maintain_order=True).agg(text=pl.col("key").str.join(separator))
    return (
        pl.DataFrame({"u": np.arange(m, dtype=np.int64)})
        .join(joined, on="u", how="left", maintain_order="left")["text"]
        .fill_null("")
    )


def _names(names: pl.Series, vocab: Vocabulary) -> dict[str, np.ndarray]:
    """Parse each distinct (lower-cased) name once and spread the results back to the rows."""
    lower = names.fill_null("").str.to_lowercase()
    uniq = lower.unique(maintain_order=True)
    index = (
        pl.DataFrame({"name": lower})
        .join(
            pl.DataFrame({"name": uniq, "u": np.arange(len(uniq))}),
            on="name",
            how="left",
            maintain_order="left",
        )["u"]
        .to_numpy()
    )
    flat, parsed = _parsed(uniq)
    m = len(uniq)
    # One row per (name, token) in name order; every distinct key gets a vocabulary id.
    flat = flat.with_columns(pos=pl.int_range(pl.len()).over("u"))
    keys = flat["key"].unique(maintain_order=True).to_list()
    lookup = pl.DataFrame(
        {"key": keys, "id": vocab.many(keys), "initial": [ord(k[0]) if k else 0 for k in keys]},
        schema={"key": pl.Utf8, "id": pl.Int32, "initial": pl.Int32},
    )
    flat = flat.join(lookup, on="key", how="left", maintain_order="left")
    kept = flat.filter(pl.col("pos") < MAX_TOKENS)
    at = (kept["u"].to_numpy(), kept["pos"].to_numpy())
    tokens = np.zeros((m, MAX_TOKENS), np.int32)
    weak = np.zeros((m, MAX_TOKENS), bool)
    initials = np.zeros((m, MAX_TOKENS), np.int32)
    tokens[at], weak[at], initials[at] = kept["id"], kept["weak"], kept["initial"]
    # Order-free keys: all tokens, and the informative ones (all when none is informative);
    # and all keys in name order with the spaces dropped.
    by_key = flat.sort("u", "key")
    every = _per_name(m, by_key, " ")
    info = _per_name(m, by_key.filter(~pl.col("weak")), " ")
    info = info.zip_with(info != "", every)
    joined = _per_name(m, flat, "")
    joined_key = np.where(joined != "", vocab.many_series("=" + joined), 0)
    name_key = vocab.many_series("#" + every)
    info_key = vocab.many_series("#" + info)
    sex_hint = parsed["sex_hint"].replace_strict(_SEX_CODE, default=0, return_dtype=pl.Int8)
    return {
        "tokens": tokens[index],
        "weak": weak[index],
        "initials": initials[index],
        "name_key": name_key[index],
        "info_key": info_key[index],
        "joined_key": joined_key.astype(np.int32)[index],
        "info_text": info.to_numpy().astype(object)[index],
        "titles": parsed["titles"].to_numpy().astype(object)[index],
        "sex_hint": sex_hint.to_numpy()[index],
    }


def _column(frame: pl.DataFrame, name: str) -> pl.Series:
    if name in frame.columns:
        return frame[name].cast(pl.Utf8).fill_null("")
    return pl.Series(name, [""] * frame.height)


def _ids(column: pl.Series, key: Callable[[str], str], vocab: Vocabulary) -> np.ndarray:
    """Vocabulary ids of ``key(value)`` for a column, computed once per distinct value."""
    uniq = column.unique().to_list()
    ids = [vocab.id(key(u)) if key(u) else 0 for u in uniq]
    lookup = pl.DataFrame({"v": uniq, "id": ids}, schema={"v": pl.Utf8, "id": pl.Int32})
    joined = pl.DataFrame({"v": column}).join(lookup, on="v", how="left", maintain_order="left")
    return joined["id"].fill_null(0).to_numpy().astype(np.int32)


def prepare(frame: pl.DataFrame, id_column: str, vocab: Vocabulary) -> People:
    """Comparison-ready arrays for ``frame``; ``vocab`` must be shared with the other side."""
    names = _names(_column(frame, "full_name"), vocab)
    niks = nik_frame(_column(frame, "nik"))
    valid = (niks["problem"] == "").to_numpy()
    digits_text = niks["digits"].to_numpy()
    nik_digits = np.zeros((frame.height, 16), np.uint8)
    sixteen = niks["digits"].str.contains(r"^\d{16}$").to_numpy()
    usable = niks["problem"].is_in(["", "province", "date", "truncated"]).to_numpy()
    other = niks["digits"].str.contains(r"^\d{6,15}$").to_numpy()
    for i in np.flatnonzero(other):  # 000000, 999999999: placeholders, not numbers
        other[i] = len(set(digits_text[i])) > 1
    padded = niks["digits"].str.zfill(16).to_numpy()
    fill = sixteen | other
    if fill.any():
        raw = np.frombuffer("".join(padded[fill]).encode(), np.uint8) - 48
        nik_digits[fill] = raw.reshape(-1, 16)
    nik_sex = np.where(
        niks["birth_date"].is_not_null().to_numpy(),
        niks["sex"].replace_strict({"L": 1, "P": 2}, default=0, return_dtype=pl.Int8).to_numpy(),
        0,
    )
    stated = _sex_codes(_column(frame, "sex"))
    sex = np.where(stated > 0, stated, np.where(nik_sex > 0, nik_sex, names["sex_hint"]))
    source = np.where(
        stated > 0,
        "stated",
        np.where(nik_sex > 0, "nik", np.where(names["sex_hint"] > 0, "title", "")),
    )
    # A form whose sex contradicts its own NIK's day digits: one of the two is mistyped, so the
    # sex is unknown rather than evidence against every match.
    conflict = (stated > 0) & (nik_sex > 0) & (stated != nik_sex)
    sex, source = np.where(conflict, 0, sex), np.where(conflict, "", source)
    region = _column(frame, "region_code").str.replace_all(r"\D", "").str.slice(0, 4)
    nik_regency = pl.Series(
        "nik_regency", np.where(valid, niks["digits"].str.slice(0, 4).to_numpy(), ""), pl.Utf8
    )
    places = _column(frame, "birth_place")
    return People(
        ids=_column(frame, id_column).to_numpy().astype(object),
        raw_names=_column(frame, "full_name").to_numpy().astype(object),
        tokens=names["tokens"],
        weak=names["weak"],
        initials=names["initials"],
        name_key=names["name_key"],
        info_key=names["info_key"],
        joined_key=names["joined_key"],
        info_text=names["info_text"],
        titles=names["titles"],
        dob=_dates(_column(frame, "birth_date")),
        nik=digits_text.astype(object),
        nik_problem=niks["problem"].to_numpy().astype(object),
        nik_digits=nik_digits,
        nik_usable=usable,
        nik_truncated=(niks["problem"] == "truncated").to_numpy(),
        other_id=other,
        nik_dob=niks["birth_date"].cast(pl.Int32).fill_null(INT_NULL).to_numpy().astype(np.int32),
        sex=sex.astype(np.int8),
        sex_source=source.astype(object),
        stated_sex=stated.astype(np.int8),
        nik_sex=nik_sex.astype(np.int8),
        place=_ids(places, lambda p: "@" + place_key(p) if place_key(p) else "", vocab),
        regency=_ids(region, lambda r: "%" + r if len(r) == 4 else "", vocab),
        nik_regency=_ids(nik_regency, lambda r: "%" + r if r else "", vocab),
    )
