"""Seeded generator of Indonesian-like registries and candidate lists with known truth.

Everything is synthetic: names come from Faker's ``id_ID`` pools (Zipf-weighted so that
namesakes are common), NIKs are built like real ones (district of first issue, birth date with
+40 for women, a serial counted within each district and birth date, python-stdnum's region
table), and candidates that copy a registry person get the noise listed in
shared/domain/linkage.md §5.9–5.10: titles, Muhammad variants, old spelling, typos, dropped and
initialised tokens, NIK typos/transpositions/dummies/missing, birth-date swaps and shifts,
changed places. The ``hard`` setting adds more of each plus aliases (a second, unrelated name),
mononyms, second NIKs, missed +40 on women's NIKs and deliberate near-misses: namesakes with
other birth dates and neighbours born the same day in the same district.

``GENERATOR_VERSION`` changes with any rule so benchmark figures stay comparable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

import numpy as np
import polars as pl
from faker.providers.person.id_ID import Provider as _IdNames

GENERATOR_VERSION = "2026.11-1"

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
CATEGORIES = (
    "asn",
    "pppk",
    "tni",
    "polri",
    "bumn",
    "bumd",
    "village_head",
    "village_official",
    "honorary",
    "election_body",
)
PARTIES = tuple(f"P{i:02d}" for i in range(1, 19))
LEVELS = ("dpr", "dprd_province", "dprd_regency")


@dataclasses.dataclass(frozen=True)
class Noise:
    """Probabilities of each kind of error in a candidate's copy of a registry person."""

    nik_missing: float = 0.05
    nik_typo: float = 0.05
    nik_transposition: float = 0.02
    nik_dummy: float = 0.0
    nik_other: float = 0.0  # a second, unrelated NIK
    nik_no_plus40: float = 0.0  # women's NIK day written without +40
    dob_missing: float = 0.03
    dob_swap: float = 0.04
    dob_year: float = 0.04
    dob_days: float = 0.04
    title: float = 0.35
    muhammad_variant: float = 0.5  # of names that carry a Muhammad token
    old_spelling: float = 0.15
    typo: float = 0.15
    drop_token: float = 0.10
    initial: float = 0.05
    upper: float = 0.30
    reorder: float = 0.0
    mononym: float = 0.0
    alias: float = 0.0
    sex_missing: float = 0.02
    birthplace_changed: float = 0.15
    region_changed: float = 0.30
    namesakes: float = 0.05  # share of unmatched candidates that copy a registry name
    neighbours: float = 0.0  # share of unmatched candidates born same day and district


SETTINGS = {
    "standard": Noise(),
    "hard": Noise(
        nik_missing=0.08,
        nik_typo=0.08,
        nik_transposition=0.04,
        nik_dummy=0.03,
        nik_other=0.02,
        nik_no_plus40=0.02,
        dob_missing=0.05,
        dob_swap=0.06,
        dob_year=0.06,
        dob_days=0.06,
        title=0.45,
        old_spelling=0.25,
        typo=0.25,
        drop_token=0.15,
        initial=0.08,
        upper=0.5,
        reorder=0.10,
        mononym=0.03,
        alias=0.01,
        sex_missing=0.05,
        birthplace_changed=0.25,
        region_changed=0.40,
        namesakes=0.25,
        neighbours=0.10,
    ),
}


@dataclasses.dataclass
class Synthetic:
    """A registry, a candidate list and the truth (candidate_id → person_id)."""

    registry: pl.DataFrame
    candidates: pl.DataFrame
    truth: dict[str, str]


def _zipf(rng: np.random.Generator, pool: tuple[str, ...], n: int, s: float = 0.9) -> np.ndarray:
    weights = 1.0 / np.arange(1, len(pool) + 1) ** s
    order = rng.permutation(len(pool))
    return np.asarray(pool, dtype=object)[order][
        rng.choice(len(pool), n, p=weights / weights.sum())
    ]


@functools.lru_cache(maxsize=1)
def _regencies() -> tuple[list[str], dict[str, str]]:
    from stdnum import numdb

    codes, names = [], {}
    for _l, prov, _h, _p, children in numdb.get("id/loc").prefixes:
        for _l2, reg, _h2, props, _c in children:
            codes.append(prov + reg)
            names[prov + reg] = props.get("name_id", prov + reg).title()
    return codes, names


def _people(rng: np.random.Generator, n: int, start: int) -> pl.DataFrame:
    """``n`` distinct synthetic people with consistent NIK, birth date, sex and places."""
    codes, names = _regencies()
    female = rng.random(n) < 0.4
    first = np.where(
        female, _zipf(rng, _IdNames.first_names_female, n), _zipf(rng, _IdNames.first_names_male, n)
    )
    last = np.where(
        female, _zipf(rng, _IdNames.last_names_female, n), _zipf(rng, _IdNames.last_names_male, n)
    )
    has_last = rng.random(n) < 0.85
    lead = np.where(
        female,
        np.where(rng.random(n) < 0.12, "Siti ", ""),
        np.where(rng.random(n) < 0.18, "Muhammad ", ""),
    )
    bali = rng.random(n) < 0.03
    order = _zipf(rng, ("Wayan", "Made", "Nyoman", "Ketut", "Putu", "Kadek", "Komang"), n)
    lead = np.where(bali, np.where(female, "Ni ", "I ") + order + " ", lead)
    full = [
        f"{a}{b}{(' ' + c) if h else ''}"
        for a, b, c, h in zip(lead, first, last, has_last, strict=True)
    ]
    # Concentrate people on a few hundred regencies, as a national registry is.
    reg_weights = rng.pareto(1.2, len(codes)) + 0.05
    home = np.asarray(codes)[rng.choice(len(codes), n, p=reg_weights / reg_weights.sum())]
    district = rng.integers(1, 16, n)
    born = dt.date(1958, 1, 1).toordinal() + rng.integers(0, 365 * 42, n)
    dates = [dt.date.fromordinal(int(o)) for o in born]
    frame = pl.DataFrame(
        {
            "pid": np.arange(start, start + n),
            "full_name": full,
            "sex": np.where(female, "P", "L"),
            "birth_date": dates,
            "home": home,
            "district": [f"{h}{d:02d}" for h, d in zip(home, district, strict=True)],
        }
    )
    day = pl.col("birth_date").dt.day() + pl.when(pl.col("sex") == "P").then(40).otherwise(0)
    prefix = pl.concat_str(
        [
            pl.col("district"),
            day.cast(pl.Utf8).str.zfill(2),
            pl.col("birth_date").dt.strftime("%m%y"),
        ]
    )
    frame = frame.with_columns(prefix=prefix)
    serial = pl.int_range(1, pl.len() + 1).over("prefix")
    frame = frame.with_columns(
        nik=pl.concat_str([pl.col("prefix"), serial.cast(pl.Utf8).str.zfill(4)])
    )
    moved = rng.random(n) < 0.25
    other = np.asarray(codes)[rng.integers(0, len(codes), n)]
    place_code = np.where(moved, other, home)
    work = np.where(rng.random(n) < 0.4, np.asarray(codes)[rng.integers(0, len(codes), n)], home)
    return frame.with_columns(
        birth_place=pl.Series([names[c] for c in place_code]),
        region_code=pl.Series([f"{c[:2]}.{c[2:]}" for c in work]),
    ).drop("prefix")


_OLD = (("u", "oe"), ("j", "dj"), ("c", "tj"), ("y", "j"), ("ny", "nj"), ("sy", "sj"), ("kh", "ch"))
_MUHAMMAD = ("Muh.", "Moh.", "M.", "Mhd.", "Mohammad", "Muhamad", "Mochammad", "Mohamad")
_SUFFIXES = _IdNames.suffixes + ("S.Pd.I", "M.Si.", "M.H.", "S.Ag.", "A.Md.")
_ALIASES = ("Liem", "Tan", "Oei", "Lie", "Go", "Kwee", "Tjoa", "Ong", "The", "Lim")


def _old_spelling(rng: np.random.Generator, name: str) -> str:
    old, new = _OLD[rng.integers(0, len(_OLD))][::-1]
    lower = name.lower()
    if new in lower:
        i = lower.index(new)
        repl = old if name[i].islower() else old.capitalize()
        return name[:i] + repl + name[i + len(new) :]
    return name


def _typo(rng: np.random.Generator, word: str) -> str:
    if len(word) < 4:
        return word
    i = int(rng.integers(1, len(word) - 1))
    kind = rng.integers(0, 3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + "aiueonrst"[rng.integers(0, 9)] + word[i + 1 :]


def noisy_name(rng: np.random.Generator, name: str, sex: str, noise: Noise) -> str:
    """A candidate-form rendering of ``name`` with titles, variants and errors."""
    words = name.split()
    if rng.random() < noise.alias:
        return f"{_ALIASES[rng.integers(0, len(_ALIASES))]} {_typo(rng, words[-1])}ng"
    if words[0] == "Muhammad" and rng.random() < noise.muhammad_variant:
        words[0] = _MUHAMMAD[rng.integers(0, len(_MUHAMMAD))]
    if rng.random() < noise.old_spelling:
        k = int(rng.integers(0, len(words)))
        words[k] = _old_spelling(rng, words[k])
    if rng.random() < noise.typo:
        k = int(rng.integers(0, len(words)))
        words[k] = _typo(rng, words[k])
    informative = [i for i, w in enumerate(words) if w not in ("Muhammad", "Siti", "I", "Ni")]
    if len(informative) > 1 and rng.random() < noise.drop_token:
        words.pop(informative[-1] if rng.random() < 0.7 else informative[0])
    elif len(informative) > 1 and rng.random() < noise.initial:
        words[informative[-1]] = words[informative[-1]][0] + "."
    if len(words) > 1 and rng.random() < noise.mononym:
        words = [words[informative[0] if informative else 0]]
    if len(words) > 1 and rng.random() < noise.reorder:
        words = words[1:] + words[:1]
    text = " ".join(words)
    if rng.random() < noise.title:
        pre = _IdNames.prefixes_female if sex == "P" else _IdNames.prefixes_male
        text = f"{pre[rng.integers(0, len(pre))]} {text}"
        if rng.random() < 0.6:
            text += ", " + ", ".join(rng.choice(_SUFFIXES, int(rng.integers(1, 3)), replace=False))
    return text.upper() if rng.random() < noise.upper else text


def noisy_nik(rng: np.random.Generator, nik: str, sex: str, noise: Noise) -> str:
    """A candidate-form NIK: missing, typo, transposition, dummy, a second NIK or no +40."""
    r = rng.random()
    cuts = np.cumsum(
        [
            noise.nik_missing,
            noise.nik_typo,
            noise.nik_transposition,
            noise.nik_dummy,
            noise.nik_other,
            noise.nik_no_plus40,
        ]
    )
    if r < cuts[0]:
        return ""
    if r < cuts[1]:
        i = int(rng.integers(0, 16))
        return nik[:i] + str((int(nik[i]) + int(rng.integers(1, 10))) % 10) + nik[i + 1 :]
    if r < cuts[2]:
        i = int(rng.integers(0, 15))
        return nik[:i] + nik[i + 1] + nik[i] + nik[i + 2 :]
    if r < cuts[3]:
        return ("3333333333333333", "1234567890123456", "0000000000000000")[rng.integers(0, 3)]
    if r < cuts[4]:
        return nik[:6] + nik[6:12] + f"{int(rng.integers(1000, 9999)):04d}"
    if r < cuts[5] and sex == "P":
        return nik[:6] + f"{int(nik[6:8]) - 40:02d}" + nik[8:]
    return nik


def noisy_date(rng: np.random.Generator, born: dt.date, noise: Noise) -> dt.date | None:
    """A candidate-form birth date: missing, day↔month swapped, year or days shifted."""
    r = rng.random()
    cuts = np.cumsum([noise.dob_missing, noise.dob_swap, noise.dob_year, noise.dob_days])
    if r < cuts[0]:
        return None
    if r < cuts[1] and born.day <= 12:
        return born.replace(day=born.month, month=born.day)
    if cuts[1] <= r < cuts[2]:
        year = born.year + int(rng.choice([-1, 1]))
        return born.replace(year=year) if (born.month, born.day) != (2, 29) else born
    if cuts[2] <= r < cuts[3]:
        return born + dt.timedelta(days=int(rng.choice([-3, -2, -1, 1, 2, 3])))
    return born


def generate(
    *,
    n_registry: int = 100_000,
    n_candidates: int = 5_000,
    n_links: int = 1_500,
    setting: str = "standard",
    seed: int = 1,
) -> Synthetic:
    """A registry of ``n_registry`` people and ``n_candidates`` candidates, ``n_links`` of whom
    are noisy copies of registry people; deterministic for a given seed."""
    noise = SETTINGS[setting]
    rng = np.random.default_rng(seed)
    n_new = n_candidates - n_links
    people = _people(rng, n_registry + n_new, 0)
    registry_people = people.slice(0, n_registry)
    fresh = people.slice(n_registry, n_new)
    registry = _registry_frame(rng, registry_people)
    linked_idx = rng.choice(n_registry, n_links, replace=False)
    copies = registry_people[linked_idx]
    rows, truth = [], {}
    for k, person in enumerate(copies.iter_rows(named=True)):
        cid = f"C{k:07d}"
        truth[cid] = f"R{person['pid']:08d}"
        rows.append(_candidate_row(rng, cid, person, noise))
    fresh = _near_misses(rng, fresh, registry_people, noise)
    for k, person in enumerate(fresh.iter_rows(named=True), start=n_links):
        rows.append(
            _candidate_row(rng, f"C{k:07d}", person, Noise(title=noise.title, upper=noise.upper))
        )
    order = rng.permutation(len(rows))
    candidates = pl.DataFrame(
        [rows[i] for i in order], schema=list(CANDIDATE_COLUMNS), orient="row"
    )
    return Synthetic(registry, candidates, truth)


def _registry_frame(rng: np.random.Generator, people: pl.DataFrame) -> pl.DataFrame:
    n = people.height
    titled = rng.random(n) < 0.10
    pre = np.where(people["sex"].to_numpy() == "P", "Hj. ", "Drs. ")
    names = np.where(
        titled,
        pre + people["full_name"].to_numpy().astype(str),
        people["full_name"].to_numpy().astype(str),
    )
    return pl.DataFrame(
        {
            "person_id": [f"R{p:08d}" for p in people["pid"]],
            "full_name": names,
            "birth_place": people["birth_place"],
            "birth_date": people["birth_date"].dt.strftime("%Y-%m-%d"),
            "sex": people["sex"],
            "nik": people["nik"],
            "category": np.asarray(CATEGORIES)[rng.integers(0, len(CATEGORIES), n)],
            "employer": [f"Instansi {c}" for c in people["home"]],
            "region_code": people["region_code"],
        }
    )


def _candidate_row(
    rng: np.random.Generator, cid: str, person: dict[str, Any], noise: Noise
) -> tuple[str, ...]:
    codes, names = _regencies()
    born = noisy_date(rng, person["birth_date"], noise)
    place = person["birth_place"]
    if rng.random() < noise.birthplace_changed:
        place = names[codes[rng.integers(0, len(codes))]] if rng.random() < 0.7 else ""
    region = person["region_code"]
    if rng.random() < noise.region_changed:
        code = codes[rng.integers(0, len(codes))]
        region = f"{code[:2]}.{code[2:]}"
    sex = "" if rng.random() < noise.sex_missing else person["sex"]
    level = LEVELS[rng.integers(0, len(LEVELS))]
    return (
        cid,
        noisy_name(rng, person["full_name"], person["sex"], noise),
        place,
        born.isoformat() if born else "",
        sex,
        noisy_nik(rng, person["nik"], person["sex"], noise),
        PARTIES[rng.integers(0, len(PARTIES))],
        level,
        f"{level}-{rng.integers(1, 7)}",
        region,
    )


def _near_misses(
    rng: np.random.Generator, fresh: pl.DataFrame, registry: pl.DataFrame, noise: Noise
) -> pl.DataFrame:
    """Make some unmatched candidates namesakes or same-day neighbours of registry people."""
    n = fresh.height
    pick = rng.choice(registry.height, n)
    kind = rng.random(n)
    namesake = kind < noise.namesakes
    neighbour = (kind >= noise.namesakes) & (kind < noise.namesakes + noise.neighbours)
    src = registry[pick]
    full = np.where(namesake, src["full_name"].to_numpy(), fresh["full_name"].to_numpy())
    sex = np.where(namesake | neighbour, src["sex"].to_numpy(), fresh["sex"].to_numpy())
    born = fresh["birth_date"].to_list()
    nik = fresh["nik"].to_list()
    src_born, src_nik = src["birth_date"].to_list(), src["nik"].to_list()
    for i in np.flatnonzero(namesake):
        # Namesake: same name, usually another year; sometimes the same year.
        shift = int(rng.integers(30, 3000)) * (1 if rng.random() < 0.5 else -1)
        born[i] = src_born[i] + dt.timedelta(days=shift)
    for i in np.flatnonzero(neighbour):
        # Neighbour: same district and birth date, next serial; a different name.
        born[i] = src_born[i]
        nik[i] = src_nik[i][:12] + str(int(rng.integers(1, 10))) + src_nik[i][13:]
    for i in np.flatnonzero(namesake):
        day = born[i].day + (40 if sex[i] == "P" else 0)
        nik[i] = src_nik[i][:6] + f"{day:02d}{born[i]:%m%y}" + f"{int(rng.integers(1, 9)):04d}"
    return fresh.with_columns(
        full_name=pl.Series(full),
        sex=pl.Series(sex),
        birth_date=pl.Series(born),
        nik=pl.Series(nik),
    )
