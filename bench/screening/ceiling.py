"""How far the linker is from what its own comparisons can tell: a supervised ceiling.

A gradient-boosted classifier (scikit-learn's HistGradientBoosting) is trained on the truth of
other seeds of the same setting, on exactly the pairs the linker blocks and the features it
computes for them (field levels, bits per field, NIK/date facts, name similarity), optionally
with each candidate's context (rank of the pair, best and runner-up score, number of pairs).
It is then tested on a held-out seed like the linker: the best pair per candidate, ``match`` at
p >= 0.5. No real screening could train such a model (there is no truth), so its F1 is an upper
reference for this data, not a competitor; the gap says how much a better decision layer could
still win on these comparisons.

Usage (from the repository root; about 1 min per seed at 200,000 registry people):

    .venv/bin/python bench/screening/ceiling.py --setting hard --test-seed 1 --train-seeds 2 3 4
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import polars as pl

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402

from awasi.screening.linkage import districts, synth  # noqa: E402
from awasi.screening.linkage.blocking import block, reference_keys  # noqa: E402
from awasi.screening.linkage.compare import compare  # noqa: E402
from awasi.screening.linkage.link import (  # noqa: E402
    Thresholds,
    _anchored_prior,
    _m_from_block,
    _province_of,
    _token_text,
    link,
)
from awasi.screening.linkage.model import frequencies, weights  # noqa: E402
from awasi.screening.linkage.prep import Vocabulary, prepare  # noqa: E402

PAIR = [
    "score",
    "w_nik",
    "w_date",
    "w_name",
    "w_sex",
    "w_geo",
    "nik",
    "date",
    "stated_date",
    "stated_agrees",
    "name",
    "sex",
    "geo",
    "nik_far",
    "other_id",
    "name_similarity",
    "initials",
]
CONTEXT = ["rank", "best", "second", "gap", "pairs"]


def pair_features(data: synth.Synthetic) -> pl.DataFrame:
    """Every blocked pair with the linker's features and whether it is the true link."""
    vocab, th = Vocabulary(), Thresholds()
    c = prepare(data.candidates, "candidate_id", vocab)
    r = prepare(data.registry, "person_id", vocab)
    freq = frequencies(r, vocab.size)
    freq.district_unused_u = districts.unused_share(c, freq.districts)
    prior = _anchored_prior(c, r, vocab, th)
    ci, ri = block(c, r, None, right_keys=reference_keys(r))
    lv = compare(c, r, ci, ri, _province_of(vocab), _token_text(vocab))
    freq.m = _m_from_block(lv, c, ci, r, ri, freq, th, prior)
    w = weights(lv, freq, c, ci, r, ri)
    frame = pl.DataFrame(
        {
            "ci": ci,
            "score": prior + w.total(),
            "w_nik": w.nik,
            "w_date": w.date,
            "w_name": w.name,
            "w_sex": w.sex,
            "w_geo": w.geo,
            **{f: getattr(lv, f) for f in PAIR[6:]},
        }
    ).with_columns(
        rank=pl.col("score").rank("ordinal", descending=True).over("ci"),
        best=pl.col("score").max().over("ci"),
        pairs=pl.len().over("ci"),
    )
    frame = frame.with_columns(
        second=pl.col("score").filter(pl.col("rank") == 2).first().over("ci").fill_null(-60.0),
        gap=pl.col("score") - pl.col("best"),
    )
    truth = set(data.truth.items())
    ids = zip(np.asarray(c.ids)[ci], np.asarray(r.ids)[ri], strict=True)
    return frame.with_columns(y=pl.Series(np.fromiter((p in truth for p in ids), bool, len(ci))))


def _generate(setting: str, seed: int, args: argparse.Namespace) -> synth.Synthetic:
    return synth.generate(
        n_registry=args.registry,
        n_candidates=args.candidates,
        n_links=args.links,
        setting=setting,
        seed=seed,
    )


def _f1(tp: int, fp: int, n_true: int) -> float:
    return round(2 * tp / (2 * tp + fp + (n_true - tp)), 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--setting", default="hard", choices=sorted(synth.SETTINGS))
    ap.add_argument("--test-seed", type=int, default=1)
    ap.add_argument("--train-seeds", type=int, nargs="+", default=[2, 3, 4])
    ap.add_argument("--registry", type=int, default=200_000)
    ap.add_argument("--candidates", type=int, default=5_000)
    ap.add_argument("--links", type=int, default=1_500)
    args = ap.parse_args()
    train = []
    for seed in args.train_seeds:
        print(f"features of seed {seed}", file=sys.stderr)
        train.append(pair_features(_generate(args.setting, seed, args)))
    train_frame = pl.concat(train)
    test_data = _generate(args.setting, args.test_seed, args)
    test = pair_features(test_data)
    n_true = len(test_data.truth)
    out = link(test_data.candidates, test_data.registry)
    chosen = out.filter(pl.col("decision") == "match")
    matched = set(zip(chosen["candidate_id"], chosen["person_id"], strict=True))
    tp = len(matched & set(test_data.truth.items()))
    result = {
        "data": f"{args.setting} seed {args.test_seed} (trained on {args.train_seeds}), "
        f"generator {synth.GENERATOR_VERSION}",
        "linker_f1": _f1(tp, len(matched) - tp, n_true),
    }
    for label, columns in (("pair_features", PAIR), ("with_candidate_context", PAIR + CONTEXT)):
        model = HistGradientBoostingClassifier(max_iter=400, learning_rate=0.05, random_state=0)
        model.fit(train_frame.select(columns).to_numpy(), train_frame["y"].to_numpy())
        p = model.predict_proba(test.select(columns).to_numpy())[:, 1]
        best = (
            test.with_columns(p=pl.Series(p))
            .sort("p", descending=True)
            .group_by("ci", maintain_order=True)
            .first()
            .filter(pl.col("p") >= 0.5)
        )
        hits = int(best["y"].sum())
        result[f"supervised_{label}_f1"] = _f1(hits, best.height - hits, n_true)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
