"""Noise for the synthetic generator: how a candidate form garbles a registry person.

The kinds and rates follow shared/domain/linkage.md §5.9–5.10 (titles, Muhammad variants, old
spelling, typos, dropped/initialised tokens, NIK typos/transpositions/dummies/missing, birth-date
swaps and shifts); the ``hard`` setting adds more of each plus aliases, mononyms, second NIKs and
missed +40 on women's NIKs. Used by :mod:`synth`; versioned with ``synth.GENERATOR_VERSION``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
from faker.providers.person.id_ID import Provider as _IdNames


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
