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
from typing import Any

import numpy as np
import polars as pl

from .names import ascii_fold, parse_name, spelling_key
from .nik import nik_frame

MAX_TOKENS = 4  # tokens kept per name for set comparisons (longer names are rare)
_EPOCH = dt.date(1970, 1, 1)
_PLACE_NOISE = ("kabupaten ", "kab. ", "kab ", "kota administrasi ", "kota ", "kepulauan ")


class Vocabulary:
    """Maps strings (token keys, name keys, places) to dense integer ids, shared by both sides."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {"": 0}

    def id(self, text: str) -> int:
        """Id of ``text``, assigning the next id to a new string (0 is the empty string)."""
        found = self.ids.get(text)
        if found is None:
            found = self.ids[text] = len(self.ids)
        return found

    def many(self, texts: list[str]) -> np.ndarray:
        """Ids of many strings at once."""
        return np.fromiter((self.id(t) for t in texts), dtype=np.int32, count=len(texts))


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
    info_text: np.ndarray  # object: informative keys joined (for fuzzy comparison)
    titles: np.ndarray  # object: titles before/after, for explanations
    dob: np.ndarray  # int32 days since 1970, or INT_NULL
    nik: np.ndarray  # object digits as given (cleaned)
    nik_problem: np.ndarray  # object: "" when valid
    nik_digits: np.ndarray  # uint8 [n, 16] (zeros when not 16 digits)
    nik_usable: np.ndarray  # bool: 16 digits and not a dummy (bad region/date still compared)
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


def _names(names: pl.Series, vocab: Vocabulary) -> dict[str, np.ndarray]:
    """Parse each distinct name once and spread the results back to the rows."""
    uniq = names.unique(maintain_order=True)
    index = (
        pl.DataFrame({"name": names})
        .join(pl.DataFrame({"name": uniq, "u": np.arange(len(uniq))}), on="name", how="left")["u"]
        .to_numpy()
    )
    ids = vocab.ids

    def vid(text: str) -> int:
        found = ids.get(text)
        if found is None:
            found = ids[text] = len(ids)
        return found

    pad, no = [0] * MAX_TOKENS, [False] * MAX_TOKENS
    cols: dict[str, list[Any]] = {
        k: []
        for k in (
            "tokens",
            "weak",
            "initials",
            "name_key",
            "info_key",
            "info_text",
            "titles",
            "sex_hint",
        )
    }
    for raw in uniq.to_list():
        parsed = parse_name(raw or "")
        keys, n = parsed.keys[:MAX_TOKENS], min(len(parsed.keys), MAX_TOKENS)
        cols["tokens"].append([vid(k) for k in keys] + pad[n:])
        cols["weak"].append(list(parsed.weak[:MAX_TOKENS]) + no[n:])
        cols["initials"].append([ord(k[0]) if k else 0 for k in keys] + pad[n:])
        ordered = sorted(parsed.keys)
        cols["name_key"].append(vid("#" + " ".join(ordered)))
        informative = sorted(k for k, w in zip(parsed.keys, parsed.weak, strict=True) if not w)
        text = " ".join(informative or ordered)
        cols["info_key"].append(vid("#" + text))
        cols["info_text"].append(text)
        cols["titles"].append(" ".join(parsed.titles_pre + parsed.titles_post))
        cols["sex_hint"].append(_SEX_CODE.get(parsed.sex_hint, 0))
    tokens = np.asarray(cols["tokens"], np.int32).reshape(-1, MAX_TOKENS)
    weak = np.asarray(cols["weak"], bool).reshape(-1, MAX_TOKENS)
    initials = np.asarray(cols["initials"], np.int32).reshape(-1, MAX_TOKENS)
    name_key = np.asarray(cols["name_key"], np.int32)
    info_key = np.asarray(cols["info_key"], np.int32)
    info_text = np.asarray(cols["info_text"], object)
    titles = np.asarray(cols["titles"], object)
    sex_hint = np.asarray(cols["sex_hint"], np.int8)
    return {
        "tokens": tokens[index],
        "weak": weak[index],
        "initials": initials[index],
        "name_key": name_key[index],
        "info_key": info_key[index],
        "info_text": info_text[index],
        "titles": titles[index],
        "sex_hint": sex_hint[index],
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
    usable = niks["problem"].is_in(["", "province", "date"]).to_numpy()
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
        info_text=names["info_text"],
        titles=names["titles"],
        dob=_dates(_column(frame, "birth_date")),
        nik=digits_text.astype(object),
        nik_problem=niks["problem"].to_numpy().astype(object),
        nik_digits=nik_digits,
        nik_usable=usable,
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
