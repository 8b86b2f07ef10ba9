"""Whether a NIK's district code is one the registry has ever issued (evidence of a typo).

A one-digit difference in the region digits of two NIKs (``Nik.REGION_EDIT``) is either a typo
or two neighbours born the same day in adjacent districts. The neighbour's NIK carries a real
district code; a typo often produces a code nobody holds. Both rates are measured, not set:

* m′ = P(code unused | typo): the share of one-digit variants of the registry's own district
  codes (weighted by their rows) that no registry NIK uses;
* u′ = P(code unused | different people): the share of the candidates' NIKs whose district
  code the registry never issued (almost all candidates are other people).

A big registry covers nearly every district, so u′ is small and an unused code is strong
evidence; against a small regional registry u′ grows and the evidence fades by itself.
"""

from __future__ import annotations

import numpy as np

from .prep import People

_PLACES = 10 ** np.arange(5, -1, -1, dtype=np.int64)
BOUNDS = (0.01, 0.99)


def codes(people: People, rows: np.ndarray | None = None) -> np.ndarray:
    """Six-digit district code of each usable NIK (-1 where the NIK is not usable)."""
    rows = np.arange(people.n) if rows is None else rows
    code = people.nik_digits[rows, :6].astype(np.int64) @ _PLACES
    return np.where(people.nik_usable[rows], code, -1)


def issued(ref: People) -> tuple[np.ndarray, np.ndarray]:
    """Distinct district codes of the reference's NIKs and their row counts."""
    code = codes(ref)
    return np.unique(code[code >= 0], return_counts=True)


def is_unused(code: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Codes (≥ 0) that are not in the sorted array ``known``."""
    if not len(known):
        return code >= 0
    at = np.clip(np.searchsorted(known, code), 0, len(known) - 1)
    return np.asarray((code >= 0) & (known[at] != code), bool)


def typo_unused_share(known: np.ndarray, counts: np.ndarray) -> float:
    """m′: share of one-digit variants of the issued codes (row-weighted) that are unused."""
    if not len(known):
        return BOUNDS[1]
    unused = total = 0.0
    for place in _PLACES:
        digit = (known // place) % 10
        for delta in range(1, 10):
            variant = known + (((digit + delta) % 10) - digit) * place
            unused += float((is_unused(variant, known) * counts).sum())
            total += float(counts.sum())
    return float(np.clip(unused / total, *BOUNDS))


def unused_share(people: People, known: np.ndarray) -> float:
    """u′: share of ``people``'s usable NIKs whose district code is not in ``known``."""
    code = codes(people)
    usable = code >= 0
    if not usable.any():
        return BOUNDS[1]
    return float(np.clip(is_unused(code[usable], known).mean(), *BOUNDS))
