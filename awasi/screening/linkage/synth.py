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

``GENERATOR_VERSION`` changes with any rule so benchmark figures stay comparable. 2026.11-2:
near-misses no longer reuse a NIK another registry person holds (a NIK is one person's), and
a neighbour gets the next free serial of the same district and birth date. 2026.11-3:
candidates outside the registry get the setting's form noise (missing and dummy NIKs, missing
dates, sexes and places) like the linked ones; the standard setting is unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

import numpy as np
import polars as pl
from faker.providers.person.id_ID import Provider as _IdNames

from .synth_noise import SETTINGS, Noise, noisy_date, noisy_name, noisy_nik

__all__ = ["SETTINGS", "Noise", "Synthetic", "generate", "noisy_date", "noisy_name", "noisy_nik"]

GENERATOR_VERSION = "2026.11-3"

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
    # Candidates outside the registry fill in their forms like the others: the same share of
    # missing and dummy NIKs, missing dates, sexes and places (before 2026.11-3 they had the
    # standard rates in every setting, so in "hard" a dummy NIK told that a candidate was linked).
    form = Noise(
        title=noise.title,
        upper=noise.upper,
        nik_missing=noise.nik_missing,
        nik_dummy=noise.nik_dummy,
        dob_missing=noise.dob_missing,
        sex_missing=noise.sex_missing,
        birthplace_changed=noise.birthplace_changed,
    )
    for k, person in enumerate(fresh.iter_rows(named=True), start=n_links):
        rows.append(_candidate_row(rng, f"C{k:07d}", person, form))
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
    # A NIK belongs to one person: near-misses get the next serial nobody holds yet.
    taken = set(registry["nik"].to_list()) | set(nik)
    for i in np.flatnonzero(neighbour):
        # Neighbour: same district and birth date, a different name.
        born[i] = src_born[i]
        nik[i] = _free_nik(src_nik[i][:12], taken)
    for i in np.flatnonzero(namesake):
        day = born[i].day + (40 if sex[i] == "P" else 0)
        nik[i] = _free_nik(src_nik[i][:6] + f"{day:02d}{born[i]:%m%y}", taken)
    return fresh.with_columns(
        full_name=pl.Series(full),
        sex=pl.Series(sex),
        birth_date=pl.Series(born),
        nik=pl.Series(nik),
    )


def _free_nik(prefix: str, taken: set[str]) -> str:
    """The first NIK with this 12-digit prefix that nobody holds (and mark it taken)."""
    serial = 1
    while f"{prefix}{serial:04d}" in taken:
        serial += 1
    taken.add(f"{prefix}{serial:04d}")
    return f"{prefix}{serial:04d}"
