"""m estimated from the data by expectation–maximisation, u held fixed (linkage.md §1.1).

The documented m tables (``model.M_NIK``, ``M_DATE``, ``M_NAME``, ``M_GEO``) are error rates
guessed for Indonesian registries; a given pair of files may be cleaner or dirtier. Like
Splink, the linker re-estimates m on the blocked pairs of a sample of candidates: each pair's
posterior (from the current m, the measured u and the prior) weighs its levels, and m per level
becomes the weighted share of that level. u stays as measured on the reference table, so EM
cannot drift into explaining coincidences as matches. The documented tables act as a Dirichlet
prior worth ``PSEUDO_PAIRS`` pairs, so small inputs keep them and estimates never reach 0.
"""

from __future__ import annotations

import numpy as np

from .compare import Geo, Levels, Nik
from .model import GEO_MAX_BITS, Frequencies, Weights, geo_u

PSEUDO_PAIRS = 200.0
ITERATIONS = 8
#: Fields whose m is estimated, with the level arrays they read and their NULL level.
FIELDS = ("nik", "date", "name", "geo")


def _levels(lv: Levels, field: str) -> np.ndarray:
    if field == "nik":  # weighed as one "different NIK" fact (model.weights)
        return np.where(lv.nik == Nik.SAME_REGENCY, Nik.DIFFERENT, lv.nik)
    return np.asarray(getattr(lv, field))


def _bits(levels: np.ndarray, table: dict[int, float]) -> np.ndarray:
    out = np.zeros(len(levels))
    for level, m in table.items():
        out[levels == level] = np.log2(max(m, 1e-9))
    return out


def estimate_m(
    lv: Levels, w: Weights, freq: Frequencies, prior: float, geo_covered: np.ndarray
) -> dict[str, dict[int, float]]:
    """m tables re-estimated on scored pairs ``lv``/``w`` (weights computed with ``freq.m``).

    ``geo_covered`` marks pairs whose places add nothing to the score (the NIKs agree,
    :func:`model.geo_covered`); their places still count towards m of geography — they are
    mostly sure links, which is what m measures.
    """
    m = {field: dict(table) for field, table in freq.m.items()}
    # log2 u per pair and field = log2 m(current level) − bits; it does not change with m.
    log_u = {f: _bits(_levels(lv, f), m[f]) - getattr(w, f) for f in FIELDS if f != "geo"}
    log_u["geo"] = np.log2(geo_u(lv, freq))
    fixed = w.sex
    levels = {f: _levels(lv, f) for f in FIELDS}
    geo_scored = (levels["geo"] != Geo.NULL) & ~geo_covered

    def field_bits(f: str) -> np.ndarray:
        bits = _bits(levels[f], m[f]) - log_u[f]
        if f == "geo":  # as model.weights: capped, and nothing where it is not scored
            bits = np.where(geo_scored, np.minimum(bits, GEO_MAX_BITS), 0.0)
        return bits

    for _ in range(ITERATIONS):
        score = prior + fixed + sum(field_bits(f) for f in FIELDS)
        posterior = 1.0 / (1.0 + np.exp2(-np.clip(score, -60, 60)))
        for f in FIELDS:
            known = np.isin(levels[f], list(m[f]))
            total = posterior[known].sum() + PSEUDO_PAIRS
            start = freq.m[f]
            m[f] = {
                level: (posterior[levels[f] == level].sum() + PSEUDO_PAIRS * start[level]) / total
                for level in m[f]
            }
        m["nik"] = _tie_serials(m["nik"])
    return m


#: Of the one-digit typos and swaps in a 4-digit serial (36 + 3), about 2 give the next or the
#: previous serial; so a typo rarely looks like a neighbour's or a twin's number.
NEXT_SERIAL_SHARE = 2 / 37


def _tie_serials(nik: dict[int, float]) -> dict[int, float]:
    """m of consecutive serials follows from m of the other serial typos, not from EM: the
    pairs with consecutive serials are mostly same-day neighbours, whose posterior would
    otherwise feed that level's m and so their own posterior."""
    tied = dict(nik)
    tied[Nik.SERIAL_NEXT] = nik[Nik.SERIAL_EDIT] * NEXT_SERIAL_SHARE / (1 - NEXT_SERIAL_SHARE)
    total = sum(tied.values())
    return {level: value / total for level, value in tied.items()}
