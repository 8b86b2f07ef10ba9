"""Fellegi–Sunter weights (bits) per comparison level, with u taken from the reference data.

``m`` = P(level | same person) is fixed per level from the error rates documented for Indonesian
registries (linkage.md §4–5); it is a model parameter, versioned with ``MODEL_VERSION``.
``u`` = P(level | different people) is measured on the reference table itself, so the linker
adapts to the data it is given instead of to one synthetic set:

* names and places use term frequencies (a shared rare token weighs more than "Budi");
* the birth date uses the frequency of the agreeing date;
* the NIK's u is measured **among reference pairs born on the same day** — the NIK's date part
  is already counted by the date comparison, and near-NIKs are common exactly there (neighbours
  registered in the same district on the same day);
* geography adds nothing when the NIKs agree (the NIK already says where it was issued);
  another identity number (not a 16-digit NIK) says nothing about places, so there it does.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import polars as pl

from . import districts as districts_module
from .compare import Date, Geo, Levels, Name, Nik, Sex, compare_niks, nik_sex_digit
from .prep import INT_NULL, People

MODEL_VERSION = "2026.11-8"

M_NIK = {
    Nik.EXACT: 0.82,
    Nik.DATE_EDIT: 0.04,
    Nik.REGION_EDIT: 0.03,
    Nik.SERIAL_EDIT: 0.028,
    Nik.SERIAL_NEXT: 0.002,  # ±1 in the last digit: about 1 serial typo in 18
    Nik.SAME_PREFIX: 0.01,
    Nik.SAME_REGENCY: 0.02,
    Nik.DIFFERENT: 0.05,
}
_EDITS = (
    Nik.EXACT,
    Nik.DATE_EDIT,
    Nik.REGION_EDIT,
    Nik.SERIAL_EDIT,
    Nik.SERIAL_NEXT,
    Nik.SAME_PREFIX,
    Nik.SAME_REGENCY,
)
M_DATE = {
    Date.EXACT: 0.85,
    Date.SWAPPED: 0.03,
    Date.DAYS: 0.04,
    Date.YEAR: 0.04,
    Date.TYPO: 0.02,
    Date.MONTH: 0.01,
    Date.DIFFERENT: 0.02,
}
M_NAME = {
    Name.EXACT: 0.50,
    Name.SAME_INFORMATIVE: 0.10,
    Name.SUBSET: 0.15,
    Name.FUZZY: 0.15,
    Name.PARTIAL: 0.06,
    Name.DIFFERENT: 0.04,
}
M_SEX = {Sex.SAME: 0.97, Sex.DIFFERENT: 0.03}
M_GEO = {
    Geo.PLACE: 0.52,
    # A typo in the place name: taken from the same place's share (its spelling slipped), so a
    # different area weighs as before 2026.11-2.
    Geo.PLACE_NEAR: 0.03,
    Geo.REGENCY: 0.15,
    Geo.PROVINCE: 0.05,
    Geo.DIFFERENT: 0.25,
}
#: Floors for u where different people almost never agree (measured u may be 0 in a sample).
U_FLOOR_NIK = {
    Nik.EXACT: 1e-5,
    Nik.DATE_EDIT: 1e-4,
    Nik.REGION_EDIT: 1e-4,
    Nik.SERIAL_EDIT: 1e-4,
    Nik.SERIAL_NEXT: 1e-3,  # structural: same-day neighbours in a district are numbered so
    Nik.SAME_PREFIX: 1e-4,
    Nik.SAME_REGENCY: 1e-3,
}
NIK_PSEUDO_PAIRS = 20_000
#: Most bits a shared birth place or region may add (a place is a coarse fact, and places
#: correlate with the NIK's region and with other people of one family). 5 while m of
#: geography was a fixed guess; 8 since 2026.11-3, where EM estimates it from the data:
#: better or equal F1 on every setting, seed and robustness mix (docs/benchmarks.md).
GEO_MAX_BITS = 8.0
#: How much likelier a near level is than an exact one among different people (±3 days: 6 dates).
DATE_SPREAD = {Date.SWAPPED: 1.0, Date.DAYS: 6.0, Date.YEAR: 4.0, Date.TYPO: 25.0, Date.MONTH: 30.0}


@dataclasses.dataclass
class Frequencies:
    """u-side statistics of the reference table (registry, or the candidate list itself)."""

    n: int
    counts: np.ndarray  # per vocabulary id: reference rows holding it (token/place/regency)
    name_counts: np.ndarray  # per vocabulary id: rows whose whole name key it is
    info_counts: np.ndarray  # per vocabulary id: rows whose informative name key it is
    date_values: np.ndarray  # sorted distinct birth dates of the reference
    date_value_counts: np.ndarray
    mean_date_u: float
    same_sex_u: float
    nik_u: dict[int, float]  # DATE_EDIT: a typo in the date digits other than the +40
    nik_sex_digit_u: float  # DATE_EDIT where only the +40 of the day differs
    other_u: dict[int, float]  # the same for another identity number (not a NIK)
    nik_regency_share: np.ndarray  # per vocabulary id: share of valid NIKs issued there
    nik_regency_sq: float  # chance that two valid NIKs share a regency (Σ share²)
    letter_share: np.ndarray  # per character code: share of rows with a token starting so
    districts: np.ndarray  # sorted district codes the reference's NIKs use (districts.py)
    district_typo_unused: float  # m′: a typo in the region digits gives an unused code
    district_unused_u: float | None = None  # u′, set once the other side (the candidates)
    # is known; None: district codes are no evidence (double candidacy: the list is both sides)
    #: m per level of the fields whose m is estimated from the data (:mod:`em`); starts at
    #: the documented defaults M_NIK, M_DATE, M_NAME.
    m: dict[str, dict[int, float]] = dataclasses.field(default_factory=lambda: default_m())


def default_m() -> dict[str, dict[int, float]]:
    """The documented m tables (before estimation), keyed by field."""
    nik = {int(k): v for k, v in M_NIK.items() if k != Nik.SAME_REGENCY}
    nik[Nik.DIFFERENT] += M_NIK[Nik.SAME_REGENCY]  # weighed as one "different NIK" fact
    tables: dict[str, dict[int, float]] = {
        "nik": nik,
        "date": {int(k): v for k, v in M_DATE.items()},
        "name": {int(k): v for k, v in M_NAME.items()},
        "geo": {int(k): v for k, v in M_GEO.items()},
    }
    return {
        field: {int(k): v / sum(table.values()) for k, v in table.items()}
        for field, table in tables.items()
    }


def _vocab_counts(ref: People, vocab_size: int) -> np.ndarray:
    size = vocab_size + 1
    # A token counts once per row even when a name repeats it ("Jaya Sanjaya" aside).
    tokens = np.sort(ref.tokens, axis=1)
    first = np.concatenate([np.ones((ref.n, 1), bool), tokens[:, 1:] != tokens[:, :-1]], axis=1)
    counts = np.bincount(tokens[first], minlength=size).astype(np.float64)
    for column in (ref.place, ref.regency, ref.nik_regency):
        counts += np.bincount(column, minlength=size)
    counts[0] = 0
    return counts


def _nik_u(
    ref: People, rng: np.random.Generator, max_rows: int = 120_000
) -> tuple[dict[int, float], float]:
    """u of each NIK level among different reference people born on the same day, and u of
    NIKs differing only by the +40 of the day (:func:`compare.nik_sex_digit`)."""
    known = np.flatnonzero(ref.dob != INT_NULL)
    # Pairs within a date grow with the square of the table: sample rows first.
    if len(known) > max_rows:
        known = np.sort(rng.choice(known, max_rows, replace=False))
    frame = pl.DataFrame({"row": known, "dob": ref.dob[known]})
    pairs = frame.join(frame, on="dob").filter(pl.col("row") < pl.col("row_right"))
    a, b = pairs["row"].to_numpy(), pairs["row_right"].to_numpy()
    # Same name and same birth date is probably one person listed twice (a double candidacy
    # when the reference is the candidate list itself): not evidence about different people.
    different = ref.name_key[a] != ref.name_key[b]
    a, b = a[different], b[different]
    levels = compare_niks(ref, ref, a, b) if len(a) else np.zeros(0, np.int8)
    sex_digit = np.zeros(len(levels), bool)
    edited = np.flatnonzero(levels == Nik.DATE_EDIT)
    sex_digit[edited] = nik_sex_digit(ref, ref, a[edited], b[edited])
    # So is an identical NIK on the same birth date under another spelling or alias: leaving
    # such pairs in would make the list's own doubles look like chance agreement.
    sex_digit = sex_digit[levels != Nik.EXACT]
    levels = levels[levels != Nik.EXACT]
    total = int((levels != Nik.NULL).sum())

    def shrunk(count: int, floor: float) -> float:
        # Towards the floors with NIK_PSEUDO_PAIRS pseudo-pairs: small tables say little.
        return (count + floor * NIK_PSEUDO_PAIRS) / (total + NIK_PSEUDO_PAIRS)

    u: dict[int, float] = {
        lvl: shrunk(int((levels == lvl).sum()), U_FLOOR_NIK[lvl]) for lvl in _EDITS
    }
    # Same-day pairs can differ in the date digits only by the +40 (a man and a woman); a
    # typo elsewhere in the date digits keeps its own, far smaller u.
    u[Nik.DATE_EDIT] = shrunk(int(((levels == Nik.DATE_EDIT) & ~sex_digit).sum()), 1e-4)
    sex_u = shrunk(int(((levels == Nik.DATE_EDIT) & sex_digit).sum()), 1e-4)
    u[Nik.DIFFERENT] = max(1.0 - sum(u.values()) - sex_u, 0.5)
    return u, sex_u


def _other_u(ref: People) -> dict[int, float]:
    """u of another identity number (not a NIK: no date part, so over **all** pairs of reference
    rows holding one): one substitution or adjacent swap apart, counted exactly from the data;
    equal numbers are left out like identical NIKs (the table's own doubles), so exact agreement
    keeps the floor. Shrunk towards the floors like the NIK's u."""
    digits = ref.nik_digits[ref.other_id]
    n = len(digits)
    text = pl.Series("s", ["".join(map(str, row)) for row in digits], pl.Utf8)
    frame = pl.DataFrame({"s": text}).group_by("s").len()
    same = int((frame["len"] * (frame["len"] - 1) // 2).sum()) if n else 0
    total = n * (n - 1) // 2 - same
    edits = 0
    for i in range(16):  # one substitution: same digits but at position i
        keyed = frame.with_columns(k=pl.col("s").str.slice(0, i) + pl.col("s").str.slice(i + 1))
        groups = keyed.group_by("k").agg(pl.col("len").sum().alias("n"), pl.col("len"))
        pairs = groups["n"] * (groups["n"] - 1) // 2
        edits += int(pairs.sum()) - same
    for i in range(15):  # adjacent swap at i, i+1 (each pair seen from both sides)
        swapped = frame.with_columns(
            s=pl.col("s").str.slice(0, i)
            + pl.col("s").str.slice(i + 1, 1)
            + pl.col("s").str.slice(i, 1)
            + pl.col("s").str.slice(i + 2)
        ).filter(pl.col("s").str.slice(i, 1) != pl.col("s").str.slice(i + 1, 1))
        hits = swapped.join(frame, on="s")
        edits += int((hits["len"] * hits["len_right"]).sum()) // 2
    counts = {Nik.EXACT: 0, Nik.SERIAL_EDIT: edits}
    u: dict[int, float] = {
        lvl: (k + U_FLOOR_NIK[lvl] * NIK_PSEUDO_PAIRS) / (max(total, 0) + NIK_PSEUDO_PAIRS)
        for lvl, k in counts.items()
    }
    u[Nik.DIFFERENT] = max(1.0 - sum(u.values()), 0.5)
    return u


def _letter_share(ref: People) -> np.ndarray:
    """Share of reference rows having a name token that starts with each letter."""
    initials = np.sort(np.where(ref.tokens > 0, ref.initials, 0), axis=1)
    first = np.ones(initials.shape, bool)  # each letter once per row
    first[:, 1:] = initials[:, 1:] != initials[:, :-1]
    share = np.bincount(initials[first], minlength=256).astype(np.float64) / max(ref.n, 1)
    share[0] = 0.0
    return np.clip(share, 0.01, 0.99)


def frequencies(ref: People, vocab_size: int, *, seed: int = 1) -> Frequencies:
    """Measure the u-side statistics on the reference table."""
    dates, counts = np.unique(ref.dob[ref.dob != INT_NULL], return_counts=True)
    n_dates = max(counts.sum(), 1)
    sex = ref.sex[ref.sex > 0]
    issued = np.bincount(ref.nik_regency, minlength=vocab_size + 1).astype(np.float64)
    issued[0] = 0
    share = issued / max(issued.sum(), 1.0)
    share_l = float((sex == 1).mean()) if len(sex) else 0.5
    known, known_counts = districts_module.issued(ref)
    nik_u, sex_digit_u = _nik_u(ref, np.random.default_rng(seed))
    return Frequencies(
        n=max(ref.n, 1),
        counts=_vocab_counts(ref, vocab_size),
        name_counts=np.bincount(ref.name_key, minlength=vocab_size + 1).astype(np.float64),
        info_counts=np.bincount(ref.info_key, minlength=vocab_size + 1).astype(np.float64),
        date_values=dates,
        date_value_counts=counts,
        mean_date_u=float(((counts / n_dates) ** 2).sum()) if len(counts) else 1e-4,
        same_sex_u=share_l**2 + (1 - share_l) ** 2,
        nik_u=nik_u,
        nik_sex_digit_u=sex_digit_u,
        other_u=_other_u(ref),
        nik_regency_share=share,
        letter_share=_letter_share(ref),
        nik_regency_sq=float((share**2).sum()) or 1.0,
        districts=known,
        district_typo_unused=districts_module.typo_unused_share(known, known_counts),
    )


@dataclasses.dataclass
class Weights:
    """Bits per field per pair (log2 m/u); 0 where a field is missing."""

    nik: np.ndarray
    date: np.ndarray
    name: np.ndarray
    sex: np.ndarray
    geo: np.ndarray

    def total(self) -> np.ndarray:
        """Sum of the field weights (without the prior)."""
        return np.asarray(self.nik + self.date + self.name + self.sex + self.geo, np.float64)


def _lookup(levels: np.ndarray, table: dict[Any, float]) -> np.ndarray:
    out = np.zeros(len(levels), np.float64)
    for level, value in table.items():
        out[levels == level] = value
    return out


#: Distinct spellings one typo away from a name that also occur in a registry, per token: a
#: near-identical token is this much likelier by chance than the exact one.
NEAR_SPELLINGS = 3.0


def _name_u(
    lv: Levels, freq: Frequencies, r: People, ri: np.ndarray, c: People, ci: np.ndarray
) -> np.ndarray:
    n = freq.n
    token_f = np.where(lv.shared_tokens > 0, freq.counts[lv.shared_tokens] / n, 1.0)
    shared_u = np.clip(np.prod(np.maximum(token_f, 1 / n), axis=1), 1 / n, 1.0)
    u = np.ones(len(ri))
    exact = lv.name == Name.EXACT
    u[exact] = freq.name_counts[r.name_key[ri][exact]] / n
    same = lv.name == Name.SAME_INFORMATIVE
    u[same] = freq.info_counts[r.info_key[ri][same]] / n
    # Near-identical names: the chance that a random person carries every paired token (the
    # registry's spelling; near partners times NEAR_SPELLINGS), never below the chance of
    # carrying the registry name itself.
    partner = lv.partner_tokens
    near = (partner > 0) & (partner != lv.shared_tokens)
    pair_f = np.where(partner > 0, freq.counts[partner] / n, 1.0)
    pair_f = np.where(near, np.minimum(pair_f * NEAR_SPELLINGS, 1.0), pair_f)
    aligned = np.prod(np.maximum(pair_f, 1 / n), axis=1)
    aligned = np.where((partner > 0).any(axis=1), aligned, 1.0)
    whole = freq.info_counts[r.info_key[ri]] / n
    fuzzy = lv.name == Name.FUZZY
    u[fuzzy] = np.maximum(aligned[fuzzy], whole[fuzzy])
    # Partly shared names: the chance of carrying the shared tokens; when the only shared
    # token is spelt with a typo ("Huddy"/"Hudyd"), the chance of carrying its near partner —
    # not 1, which would count a shared rare surname as evidence against.
    partial = lv.name == Name.PARTIAL
    exact_shared = (lv.shared_tokens > 0).any(axis=1)
    u[partial] = np.where(exact_shared, shared_u, aligned)[partial]
    # One name inside the other: any name holding the shorter one's tokens (either side).
    subset = lv.name == Name.SUBSET
    u[subset] = np.minimum(aligned[subset] * 2.0, 1.0)
    return np.clip(u, 1 / n, 1.0)


def _date_u(lv: Levels, freq: Frequencies) -> np.ndarray:
    u = np.ones(len(lv.date))
    exact = np.flatnonzero(lv.date == Date.EXACT)
    dates, counts = freq.date_values, freq.date_value_counts
    if len(dates) and len(exact):
        at = np.clip(np.searchsorted(dates, lv.date_value[exact]), 0, len(dates) - 1)
        found = dates[at] == lv.date_value[exact]
        u[exact] = np.where(found, counts[at], 1) / freq.n
    for level, spread in DATE_SPREAD.items():
        u[lv.date == level] = min(freq.mean_date_u * spread, 1.0)
    return np.clip(u, 1 / freq.n, 1.0)


def geo_u(lv: Levels, freq: Frequencies) -> np.ndarray:
    u = np.ones(len(lv.geo))
    for level, factor in ((Geo.PLACE, 1.0), (Geo.REGENCY, 2.0), (Geo.PROVINCE, 20.0)):
        hit = lv.geo == level
        u[hit] = freq.counts[lv.geo_value[hit]] * factor / freq.n
    near = lv.geo == Geo.PLACE_NEAR  # the registry's spelling, or one of its near spellings
    u[near] = freq.counts[lv.geo_value[near]] * NEAR_SPELLINGS / freq.n
    u[lv.geo == Geo.PROVINCE] = np.maximum(u[lv.geo == Geo.PROVINCE], 0.05)
    return np.clip(u, 1 / freq.n, 1.0)


#: Levels whose two NIKs lie in the same regency (almost always), so their chance among
#: people born the same day grows with how many NIKs that regency issued.
_LOCAL = (Nik.REGION_EDIT, Nik.SERIAL_EDIT, Nik.SERIAL_NEXT, Nik.SAME_PREFIX)
DENSITY_BOUNDS = (0.25, 50.0)


def _nik_density(lv: Levels, freq: Frequencies, r: People, ri: np.ndarray) -> np.ndarray:
    """Term-frequency factor of near-NIK levels: the registry NIK's regency share relative to
    the average the u was measured at (a crowded regency makes a neighbour NIK likelier)."""
    factor = freq.nik_regency_share[r.nik_regency[ri]] / freq.nik_regency_sq
    factor = np.clip(factor, *DENSITY_BOUNDS)
    local = np.isin(lv.nik, _LOCAL) | lv.nik_sex_digit  # a man and a woman of one district
    return np.where(local & (r.nik_regency[ri] > 0), factor, 1.0)


#: P(an initial stands for one of the other name's tokens | same person): initials are
#: written from the person's own name, but a token may also have been dropped.
M_INITIAL = 0.95


def _initial_bits(lv: Levels, freq: Frequencies) -> np.ndarray:
    """Bits of an initial ("Novi P." for "Novi Purwanti"): agreement weighs as rare as the
    letter is; an initial no token of the other name starts with weighs against."""
    share = freq.letter_share[lv.initial_letter]
    agree = np.log2(M_INITIAL / share)
    conflict = np.log2((1 - M_INITIAL) / (1 - share))
    return np.where(lv.initials > 0, agree, np.where(lv.initials < 0, conflict, 0.0))


def _district_bits(lv: Levels, freq: Frequencies, c: People, ci: np.ndarray) -> np.ndarray:
    """For NIKs one digit apart in the region digits: is the candidate's district code one
    the registry never issued (a typo) or a real one (possibly a neighbour)? districts.py."""
    out = np.zeros(len(ci))
    edit = np.flatnonzero(lv.nik == Nik.REGION_EDIT)
    if not len(edit) or freq.district_unused_u is None:
        return out
    m, u = freq.district_typo_unused, freq.district_unused_u
    unused = districts_module.is_unused(districts_module.codes(c, ci[edit]), freq.districts)
    out[edit] = np.where(unused, np.log2(m / u), np.log2((1 - m) / (1 - u)))
    return out


def nik_structured(c: People, ci: np.ndarray, r: People, ri: np.ndarray) -> np.ndarray:
    """Pairs whose identity numbers are not both another number (an old KTP, a registry's own
    id): only a 16-digit NIK encodes where it was issued, so only there does an agreeing NIK
    already cover the birth place."""
    return np.asarray(~(c.other_id[ci] & r.other_id[ri]), bool)


def geo_covered(lv: Levels, c: People, ci: np.ndarray, r: People, ri: np.ndarray) -> np.ndarray:
    """Pairs whose NIKs agree up to a typo: the NIK already says where it was issued, so the
    places add nothing (and tell nothing about how often a person's places agree)."""
    return np.asarray((lv.nik <= Nik.SAME_PREFIX) & nik_structured(c, ci, r, ri), bool)


def weights(
    lv: Levels, freq: Frequencies, c: People, ci: np.ndarray, r: People, ri: np.ndarray
) -> Weights:
    """Bits per field: log2(m/u), with the correlation rules in the module docstring."""

    def bits(levels: np.ndarray, m_table: dict[Any, float], u: np.ndarray, null: int) -> np.ndarray:
        m = _lookup(levels, m_table)
        out = np.log2(np.maximum(m, 1e-9) / np.maximum(u, 1e-12))
        out[levels == null] = 0.0
        return np.asarray(out, np.float64)

    nik_u = _lookup(lv.nik, freq.nik_u)
    nik_u[lv.nik_sex_digit] = freq.nik_sex_digit_u
    nik_u *= _nik_density(lv, freq, r, ri)
    # A NIK that differs beyond a typo is one fact ("different NIK"); its region part is
    # geography's business, so SAME_REGENCY weighs like DIFFERENT.
    nik_levels = np.where(lv.nik == Nik.SAME_REGENCY, Nik.DIFFERENT, lv.nik)
    nik_u = np.where(lv.nik == Nik.SAME_REGENCY, freq.nik_u[Nik.DIFFERENT], nik_u)
    other = ~nik_structured(c, ci, r, ri)
    nik_u[other] = _lookup(lv.nik[other], freq.other_u)
    nik = bits(nik_levels, freq.m["nik"], nik_u, Nik.NULL)
    nik += _district_bits(lv, freq, c, ci)
    sex_u = np.where(lv.sex == Sex.SAME, freq.same_sex_u, 1 - freq.same_sex_u)
    name = bits(lv.name, freq.m["name"], _name_u(lv, freq, r, ri, c, ci), Name.NULL)
    name += _initial_bits(lv, freq)
    geo = np.minimum(bits(lv.geo, freq.m["geo"], geo_u(lv, freq), Geo.NULL), GEO_MAX_BITS)
    geo[geo_covered(lv, c, ci, r, ri)] = 0.0
    return Weights(
        nik=nik,
        date=bits(lv.date, freq.m["date"], _date_u(lv, freq), Date.NULL),
        name=name,
        sex=bits(lv.sex, M_SEX, sex_u, Sex.NULL),
        geo=geo,
    )
