"""The linker on noise mixes, sizes and link shares it was not developed on (robustness check).

Usage (from the repository root):

    .venv/bin/python bench/screening/bench_robustness.py

The "standard" and "hard" settings are where the linker was developed; another data set will
be used to check it. These mixes move every knob the other way or further (typo-heavy names,
NIK-poor forms, clean forms among many namesakes and neighbours) on a small and a larger
registry with 10 % and 50 % of candidates in the registry. Prints one line per run: P/R/F1 of
``match``, recall of ``match``+``review`` and the number of review pairs.
"""

from __future__ import annotations

import os
import sys

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


def main() -> None:
    for name, noise in MIXES.items():
        synth.SETTINGS[name] = noise
        for n_registry, n_candidates, n_links, seed in SIZES:
            data = synth.generate(
                n_registry=n_registry,
                n_candidates=n_candidates,
                n_links=n_links,
                setting=name,
                seed=seed,
            )
            out = link(data.candidates, data.registry)
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
