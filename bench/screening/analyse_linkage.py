"""Why the linker misses true links or makes false matches: per-category counts and examples.

Usage (from the repository root):

    .venv/bin/python bench/screening/analyse_linkage.py --setting hard --seed 1 [--show 5]
    .venv/bin/python bench/screening/analyse_linkage.py --febrl4

For every true link the linker did not decide ``match`` (and every false ``match``), the true
pair itself is compared and scored, so a miss is described by the levels of the pair that should
have won (NIK, date, name, sex), its bits, and what the linker chose instead. Prints counts per
category (levels of the true pair) and a few explained examples per category.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys

import numpy as np
import polars as pl

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from awasi.screening.linkage import synth  # noqa: E402
from awasi.screening.linkage.compare import Date, Name, Nik, Sex  # noqa: E402
from awasi.screening.linkage.explain import explain  # noqa: E402
from awasi.screening.linkage.link import (  # noqa: E402
    Thresholds,
    _anchored_prior,
    link,
    score_pairs,
)
from awasi.screening.linkage.model import frequencies  # noqa: E402
from awasi.screening.linkage.prep import Vocabulary, prepare  # noqa: E402


def _label(lv, k: int) -> str:
    return (
        f"nik={Nik(lv.nik[k]).name} date={Date(lv.date[k]).name} "
        f"name={Name(lv.name[k]).name} sex={Sex(lv.sex[k]).name}"
    )


def analyse(cands: pl.DataFrame, reg: pl.DataFrame, truth: dict[str, str], show: int) -> None:
    out = link(cands, reg, keep_all=True, language="en")
    chosen = {r["candidate_id"]: r for r in out.iter_rows(named=True)}
    misses = [
        c
        for c, p in truth.items()
        if chosen.get(c, {}).get("person_id") != p or chosen[c]["decision"] != "match"
    ]
    false = [
        c for c, r in chosen.items() if r["decision"] == "match" and truth.get(c) != r["person_id"]
    ]
    # Score the true pairs themselves (whether or not blocking produced them).
    vocab = Vocabulary()
    c, r = prepare(cands, "candidate_id", vocab), prepare(reg, "person_id", vocab)
    freq = frequencies(r, vocab.size)
    th = Thresholds()
    prior = _anchored_prior(c, r, vocab, th)
    c_row = {cid: i for i, cid in enumerate(c.ids)}
    r_row = {pid: i for i, pid in enumerate(r.ids)}
    # A candidate matched to the wrong person is both a miss and a false match: listed once.
    todo = [x for x in misses if x in c_row]
    todo += [x for x in false if x in truth and x not in set(todo)]
    ci = np.asarray([c_row[x] for x in todo], np.int32)
    ri = np.asarray([r_row[truth[x]] for x in todo], np.int32)
    s = score_pairs(c, r, ci, ri, freq, vocab, th, prior=prior)
    by_cat: dict[str, list[str]] = collections.defaultdict(list)
    for k, cid in enumerate(todo):
        got = chosen.get(cid, {"person_id": "", "decision": "no match"})
        kind = "MISS" if cid in misses else "FALSE-MATCH(true pair)"
        outcome = (
            "right person, " + got["decision"]
            if got["person_id"] == truth[cid]
            else f"chose other ({got['decision']})"
        )
        cat = f"{kind} {_label(s.levels, k)} → {outcome}"
        ex = (
            f"  {cid}: cand[{cands.row(c_row[cid], named=True)}]\n"
            f"    reg[{reg.row(r_row[truth[cid]], named=True)}]\n"
            f"    true pair: {explain(s, k, c, r, language='en')}\n"
            f"    linker chose {got['person_id']} {got['decision']}: {got.get('reasons', '')}"
        )
        by_cat[cat].append(ex)
    for cid in false:
        if cid in truth:
            continue
        got = chosen[cid]
        cat = "FALSE-MATCH(no true link)"
        ex = (
            f"  {cid}: cand[{cands.row(c_row[cid], named=True)}]\n"
            f"    reg[{reg.row(r_row[got['person_id']], named=True)}]\n"
            f"    {got['reasons']}"
        )
        by_cat[cat].append(ex)
    n_true = len(truth)
    tp = n_true - len([x for x in misses])
    print(
        f"true links {n_true}, missed as match {len(misses)}, false matches {len(false)}, "
        f"F1 {2 * tp / (2 * tp + len(misses) + len(false)):.4f}"
    )
    for cat, examples in sorted(by_cat.items(), key=lambda kv: -len(kv[1])):
        print(f"\n[{len(examples)}] {cat}")
        for ex in examples[:show]:
            print(ex)


def _febrl4() -> tuple[pl.DataFrame, pl.DataFrame, dict[str, str]]:
    from bench_linkage import febrl4_frames

    return febrl4_frames()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--setting", default="hard", choices=sorted(synth.SETTINGS))
    parser.add_argument("--registry", type=int, default=200_000)
    parser.add_argument("--candidates", type=int, default=5_000)
    parser.add_argument("--links", type=int, default=1_500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=3)
    parser.add_argument("--febrl4", action="store_true")
    args = parser.parse_args()
    if args.febrl4:
        cands, reg, truth = _febrl4()
    else:
        data = synth.generate(
            n_registry=args.registry,
            n_candidates=args.candidates,
            n_links=args.links,
            setting=args.setting,
            seed=args.seed,
        )
        cands, reg, truth = data.candidates, data.registry, data.truth
    analyse(cands, reg, truth, args.show)


if __name__ == "__main__":
    main()
