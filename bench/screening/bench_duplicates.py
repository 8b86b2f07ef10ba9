"""Double-candidacy accuracy on synthetic lists: each planted double is two noisy forms.

Usage (from the repository root):

    .venv/bin/python bench/screening/bench_duplicates.py --setting hard --seed 1

A candidate list of ``--candidates`` rows (the generator's, ``--links`` of whom copy a person of a
small registry) gets ``--doubles`` more rows: a second, independently noised form of the registry
person behind one of the linked candidates. Truth is those pairs. Prints P/R/F1 of ``match`` and
the recall of ``match``+``review`` (pairs, no clustering) as one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time

import numpy as np
import polars as pl

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from awasi.screening.linkage import synth  # noqa: E402
from awasi.screening.linkage.link import duplicates  # noqa: E402
from awasi.screening.linkage.synth import CANDIDATE_COLUMNS, SETTINGS  # noqa: E402


def planted(setting: str, seed: int, n: int, links: int, doubles: int):
    """The candidate list with ``doubles`` second forms, and the set of true pairs."""
    data = synth.generate(
        n_registry=2 * links, n_candidates=n, n_links=links, setting=setting, seed=seed
    )
    rng = np.random.default_rng(seed + 100)
    first = {pid: cid for cid, pid in sorted(data.truth.items())}
    registry = {r["person_id"]: r for r in data.registry.iter_rows(named=True)}
    rows, truth = [], set()
    for k, (pid, cid) in enumerate(list(first.items())[:doubles]):
        r = registry[pid]
        person = {
            **r,
            "full_name": r["full_name"].removeprefix("Hj. ").removeprefix("Drs. "),
            "birth_date": dt.date.fromisoformat(r["birth_date"]),
        }
        rows.append(synth._candidate_row(rng, f"D{k:05d}", person, SETTINGS[setting]))
        truth.add(frozenset((f"D{k:05d}", cid)))
    extra = pl.DataFrame(rows, schema=list(CANDIDATE_COLUMNS), orient="row")
    return pl.concat([data.candidates, extra]), truth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--setting", default="hard", choices=sorted(SETTINGS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--candidates", type=int, default=4_000)
    parser.add_argument("--links", type=int, default=1_000)
    parser.add_argument("--doubles", type=int, default=500)
    args = parser.parse_args()
    cands, truth = planted(args.setting, args.seed, args.candidates, args.links, args.doubles)
    start = time.perf_counter()
    out = duplicates(cands)
    pairs = out.select("candidate_id_a", "candidate_id_b", "decision").iter_rows()
    flagged = {frozenset((a, b)): d for a, b, d in pairs}
    match = {p for p, d in flagged.items() if d == "match"}
    tp = len(match & truth)
    precision, recall = tp / max(len(match), 1), tp / len(truth)
    print(
        json.dumps(
            {
                "data": f"doubles {args.setting} seed {args.seed}: {cands.height} rows, "
                f"{len(truth)} doubles (generator {synth.GENERATOR_VERSION})",
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(2 * precision * recall / (precision + recall), 4),
                "recall_match_or_review": round(len(set(flagged) & truth) / len(truth), 4),
                "flagged_pairs": len(flagged),
                "seconds": round(time.perf_counter() - start, 1),
                "load_1min": os.getloadavg()[0],
            }
        )
    )


if __name__ == "__main__":
    main()
