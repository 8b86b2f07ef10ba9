"""The linker on noise mixes, sizes and link shares it was not developed on (robustness check).

Usage (from the repository root):

    .venv/bin/python bench/screening/bench_robustness.py

The "standard" and "hard" settings are where the linker was developed; another data set will
be used to check it. These mixes move every knob the other way or further (typo-heavy names,
NIK-poor forms, clean forms among many namesakes and neighbours; the hard setting with 30 % of
the candidates' birth places mistyped, which the generator never does) on a small and a larger
registry with 10 % and 50 % of candidates in the registry. Prints one line per run: P/R/F1 of
``match``, recall of ``match``+``review`` and the number of review pairs.
"""

from __future__ import annotations

import os
import sys

import numpy as np
import polars as pl

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from awasi.screening.linkage import synth  # noqa: E402
from awasi.screening.linkage.link import link  # noqa: E402

MIXES = {
    "typo-heavy": synth.Noise(
        typo=0.45,
        old_spelling=0.3,
        nik_typo=0.10,
        nik_missing=0.15,
        dob_missing=0.10,
        title=0.6,
        drop_token=0.2,
        namesakes=0.15,
    ),
    "nik-poor": synth.Noise(
        nik_missing=0.35,
        nik_dummy=0.10,
        nik_typo=0.05,
        dob_swap=0.08,
        dob_days=0.08,
        namesakes=0.3,
    ),
    "clean-many-namesakes": synth.Noise(
        typo=0.05, old_spelling=0.05, nik_typo=0.02, nik_missing=0.02, namesakes=0.5, neighbours=0.2
    ),
}
SIZES = ((50_000, 3_000, 300, 7), (300_000, 4_000, 2_000, 8))
#: Mixes whose candidate birth places are then mistyped (the generator never does): share of
#: candidates with one letter substituted, deleted or swapped in the place name.
PLACE_TYPOS = {"hard, places mistyped": ("hard", 0.3)}


def mistype_places(candidates: pl.DataFrame, share: float, seed: int) -> pl.DataFrame:
    """One substitution, deletion or adjacent swap in ``share`` of the birth places."""
    rng = np.random.default_rng(seed)
    out = []
    for place in candidates["birth_place"].to_list():
        if place and len(place) > 3 and rng.random() < share:
            i = int(rng.integers(1, len(place) - 1))
            kind = int(rng.integers(0, 3))
            if kind == 0:
                place = place[:i] + "aiueonrst"[int(rng.integers(0, 9))] + place[i + 1 :]
            elif kind == 1:
                place = place[:i] + place[i + 1 :]
            else:
                place = place[:i] + place[i + 1] + place[i] + place[i + 2 :]
        out.append(place)
    return candidates.with_columns(birth_place=pl.Series(out, dtype=pl.Utf8))


def main() -> None:
    for name, noise in MIXES.items():
        synth.SETTINGS[name] = noise
    runs = [(name, name, 0.0) for name in MIXES]
    runs += [(name, setting, share) for name, (setting, share) in PLACE_TYPOS.items()]
    for name, setting, share in runs:
        for n_registry, n_candidates, n_links, seed in SIZES:
            data = synth.generate(
                n_registry=n_registry,
                n_candidates=n_candidates,
                n_links=n_links,
                setting=setting,
                seed=seed,
            )
            candidates = data.candidates
            if share:
                candidates = mistype_places(candidates, share, seed)
            out = link(candidates, data.registry)
            truth = set(data.truth.items())
            rows = out.select("candidate_id", "person_id", "decision").iter_rows()
            flagged = {(c, p): d for c, p, d in rows}
            match = {pair for pair, d in flagged.items() if d == "match"}
            tp = len(match & truth)
            precision, recall = tp / max(len(match), 1), tp / len(truth)
            f1 = 2 * precision * recall / (precision + recall)
            print(
                f"{name:21s} {n_candidates:>5,} x {n_registry:>7,}, {n_links:>5,} links: "
                f"P {precision:.4f} R {recall:.4f} F1 {f1:.4f} "
                f"recall m+r {len(set(flagged) & truth) / len(truth):.4f} "
                f"review {len(flagged) - len(match)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
